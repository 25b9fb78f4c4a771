import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  badgeText,
  close,
  launchWithExtension,
  openPanel,
  screenshot,
  sendAsContent,
  serveStatic,
  stopServiceWorker,
  tabIdOf,
  type Harness,
  type StaticServer,
} from './harness.ts';

// The Live view in real Chromium with the built extension and the real built-in packs. Messages go
// in through the worker's test hook, so the test decides exactly what the page "said" (the smoke
// and privacy tests cover the real content script).

let h: Harness;
let server: StaticServer;
let tabId: number;
let panel: Page;
const ttfc: number[] = [];
const ttfs: number[] = [];

const blocks = (list: { id: string; text: string; source?: string; author?: string }[], extra: object = {}) => ({
  type: 'livelint:blocks',
  site: 'demo',
  url: 'http://127.0.0.1/console',
  blocks: list,
  ...extra,
});

const cards = () => panel.locator('article.ll-card');

beforeAll(async () => {
  server = await serveStatic();
  h = await launchWithExtension();
  const url = server.page('/console.html', '<!doctype html><meta charset="utf-8"><title>console</title><p>中控台</p>');
  const page = await h.ctx.newPage();
  await page.goto(url);
  tabId = await tabIdOf(h, page);
  // Once cold (first panel of the browser), then warm: both are reported.
  for (let i = 0; i < 3; i++) {
    const opened = await openPanel(h);
    ttfc.push(opened.timeToFirstContent);
    ttfs.push(opened.timeToFirstSnapshot);
    if (i < 2) await opened.page.close();
    else panel = opened.page;
  }
  const ms = (list: number[]) => list.map((t) => t.toFixed(1)).join(', ');
  console.log(`[panel-live] time-to-first-content ms: ${ms(ttfc)}; to first snapshot: ${ms(ttfs)} (first is cold)`);
});
afterAll(() => close(h, server));

describe('side panel, Live view', () => {
  it('paints its first content quickly', () => {
    // The target is 200 ms; the bound here is loose because 2 shared cores make single runs noisy.
    expect(Math.min(...ttfc)).toBeLessThan(1000);
    expect(panel.locator('.ll-empty')).toBeTruthy();
  });

  it('shows findings newest first, collapses repeats, and sets the badge', async () => {
    await sendAsContent(h, blocks([{ id: 's1', text: '家人们，今天全网最低价！' }]), tabId);
    await sendAsContent(h, blocks([{ id: 's2', text: '再说一遍，全网最低价。' }]), tabId);
    await sendAsContent(
      h,
      blocks([{ id: 'c1', text: '主播说的是不是最后三单啊', source: 'chat', author: '观众A' }, { id: 'c2', text: '加我微信私聊更便宜', source: 'chat' }]),
      tabId,
    );
    const lowest = cards().filter({ has: panel.locator('mark', { hasText: '全网最低价' }) });
    await lowest.first().waitFor();
    // Two occurrences of one rule: one card, ×2, showing the newest sentence.
    await expect.poll(() => lowest.count()).toBe(1);
    expect(await lowest.locator('.ll-count').innerText()).toBe('×2');
    expect(await lowest.locator('.ll-quote').innerText()).toBe('再说一遍，全网最低价。');
    // The viewers' lures arrived last, but they are not the host's words: no card, no rewrite, not
    // counted, no banner; a note sends the host to the Chat tab instead.
    await panel.getByTestId('chat-risk-note').waitFor();
    expect(await panel.getByTestId('chat-risk-note').innerText()).toMatch(/观众弹幕里有 \d+ 条风险内容/);
    expect(await cards().locator('.ll-source', { hasText: '弹幕' }).count()).toBe(0);
    expect(await cards().filter({ hasText: '加我微信' }).count()).toBe(0);
    const open = Number((await panel.getByTestId('open-count').innerText()).match(/\d+/)![0]);
    expect(open).toBe(2);
    await expect.poll(() => badgeText(h, tabId), { timeout: 5000 }).toBe(String(open));
    await expect.poll(() => panel.getByRole('alert').count()).toBe(1);
    expect(await panel.getByRole('alert').innerText()).toContain('全网最低价');
    await screenshot(panel, 'panel-live-zh-360');
  });

  it('ignore once removes the occurrence and lowers the badge', async () => {
    const before = await badgeText(h, tabId);
    const lowest = cards().filter({ has: panel.locator('mark', { hasText: '全网最低价' }) });
    await lowest.getByRole('button', { name: '忽略一次' }).click();
    await expect.poll(() => badgeText(h, tabId)).toBe(String(Number(before) - 1));
    // The older occurrence remains, no longer collapsed.
    await expect.poll(() => lowest.locator('.ll-quote').innerText()).toBe('家人们，今天全网最低价！');
    expect(await lowest.locator('.ll-count').count()).toBe(0);
  });

  it('dismisses the critical banner', async () => {
    const banner = panel.getByRole('alert');
    const beforeText = await banner.innerText();
    await banner.getByRole('button').click();
    // Either the banner goes away or moves on to an older error: never the same one again.
    await expect.poll(async () => ((await banner.count()) ? await banner.innerText() : '')).not.toBe(beforeText);
  });

  it('switches to English and back, keeping the feed', async () => {
    await panel.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => panel.getByRole('tab', { selected: true }).innerText()).toMatch(/^Live/);
    expect(await panel.getByText('Ignore once').count()).toBeGreaterThan(0);
    expect(await cards().first().locator('.ll-sev').innerText()).toMatch(/Error|Warning|Note/);
    await screenshot(panel, 'panel-live-en-360');
    await panel.getByRole('button', { name: '切换到中文' }).click();
    await expect.poll(() => panel.getByRole('tab', { selected: true }).innerText()).toMatch(/^实时/);
  });

  it('fits 320 to 500 px without horizontal scrolling, in light and dark', async () => {
    for (const width of [320, 500]) {
      await panel.setViewportSize({ width, height: 800 });
      const overflow = await panel.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `overflow at ${width}px`).toBeLessThanOrEqual(0);
      await screenshot(panel, `panel-live-zh-${width}`);
    }
    await panel.setViewportSize({ width: 360, height: 800 });
    await panel.emulateMedia({ colorScheme: 'dark' });
    const bg = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(255, 255, 255)');
    await screenshot(panel, 'panel-live-zh-360-dark');
    await panel.emulateMedia({ colorScheme: 'light' });
  });

  it('shrugs off malformed content messages', async () => {
    await sendAsContent(h, { type: 'livelint:blocks', blocks: [{ id: 5 }] }, tabId);
    await sendAsContent(h, 'garbage', tabId);
    await sendAsContent(h, blocks([{ id: 's3', text: '这是史上最好的面膜' }]), tabId);
    await cards().filter({ hasText: '这是史上最好的面膜' }).first().waitFor();
  });

  it('allow in my pack: the phrase stops being flagged once the store change reaches the worker', async () => {
    const card = cards().filter({ hasText: '这是史上最好的面膜' }).first();
    const match = await card.locator('.ll-quote mark').innerText();
    await card.getByRole('button', { name: '加入我的允许词' }).click();
    await expect.poll(() => cards().filter({ has: panel.locator('mark', { hasText: match }) }).count(), { timeout: 15_000 }).toBe(0);
  });

  it('re-checks under a product category chosen in the panel', async () => {
    await panel.locator('.ll-product select').selectOption('cosmetics');
    const sw = await h.serviceWorker();
    await expect
      .poll(() => sw.evaluate(() => (globalThis as unknown as { livelintTest: { snapshot(t: null): { productCategory: string | null } } }).livelintTest.snapshot(null).productCategory))
      .toBe('cosmetics');
    expect(await panel.locator('.ll-product select').inputValue()).toBe('cosmetics');
  });

  it('survives the worker being stopped: the feed comes back and new text is checked', async () => {
    // The re-check of the previous step (a new category) may still be landing: let the feed settle.
    let before = -1;
    await expect.poll(async () => {
      const n = await cards().count();
      const same = n === before;
      before = n;
      await new Promise((r) => setTimeout(r, 400));
      return same;
    }, { timeout: 10_000 }).toBe(true);
    expect(before).toBeGreaterThan(0);
    // The live state is written to storage.session at most every 500 ms; Chromium's own idle stop
    // comes after 30 s, but this test stops the worker at once, so it waits for the write first
    // (otherwise the last re-check could be lost with the worker).
    const sw = await h.serviceWorker();
    await expect
      .poll(
        () =>
          sw.evaluate(async (t) => {
            const c = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
            const got = (await c.storage.session.get('livelint:live'))['livelint:live'] as Record<string, { blocks: Array<{ findings: unknown[] }> }> | undefined;
            return got?.[String(t)]?.blocks.reduce((n, b) => n + b.findings.length, 0) ?? -1;
          }, tabId),
        { timeout: 10_000 },
      )
      .toBeGreaterThanOrEqual(before);
    await new Promise((r) => setTimeout(r, 600));
    await stopServiceWorker(h, panel);
    // The panel reconnects, which restarts the worker; the feed is restored from storage.session.
    await expect.poll(() => cards().count(), { timeout: 10_000 }).toBe(before);
    await sendAsContent(h, blocks([{ id: 's4', text: '这款是全国第一的销量' }]), tabId);
    await cards().filter({ hasText: '全国第一' }).first().waitFor({ timeout: 10_000 });
  });

  it('keeps every request on this machine', () => {
    expect(h.externalRequests()).toEqual([]);
  });
});
