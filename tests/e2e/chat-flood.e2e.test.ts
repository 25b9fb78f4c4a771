import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, launchWithExtension, openPanel, screenshot, serveStatic, tabIdOf, type Harness, type StaticServer } from './harness.ts';

// The Chat tab while chat floods at 200 messages a second (issue 6: only
// aggregates, stays responsive). Measured in the panel: frame-to-frame times (requestAnimationFrame),
// long tasks, and how often the insights actually re-render (the background pushes at most ~4/s).

// What viewers type during a sale: questions by topic, purchases, complaints, risky questions,
// off-platform solicitations and noise (the same kinds as the demo console's replay).
const VIEWER_MESSAGES = [
  '这个面膜敏感肌能用吗', '一盒几片', '保质期多久', '孕妇可以用吗', '什么时候发货', '包邮吗', '能开发票吗', '有没有赠品',
  '已拍', '拍了两盒', '扣1', '上链接', '怎么没有优惠券', '发货太慢了，等了一周', '上次买的漏液了', '客服不回消息',
  '主播说的全网最低价是真的吗', '能祛斑吗', '能治湿疹吗', '是不是全网最便宜', '加微信发你优惠券', '私聊我有内部价',
  '哈哈哈哈', '主播好美', '玻尿酸含量多少', '晚上用还是早上用', '敷多久', '能退吗', '这个价格还能便宜吗', '会员有折扣吗',
];

const PRODUCT_CSV = [
  'kind,attribute,value,unit,priority,words,from,to,note',
  'name,,玻尿酸补水修护面膜,,,,,,',
  'category,,化妆品,,,,,,',
  'price,直播价,59.9,,,,,,',
  'faq,敏感肌 能用/可以用,经过敏感肌测试，敏感肌可以用,,,,,,',
].join('\n');

const RATE = 200;
const COUNT = 2000;

let h: Harness;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic();
  h = await launchWithExtension({ extensionDir: process.env.LIVELINT_EXT_DIR || undefined });
});
afterAll(() => close(h, server));

describe('chat insights under a flood', () => {
  it(`aggregates ${COUNT} messages at ${RATE}/s and the panel stays responsive`, async () => {
    const page = await h.ctx.newPage();
    await page.goto(server.page('/chat-flood.html', '<!doctype html><meta charset="utf-8"><title>chat flood</title>'));
    const tabId = await tabIdOf(h, page);
    const { page: panel } = await openPanel(h, { query: 'lang=zh' });
    await panel.bringToFront();
    // With a product chosen every chat line is also checked against its record, and answers show.
    await panel.locator('[data-testid=product-import]').setInputFiles({ name: 'p.csv', mimeType: 'text/csv', buffer: Buffer.from(PRODUCT_CSV, 'utf8') });
    await expect.poll(() => panel.locator('[data-testid=product-select]').inputValue(), { timeout: 10_000 }).not.toBe('');
    await panel.locator('#ll-tab-chat').click();
    await panel.locator('#ll-tab-chat[aria-selected=true]').waitFor();

    await panel.evaluate(() => {
      const w = window as unknown as { frames_: number[]; longTasks_: number[]; renders_: number[]; stop_: boolean };
      w.frames_ = [];
      w.longTasks_ = [];
      w.renders_ = [];
      w.stop_ = false;
      let last = performance.now();
      const tick = (now: number) => {
        w.frames_.push(now - last);
        last = now;
        if (!w.stop_) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks_.push(e.duration))).observe({ type: 'longtask', buffered: false });
      // Long animation frames with their scripts: tells the panel's own work apart from a busy machine.
      const wl = window as unknown as { loafScripts_: number[]; loaf_: number };
      wl.loafScripts_ = [];
      wl.loaf_ = 0;
      try {
        new PerformanceObserver((list) =>
          list.getEntries().forEach((e) => {
            const l = e as unknown as { duration: number; scripts: Array<{ invoker: string; duration: number }> };
            if (l.duration > 50) wl.loaf_++;
            // Our own frame counter is not the panel's work.
            for (const sc of l.scripts) if (!sc.invoker.startsWith('FrameRequestCallback')) wl.loafScripts_.push(sc.duration);
          }),
        ).observe({ type: 'long-animation-frame', buffered: false });
      } catch {
        // no LoAF in this Chromium: frame times only
      }
      // One entry per change of the summary line = one insights snapshot rendered.
      let seen = '';
      new MutationObserver(() => {
        const s = document.querySelector('[data-testid=chat-summary]')?.textContent ?? '';
        if (s !== seen) {
          seen = s;
          w.renders_.push(performance.now());
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });

    // Fed through the worker's test hook (as the content script would, 20 messages per 100 ms
    // batch) so the panel stays the foreground page: a hidden page gets no animation frames to measure.
    const sent = await (await h.serviceWorker()).evaluate(
      async ([tab, rate, count, lines]) => {
        const hook = (globalThis as unknown as { livelintTest: { content(m: unknown, t: number): Promise<void> } }).livelintTest;
        const perBatch = Math.round(rate / 10);
        const start = performance.now();
        let n = 0;
        while (n < count) {
          const blocks = Array.from({ length: perBatch }, () => {
            n++;
            return { id: `chat-${n}`, text: lines[(n * 13) % lines.length], source: 'chat', author: `观众${n}` };
          });
          await hook.content({ type: 'livelint:blocks', site: 'demo', url: 'http://127.0.0.1/chat-flood', blocks }, tab);
          const next = start + (n / perBatch) * 100;
          await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
        }
        return { n, ms: performance.now() - start };
      },
      [tabId, RATE, COUNT, VIEWER_MESSAGES] as const,
    );
    expect(sent.n).toBe(COUNT);
    // Everything read is counted (or reported dropped by the sensor).
    const summary = panel.locator('[data-testid=chat-summary]');
    await expect.poll(async () => Number((await summary.innerText()).match(/已读 (\d+)/)?.[1] ?? 0), { timeout: 10_000 }).toBe(COUNT);

    expect(await panel.locator('[data-testid=chat-answer]', { hasText: '经过敏感肌测试' }).count()).toBeGreaterThan(0);
    const { frames, longTasks, renders } = await panel.evaluate(() => {
      const w = window as unknown as { frames_: number[]; longTasks_: number[]; renders_: number[]; stop_: boolean };
      w.stop_ = true;
      return { frames: w.frames_.slice(1), longTasks: w.longTasks_, renders: w.renders_ };
    });
    const loaf = await panel.evaluate(() => {
      const wl = window as unknown as { loafScripts_: number[]; loaf_: number };
      return { frames: wl.loaf_, maxScript: Math.max(0, ...wl.loafScripts_) };
    });
    const sorted = [...frames].sort((a, b) => a - b);
    const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
    const spanS = renders.length > 1 ? (renders.at(-1)! - renders[0]!) / 1000 : 1;
    const perSecond = (renders.length - 1) / spanS;
    console.log(
      `[chat-flood] ${COUNT} messages in ${(sent.ms / 1000).toFixed(1)} s; insights re-rendered ${renders.length} times (${perSecond.toFixed(1)}/s); ` +
        `${frames.length} frames: median ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms; ` +
        `long tasks ${longTasks.length} (max ${Math.max(0, ...longTasks).toFixed(0)} ms); ` +
        `${loaf.frames} long animation frames, longest panel script in them ${loaf.maxScript.toFixed(0)} ms`,
    );
    await screenshot(panel, 'chat-flood-zh-360');

    // Aggregates only: a handful of renders a second, not one per message.
    expect(perSecond).toBeLessThanOrEqual(6);
    expect(renders.length).toBeLessThan(COUNT / 20);
    expect(await panel.locator('[data-testid=chat-risky] li').count()).toBeLessThanOrEqual(6);
    // Loose bounds: 2 shared cores under a team's test runs (load average 12-16 measured) stall
    // whole frames with no script in them; what the panel itself runs per frame is the number to read.
    // Frame times are measured and reported; only gross regressions fail the build.
    expect(pct(50)).toBeLessThan(100);
    expect(loaf.maxScript).toBeLessThan(200);
    expect(h.externalRequests()).toEqual([]);

    // Chat the page had to skip in the flood (the content script reports a count) reaches the
    // session report instead of vanishing (issue 12).
    await (await h.serviceWorker()).evaluate(async (tab) => {
      const hook = (globalThis as unknown as { livelintTest: { content(m: unknown, t: number): Promise<void> } }).livelintTest;
      await hook.content({ type: 'livelint:blocks', site: 'demo', url: 'http://127.0.0.1/chat-flood', blocks: [{ id: 'chat-last', text: '已拍', source: 'chat' }], dropped: 150 }, tab);
    }, tabId);
    const { page: report } = await openPanel(h, { query: 'view=report' });
    await report.locator('.ll-rp-sessions li button').first().click();
    const losses = report.getByTestId('session-losses');
    await losses.waitFor({ timeout: 15_000 });
    expect(await losses.innerText()).toContain('150 条来不及检查');
    await page.close();
    await panel.close();
  });
});
