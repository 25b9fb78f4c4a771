import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoServer } from './demo-server.mjs';
import { close, launchWithExtension, openPanel, screenshot, type Harness } from './harness.ts';

// The session report in real Chromium with the built extension, on the demo console (script box,
// captions and chat read by the real content script): a session started and stopped by hand, one
// started by itself when a stream page starts sending text, the chart, and two sessions compared.

let h: Harness;
let demo: { origin: string; close(): Promise<void> };
let panel: Page;

const recordingCount = async () => {
  const text = (await panel.locator('.ll-rp-rec [role=status]').innerText()).match(/· (\d+) 条/);
  return text ? Number(text[1]) : -1;
};

beforeAll(async () => {
  demo = await startDemoServer();
  h = await launchWithExtension();
  ({ page: panel } = await openPanel(h, { query: 'view=report' }));
  await panel.getByRole('heading', { name: '场次报告' }).waitFor({ timeout: 15_000 });
});
afterAll(() => close(h, demo));

describe('session report', () => {
  it('start by hand, the demo console streams, stop: the report shows the chart, totals and chat', async () => {
    const auto = panel.getByRole('checkbox', { name: /自动开始/ });
    await auto.waitFor();
    if (await auto.isChecked()) await auto.uncheck();
    await panel.getByRole('button', { name: '开始记录场次' }).click();
    await panel.getByRole('button', { name: '结束记录' }).waitFor();

    const page = await h.ctx.newPage();
    await page.goto(`${demo.origin}/console.html?rate=20&captions=500`);
    await page.locator('#script').fill('家人们，今天全网最低价！史上最好用的面膜，用了还能治疗湿疹。加我微信私下转账更便宜。');
    await expect.poll(recordingCount, { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
    await page.waitForTimeout(2500); // a few seconds of chat and captions
    await panel.getByRole('button', { name: '结束记录' }).click();
    await panel.getByRole('button', { name: '开始记录场次' }).waitFor();
    await page.close();

    const detail = panel.locator('.ll-rp-detail');
    await detail.waitFor();
    await expect.poll(() => detail.locator('svg rect').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const totals = await detail.locator('.ll-rp-totals').innerText();
    const n = Number(totals.match(/共 (\d+) 条/)?.[1]);
    expect(n).toBeGreaterThanOrEqual(4);
    expect(await detail.locator('.ll-rp-legend').innerText()).toMatch(/价格违法宣传\s+\d+/);
    // The script's lowest-price claim is among what the host said most.
    expect(await detail.innerText()).toContain('全网最低价');
    await expect.poll(() => panel.locator('.ll-rp-sessions li').count()).toBe(1);
    // The background recorder counted the demo chat's questions (包邮吗, 敏感肌能用吗…) by topic.
    const topics = await detail.locator('.ll-rp-topics li').allInnerTexts();
    expect(topics.length).toBeGreaterThan(0);
    expect(topics.some((t) => /提问 [1-9]\d*/.test(t))).toBe(true);
    await screenshot(panel, 'report-zh-360');
  });

  it('starts by itself when a stream page starts sending text; two sessions compare side by side', async () => {
    await panel.getByRole('checkbox', { name: /自动开始/ }).check();
    const page = await h.ctx.newPage();
    await page.goto(`${demo.origin}/console.html?rate=20&captions=500&script=${encodeURIComponent('这是全网第一的好货，绝对有效。')}`);
    await panel.getByText(/已自动开始记录/).waitFor({ timeout: 20_000 });
    await expect.poll(recordingCount, { timeout: 20_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1500);
    await panel.getByRole('button', { name: '结束记录' }).click();
    await page.close();
    await expect.poll(() => panel.locator('.ll-rp-sessions li').count()).toBe(2);

    const boxes = panel.locator('.ll-rp-sessions input[type=checkbox]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const table = panel.getByRole('region', { name: '场次对比' });
    await table.waitFor();
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows.some((r) => r.startsWith('合计'))).toBe(true);
    expect(rows.length).toBeGreaterThan(2);
    // Keyboard: the compare boxes and session buttons are reachable with Tab.
    await boxes.nth(0).focus();
    await panel.keyboard.press('Tab');
    expect(await panel.evaluate(() => document.activeElement?.className)).toContain('ll-rp-open');
    await screenshot(panel, 'report-compare-zh-360');

    await panel.getByRole('button', { name: 'EN' }).click();
    await panel.getByRole('heading', { name: 'Session report' }).waitFor();
    expect(await panel.getByRole('region', { name: 'Sessions compared' }).count()).toBe(1);
    await screenshot(panel, 'report-en-360');
    expect(h.externalRequests()).toEqual([]);
  });

  it('records a session with no panel open (the background records it)', async () => {
    const before = await panel.locator('.ll-rp-sessions li').count();
    await panel.close();
    const page = await h.ctx.newPage();
    await page.goto(`${demo.origin}/console.html?rate=20&captions=500&script=${encodeURIComponent('史上最好用的面膜，全网最低价。')}`);
    await page.waitForTimeout(4000);
    ({ page: panel } = await openPanel(h, { query: 'view=report' }));
    // One more session is there, still recording, with findings from the page.
    await expect.poll(() => panel.locator('.ll-rp-sessions li').count(), { timeout: 10_000 }).toBe(before + 1);
    await panel.getByRole('button', { name: '中文' }).click(); // the previous test left the panel in English
    await expect.poll(recordingCount, { timeout: 10_000 }).toBeGreaterThan(0);
    await panel.getByRole('button', { name: '结束记录' }).click();
    await panel.getByRole('button', { name: '开始记录场次' }).waitFor();
    await page.close();
    expect(h.externalRequests()).toEqual([]);
  });
});
