import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, afterEach } from 'vitest';
import { startDemoServer } from './demo-server.mjs';
import { close, launchWithExtension, openPanel, screenshot, serveStatic, type Harness } from './harness.ts';

// The sensor in real Chromium with the built extension, on the demo console (tests/e2e/demo).
// A probe listener added to the extension's service worker records every blocks message with its
// arrival time, so the test counts exactly what reached the background.

interface ProbeBlock {
  id: string;
  source: string;
  text: string;
  author?: string;
  via?: string;
  t: number;
}
interface ProbeSend {
  t: number;
  sentAt?: number;
  maxTask?: number;
  busy?: number;
  chat: number;
}
interface Probe {
  urls: string[];
  blocks: ProbeBlock[];
  dropped: number;
  removed: string[];
  sends: ProbeSend[];
}

// The extension's own global inside the service worker (evaluate bodies run there).
declare const chrome: { runtime: { onMessage: { addListener(fn: (m: never, sender: never) => void): void }; reload(): void } };

let h: Harness;
let demo: { origin: string; close(): Promise<void> };
const report: string[] = [];
const servers: { close(): Promise<void> }[] = [];

async function installProbe(): Promise<void> {
  const sw = await h.serviceWorker();
  await sw.evaluate(() => {
    const g = globalThis as unknown as { __probe?: Probe; __probeInstalled?: boolean };
    g.__probe = { urls: [], blocks: [], dropped: 0, removed: [], sends: [] };
    if (g.__probeInstalled) return;
    g.__probeInstalled = true;
    type M = { type?: string; url?: string; blocks?: ProbeBlock[]; dropped?: number; removed?: string[]; sentAt?: number; sensorMaxTaskMs?: number; sensorBusyMs?: number };
    const tabs: Record<string, number> = {};
    (globalThis as unknown as { __tabs: Record<string, number> }).__tabs = tabs;
    chrome.runtime.onMessage.addListener((m: M, sender?: { url?: string; tab?: { id?: number } }) => {
      // The extension has no "tabs" permission, so tests find a page's tab id from its messages.
      if (sender?.url && sender.tab?.id !== undefined) tabs[sender.url] = sender.tab.id;
      if (m?.type !== 'livelint:blocks') return;
      const t = Date.now();
      const p = g.__probe!;
      const chat = (m.blocks ?? []).filter((b) => b.source === 'chat').length;
      p.urls.push(m.url ?? '');
      p.sends.push({ t, sentAt: m.sentAt, maxTask: m.sensorMaxTaskMs, busy: m.sensorBusyMs, chat: chat + (m.dropped ? 1 : 0) });
      for (const b of m.blocks ?? []) p.blocks.push({ id: b.id, source: b.source, text: b.text, author: b.author, via: b.via, t });
      p.dropped += m.dropped ?? 0;
      p.removed.push(...(m.removed ?? []));
    });
  });
}

async function probe(): Promise<Probe> {
  const sw = await h.serviceWorker();
  return sw.evaluate(() => (globalThis as unknown as { __probe: Probe }).__probe);
}

async function resetProbe(): Promise<void> {
  const sw = await h.serviceWorker();
  await sw.evaluate(() => {
    (globalThis as unknown as { __probe: Probe }).__probe = { urls: [], blocks: [], dropped: 0, removed: [], sends: [] };
  });
}

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  let v = await fn();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    v = await fn();
  }
  return v;
}

/** Everything the page's console or either world reports as an error, via CDP. */
async function collectErrors(page: Page): Promise<{ errors: string[]; cdp: CDPSession }> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Runtime.exceptionThrown', (e) => errors.push(`exception: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`));
  cdp.on('Log.entryAdded', (e) => {
    if (e.entry.level === 'error' && !/favicon/.test(e.entry.url ?? '')) errors.push(`log: ${e.entry.text}`);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  return { errors, cdp };
}

/**
 * Installed before the page's scripts: every long task, and the scripts Long Animation Frames
 * attributes time to (it names extension scripts by their chrome-extension:// URL).
 */
const LONGTASKS = () => {
  const w = window as unknown as { __longtasks: { d: number; t: number }[]; __loafScripts: { d: number; url: string; invoker: string }[] };
  w.__longtasks = [];
  w.__loafScripts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longtasks.push({ d: Math.round(e.duration), t: Math.round(e.startTime) });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { scripts?: { duration: number; sourceURL: string; invoker: string }[] }[]) {
        for (const s of e.scripts ?? []) w.__loafScripts.push({ d: Math.round(s.duration), url: s.sourceURL, invoker: s.invoker });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    /* LoAF unsupported: the sensor's own timing still answers */
  }
};

type FloodResult = { longtasks: { d: number }[]; loaf: { d: number; url: string; invoker: string }[]; heapBefore: number; heapAfter: number };

async function flood(page: Page, origin: string): Promise<FloodResult> {
  await page.addInitScript(LONGTASKS);
  await page.goto(`${origin}/console.html?rate=200&count=2000&unique=1&captions=0`);
  const heap = () => page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  const heapBefore = await heap();
  await page.waitForFunction(() => (window as unknown as { __demo: { done: boolean } }).__demo.done, null, { timeout: 30_000 });
  await new Promise((r) => setTimeout(r, 800)); // the last batch
  const w = await page.evaluate(() => {
    const x = window as unknown as { __longtasks: { d: number }[]; __loafScripts: { d: number; url: string; invoker: string }[] };
    return { longtasks: x.__longtasks, loaf: x.__loafScripts };
  });
  return { ...w, heapBefore, heapAfter: await heap() };
}

beforeAll(async () => {
  demo = await startDemoServer();
  // LIVELINT_EXT_DIR: a private copy of the build, when other builds may rewrite .output meanwhile.
  h = await launchWithExtension({ extensionDir: process.env.LIVELINT_EXT_DIR || undefined });
  await installProbe();
});
// A test that fails half-way must not leave a demo console streaming chat into the next test.
afterEach(async () => {
  for (const p of h?.ctx.pages() ?? []) if (!p.isClosed() && p.url().startsWith(demo.origin)) await p.close().catch(() => {});
});
afterAll(async () => {
  console.log(`[sites-demo] ${report.join('; ')}`);
  await close(h, demo, ...servers);
});

describe('sensor on the demo console', () => {
  it('a typed risky sentence reaches the background and the side panel within 300 ms', async () => {
    const page = await h.ctx.newPage();
    await page.goto(`${demo.origin}/console.html?rate=0&captions=0`);
    // The prefilled script arrives first (5 paragraphs) and the panel shows it.
    await until(probe, (p) => p.blocks.filter((b) => b.source === 'script').length >= 5, 10_000);
    const { page: panel } = await openPanel(h);
    await panel.locator('mark', { hasText: '全网最低价' }).first().waitFor({ timeout: 10_000 });
    await panel.evaluate(() => {
      const w = window as unknown as { __seenAt: number };
      w.__seenAt = 0;
      new MutationObserver(() => {
        if (w.__seenAt) return;
        for (const m of document.querySelectorAll('mark')) if (m.textContent?.includes('史上最低价')) w.__seenAt = Date.now();
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await resetProbe();

    await page.bringToFront();
    await page.click('#script');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n这款面霜是史上最低价', { delay: 15 });
    const typedAt = await page.evaluate(() => (window as unknown as { __demo: { lastInputAt: number } }).__demo.lastInputAt);

    const p = await until(probe, (x) => x.blocks.some((b) => b.text.includes('史上最低价')), 5_000);
    const arrived = p.blocks.find((b) => b.text.includes('史上最低价'))!;
    const toBackground = arrived.t - typedAt;
    const send = p.sends.find((s) => s.t === arrived.t);
    report.push(`typed->sent ${(send?.sentAt ?? NaN) - typedAt} ms (150 ms of it is the debounce)`);
    // Only the changed paragraph was sent, not the whole script again.
    expect(p.blocks.filter((b) => b.source === 'script').map((b) => b.text)).toEqual(['这款面霜是史上最低价']);

    const seenAt = await until(
      () => panel.evaluate(() => (window as unknown as { __seenAt: number }).__seenAt),
      (v) => v > 0,
      5_000,
    );
    const toPanel = seenAt - typedAt;
    report.push(`typed->background ${toBackground} ms`, `typed->panel ${toPanel} ms`);
    await screenshot(panel, 'sites-demo-typed-panel');
    // The 300 ms target is measured and reported above; the assertion only catches a gross
    // regression, so a busy CI machine cannot turn a timing wobble into a red build.
    expect(toBackground).toBeLessThan(1500);
    expect(toPanel).toBeLessThan(1500);
    await panel.close();
    await page.close();
  });

  it('2,000 chat messages at 200/s: each processed once or counted as dropped, no long task, bounded memory', async () => {
    // Control: the same flood where the content script does not run ([::1] is not in its matches),
    // so long tasks the page and this busy machine cause on their own are known.
    const bare = await startDemoServer({ host: '::1' });
    const controlPage = await h.ctx.newPage();
    const control = await flood(controlPage, bare.origin);
    await controlPage.close();
    await bare.close();

    await resetProbe();
    const page = await h.ctx.newPage();
    const { errors } = await collectErrors(page);
    const run = await flood(page, demo.origin);
    const p = await until(
      probe,
      (x) => x.blocks.filter((b) => b.source === 'chat').length + x.dropped >= 2000,
      10_000,
    );
    const chat = p.blocks.filter((b) => b.source === 'chat');
    const ids = new Set(chat.map((b) => b.id));
    const chatSends = p.sends.filter((s) => s.chat > 0);
    const gaps = chatSends.slice(1).map((s, i) => (s.sentAt ?? s.t) - (chatSends[i].sentAt ?? chatSends[i].t));
    const sensorMax = Math.max(...p.sends.map((s) => s.maxTask ?? 0));
    const extScripts = run.loaf.filter((s) => s.url.startsWith('chrome-extension://'));
    const maxOf = (xs: { d: number }[]) => (xs.length ? Math.max(...xs.map((x) => x.d)) : 0);
    report.push(
      `flood: ${chat.length} processed + ${p.dropped} dropped of 2000 in ${chatSends.length} batches (min gap ${Math.min(...gaps)} ms)`,
      `sensor longest task ${sensorMax} ms (per batch: ${p.sends.map((x) => x.maxTask ?? 0).join(',')})`,
      `sensor busy total ${p.sends.reduce((a, x) => a + (x.busy ?? 0), 0).toFixed(1)} ms`,
      `LoAF scripts: ${JSON.stringify(run.loaf.filter((x) => !x.url || x.url.startsWith('chrome')).slice(0, 8))}`,
      `long tasks: ${run.longtasks.map((x) => x.d).join(',')}`,
      `extension scripts in long animation frames: ${extScripts.length} (max ${maxOf(extScripts)} ms)`,
      `long tasks with sensor ${run.longtasks.length} (max ${maxOf(run.longtasks)} ms) vs control ${control.longtasks.length} (max ${maxOf(control.longtasks)} ms)`,
      `page heap ${(run.heapBefore / 1e6).toFixed(1)} -> ${(run.heapAfter / 1e6).toFixed(1)} MB`,
    );
    expect(ids.size).toBe(chat.length); // never twice
    expect(chat.length + p.dropped).toBe(2000); // never silently lost
    // Batched at most every 250 ms (timer slack of a few ms).
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(245);
    // No long task caused by the content script: its own longest piece of work (timed around every
    // handler), and what Long Animation Frames attributes to extension scripts, stay under 50 ms.
    // Wall-clock timing can't tell work from being descheduled: when the control run (same flood,
    // no sensor) itself shows long tasks, the machine is saturated, and the bound becomes "no longer
    // than the page's own worst task on this machine right now".
    const controlWorst = maxOf(control.longtasks);
    expect(sensorMax).toBeLessThan(control.longtasks.length === 0 ? 50 : Math.max(50, controlWorst));
    expect(extScripts.filter((s) => s.d > 50)).toEqual([]);
    expect(run.heapAfter - run.heapBefore).toBeLessThan(30e6);
    expect(errors).toEqual([]);
    await page.close();
    // Two 10-second floods (control and measured) plus page loads: a slow machine needs more than
    // the default minute, and a timed-out flood page left streaming would spill into later tests.
  }, 180_000);

  it('reads comments from the console network responses first (MAIN-world tap), each once', async () => {
    await resetProbe();
    const page = await h.ctx.newPage();
    await page.goto(`${demo.origin}/console.html?rate=40&count=200&unique=1&captions=0&feed=network`);
    await page.waitForFunction(() => (window as unknown as { __demo: { done: boolean; rendered: number } }).__demo.rendered >= 200, null, {
      timeout: 20_000,
    });
    const p = await until(probe, (x) => x.blocks.filter((b) => b.source === 'chat').length >= 200, 5_000);
    const chat = p.blocks.filter((b) => b.source === 'chat');
    const viaNetwork = chat.filter((b) => b.via === 'network').length;
    report.push(`network feed: ${chat.length} messages, ${viaNetwork} via network`);
    expect(new Set(chat.map((b) => b.id)).size).toBe(200);
    expect(chat.length).toBe(200);
    expect(viaNetwork).toBeGreaterThanOrEqual(190);
    await page.close();
  });

  it('survives a replaced script box, a re-rendered chat list and SPA navigation; captions arrive line by line', async () => {
    await resetProbe();
    const page = await h.ctx.newPage();
    await page.goto(`${demo.origin}/console.html?rate=20&count=60&unique=1&captions=400`);
    await page.waitForFunction(() => (window as unknown as { __demo: { done: boolean } }).__demo.done, null, { timeout: 20_000 });
    await until(probe, (x) => x.blocks.filter((b) => b.source === 'chat').length >= 60, 5_000);

    await page.click('#rerender');
    await page.click('#replace-script');
    await page.click('#script');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n销量全国第一');
    let p = await until(probe, (x) => x.blocks.some((b) => b.text === '销量全国第一'), 3_000);
    expect(p.blocks.some((b) => b.text === '销量全国第一')).toBe(true);

    await page.evaluate(() => history.pushState({}, '', '/console.html?view=2'));
    await page.click('#script');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n效果秒杀一切大牌');
    p = await until(probe, (x) => x.blocks.some((b) => b.text === '效果秒杀一切大牌'), 3_000);
    expect(p.blocks.some((b) => b.text === '效果秒杀一切大牌')).toBe(true);
    // The re-rendered rows were the same 60 messages: none came twice.
    expect(p.blocks.filter((b) => b.source === 'chat').length).toBe(60);
    // ASR captions: each new line once, in the order the host said them.
    const caps = p.blocks.filter((b) => b.source === 'captions');
    expect(caps.length).toBeGreaterThanOrEqual(3);
    expect(new Set(caps.map((b) => b.id)).size).toBe(caps.length);
    expect(caps.slice(0, 2).map((b) => b.text)).toEqual(['家人们晚上好，欢迎来到直播间', '今天给大家带来的是这款玻尿酸补水面膜']);
    await page.close();
  });

});

describe('element picker on a page no adapter knows', () => {
  it('picks the chat list by clicking a row, reads it, and remembers it after a reload', async () => {
    const server = await serveStatic();
    // Closed after the browser (afterAll): an http server waits for the browser's keep-alive sockets.
    servers.push(server);
    // No #chat, no .chat-row: the demo adapter finds nothing here until the user points at the list.
    const url = server.page(
      '/custom-console.html',
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
       <div class="wrap"><ul class="msgs">
         <li><em>小鹿</em>：这个能祛斑吗</li><li><em>阿强</em>：包邮吗</li><li><em>橙子</em>：能治湿疹吗</li>
       </ul></div>
       <script>let n = 0; setInterval(() => { if (n < 3) { const li = document.createElement('li'); li.innerHTML = '<em>新观众' + n + '</em>：第' + (n++) + '条 全网最便宜吗'; document.querySelector('.msgs').append(li); } }, 300);</script>
       </body></html>`,
    );
    {
      await resetProbe();
      const page = await h.ctx.newPage();
      const { errors } = await collectErrors(page);
      await page.goto(url);
      const { page: panel } = await openPanel(h);
      const sw = await h.serviceWorker();
      const tabId = await until(
        () => sw.evaluate((u) => (globalThis as unknown as { __tabs: Record<string, number> }).__tabs[u], url),
        (id) => id !== undefined,
        5_000,
      );
      // What the side panel's "pick" button sends (after asking for the site's permission).
      const started = await panel.evaluate(
        ([id]) =>
          (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({
            type: 'livelint:pick-start',
            tabId: id,
            kind: 'chat',
          }),
        [tabId] as const,
      );
      expect(started).toEqual({ ok: true, remembered: true });
      await page.bringToFront();
      const row = page.locator('.msgs li').nth(1);
      await row.hover();
      await row.click();
      let p = await until(probe, (x) => x.blocks.filter((b) => b.source === 'chat').length >= 6, 5_000);
      const texts = p.blocks.filter((b) => b.source === 'chat').map((b) => b.text);
      expect(texts.slice(0, 3)).toEqual(['这个能祛斑吗', '包邮吗', '能治湿疹吗']);
      expect(texts).toContain('第2条 全网最便宜吗');
      expect(await page.locator('livelint-picker').count()).toBe(0); // the overlay is gone

      // Remembered for this site: after a reload the list is read without picking again.
      await resetProbe();
      await page.reload();
      p = await until(probe, (x) => x.blocks.filter((b) => b.source === 'chat').length >= 3, 5_000);
      expect(p.blocks.filter((b) => b.source === 'chat').map((b) => b.author).slice(0, 3)).toEqual(['小鹿', '阿强', '橙子']);
      expect(errors).toEqual([]);
      await panel.close();
      await page.close();
    }
  });
});

describe('editors in frames and shadow roots', () => {
  it('reads a contenteditable in a srcdoc iframe and a textarea inside an open shadow root', async () => {
    const server = await serveStatic();
    servers.push(server);
    // spellcheck=false: typing into a spell-checked editor makes Chromium itself fetch a dictionary
    // from redirector.gvt1.com (seen in this test), which is the browser's request, not LiveLint's.
    const framed = server.page(
      '/framed.html',
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="livelint-demo" content="e2e"><link rel="icon" href="data:,"></head><body>
       <h1>富文本编辑器</h1><iframe id="ed" srcdoc="<body contenteditable='true' spellcheck='false'><p>开场白</p></body>"></iframe></body></html>`,
    );
    const shadowed = server.page(
      '/shadowed.html',
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="livelint-demo" content="e2e"><link rel="icon" href="data:,"></head><body>
       <script-editor></script-editor>
       <script>document.querySelector('script-editor').attachShadow({ mode: 'open' }).innerHTML = '<textarea id="inner" spellcheck="false"></textarea>';</script>
       </body></html>`,
    );
    await resetProbe();
    const page = await h.ctx.newPage();
    const { errors } = await collectErrors(page);
    await page.goto(framed);
    const frame = page.frameLocator('#ed');
    await frame.locator('body').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('这款精华液效果秒杀一切大牌');
    let p = await until(probe, (x) => x.blocks.some((b) => b.text.includes('秒杀一切')), 5_000);
    const inFrame = p.blocks.find((b) => b.text.includes('秒杀一切'))!;
    expect(inFrame.source).toBe('script');
    expect(inFrame.id).toMatch(/^f[0-9a-z]+:script:/); // frame-scoped id: can't collide with the top page's
    expect(p.urls.at(-1)).toBe(framed); // the frame reports its page, so the background keeps the tab's findings

    await page.goto(shadowed);
    await page.locator('script-editor textarea').click();
    await page.keyboard.type('今天全网最低价');
    p = await until(probe, (x) => x.blocks.some((b) => b.text === '今天全网最低价'), 5_000);
    expect(p.blocks.some((b) => b.text === '今天全网最低价')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('extension reload (last: it replaces the extension under test)', () => {
  it('the extension reloaded mid-stream leaves no errors in the page, and nothing left localhost', async () => {
    const page = await h.ctx.newPage();
    const { errors } = await collectErrors(page);
    await page.goto(`${demo.origin}/console.html?rate=100`);
    await new Promise((r) => setTimeout(r, 1500));
    const sw = await h.serviceWorker();
    await sw.evaluate(() => chrome.runtime.reload()).catch(() => {});
    // Keep streaming and typing into the orphaned content script's page.
    await new Promise((r) => setTimeout(r, 1500));
    await page.click('#script');
    await page.keyboard.type('还在输入');
    await page.click('#rerender');
    await new Promise((r) => setTimeout(r, 2000));
    report.push(`page errors after reload: ${errors.length}`, `external requests: ${JSON.stringify(h.externalRequests())}`);
    expect(errors).toEqual([]);
    expect(h.externalRequests()).toEqual([]);
    await page.close();
  });
});
