import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { close, launchWithExtension, openPanel, screenshot, serveStatic, SCREENSHOT_DIR, tabIdOf, type Harness, type StaticServer } from './harness.ts';
import { scriptPage } from './pages.ts';

// The rehearsal tab in real Chromium with the built extension and the shipped packs: paste a risky
// script, see it highlighted and scored, apply all safe rewrites, see those findings go. Also
// measures typing-to-highlight latency (input event -> new <mark> painted), debounce included.

const RISKY =
  '家人们，这款面霜是全网最低价，绝对是史上最好用的，用了还能治疗湿疹！\n错过今天再等一年，只剩最后3单，加我微信私下转账更便宜。';

let h: Harness;
let panel: Page;
let server: StaticServer;

const marks = () => panel.locator('.ll-rh-mirror mark');
const score = async () => Number(await panel.locator('.ll-rh-score').getAttribute('data-score'));

beforeAll(async () => {
  server = await serveStatic();
  h = await launchWithExtension();
  ({ page: panel } = await openPanel(h, { query: 'view=rehearsal' }));
  await panel.locator('textarea.ll-rh-input').waitFor({ timeout: 15_000 });
});
afterAll(() => close(h, server));

describe('rehearsal tab', () => {
  it('highlights a pasted risky script inline and scores it', async () => {
    await expect.poll(() => panel.locator('.ll-notice').count(), { timeout: 15_000 }).toBe(0); // rules loaded
    await panel.locator('textarea.ll-rh-input').fill(RISKY);
    await expect.poll(() => marks().count(), { timeout: 5_000 }).toBeGreaterThanOrEqual(5);
    const marked = await marks().allInnerTexts();
    expect(marked).toContain('全网最低价');
    expect(marked).toContain('加我微信');
    expect(await score()).toBeLessThan(60);
    const basis = await panel.locator('.ll-rh-findings .ll-basis').first().innerText();
    expect(basis).toMatch(/依据/);
    await screenshot(panel, 'rehearsal-zh-360');
  });

  it('typing-to-highlight latency (debounce 150 ms included)', async () => {
    const samples: Array<{ total: number; checkMs: number }> = [];
    const phrases = ['，史上最强', '，全网第一', '，百分百有效', '，包治百病', '，国家级产品', '，全网最低价'];
    for (const p of phrases) {
      samples.push(
        await panel.evaluate(async (phrase) => {
          const area = document.querySelector('textarea.ll-rh-input') as HTMLTextAreaElement;
          const before = document.querySelectorAll('.ll-rh-mirror mark').length;
          const markedBefore = performance.getEntriesByName('livelint:rehearsal-checked').length;
          area.focus();
          area.setSelectionRange(area.value.length, area.value.length);
          const t0 = performance.now();
          // What a keystroke (or IME commit) does: insert text at the caret, fire `input`.
          document.execCommand('insertText', false, phrase);
          for (;;) {
            await new Promise((r) => requestAnimationFrame(r));
            if (document.querySelectorAll('.ll-rh-mirror mark').length > before) break;
            if (performance.now() - t0 > 3000) return { total: Number.NaN, checkMs: Number.NaN };
          }
          const total = performance.now() - t0;
          const checked = performance.getEntriesByName('livelint:rehearsal-checked').slice(markedBefore)[0];
          return { total, checkMs: checked ? checked.startTime - t0 - 150 : Number.NaN };
        }, p),
      );
    }
    const totals = samples.map((s) => s.total).sort((a, b) => a - b);
    const median = totals[Math.floor(totals.length / 2)]!;
    console.log(
      `[rehearsal] typing-to-highlight ms (input -> mark painted, 150 ms debounce included): ${samples.map((s) => s.total.toFixed(0)).join(', ')}; median ${median.toFixed(0)}; check after debounce ≈ ${samples.map((s) => s.checkMs.toFixed(0)).join(', ')} ms; script ${await panel.locator('textarea.ll-rh-input').evaluate((a) => (a as HTMLTextAreaElement).value.length)} chars`,
    );
    expect(totals.every((t) => Number.isFinite(t))).toBe(true);
    // Measured and reported above; the bound only catches a gross regression on a busy machine.
    expect(median).toBeLessThan(1500);
    // The caret stays where the host typed (end of text), not reset by the re-highlight.
    const caret = await panel.locator('textarea.ll-rh-input').evaluate((a) => [(a as HTMLTextAreaElement).selectionStart, (a as HTMLTextAreaElement).value.length]);
    expect(caret[0]).toBe(caret[1]);
  });

  it('apply all safe rewrites: those findings go, advice-only ones stay, the score rises', async () => {
    const before = await score();
    const button = panel.getByRole('button', { name: /一键采用安全改写/ });
    expect(await button.isDisabled()).toBe(false);
    await button.click();
    await expect.poll(async () => (await marks().allInnerTexts()).includes('全网最低价')).toBe(false);
    const marked = await marks().allInnerTexts();
    expect(marked).not.toContain('加我微信');
    // Its rewrite is advice (and 还能治疗 overlaps it), so that region is left to the host, still marked.
    expect(marked.some((m) => m.includes('治疗湿疹'))).toBe(true);
    const text = await panel.locator('textarea.ll-rh-input').inputValue();
    expect(text).toContain('直播间专属价');
    expect(await score()).toBeGreaterThan(before);
    expect(await panel.locator('.ll-rh-notice').innerText()).toMatch(/已替换 \d+ 处/);
    await screenshot(panel, 'rehearsal-after-rewrites-zh-360');
  });

  it('saves a version, diffs it against the current text, and shows everything in English', async () => {
    await panel.getByRole('button', { name: '保存版本' }).click();
    await panel.locator('.ll-rh-history summary').click();
    await expect.poll(() => panel.locator('.ll-rh-history li').count()).toBe(1);
    await panel.locator('textarea.ll-rh-input').press('End');
    await panel.locator('textarea.ll-rh-input').pressSequentially('新加一句。');
    await panel.getByRole('button', { name: '与当前对比' }).click();
    expect(await panel.locator('.ll-rh-diff ins').innerText()).toContain('新加一句。');
    await panel.getByRole('button', { name: 'EN' }).click();
    await panel.getByText(/Score \d+/).waitFor();
    expect(await panel.getByRole('button', { name: /Apply safe rewrites/ }).count()).toBe(1);
    await screenshot(panel, 'rehearsal-en-360');
    // Dark mode follows the system; the narrowest panel width still fits without sideways scrolling.
    await panel.emulateMedia({ colorScheme: 'dark' });
    await panel.setViewportSize({ width: 320, height: 720 });
    await panel.getByRole('button', { name: '中文' }).click();
    await screenshot(panel, 'rehearsal-dark-zh-320');
    // Full-size views of the editor and of one card (the full page is too tall to read when scaled).
    await panel.locator('.ll-rh-editor').screenshot({ path: join(SCREENSHOT_DIR, 'rehearsal-dark-zh-320-editor.png') });
    await panel.locator('.ll-rh-findings > li').first().screenshot({ path: join(SCREENSHOT_DIR, 'rehearsal-dark-zh-320-card.png') });
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await panel.emulateMedia({ colorScheme: 'light' });
    await panel.setViewportSize({ width: 360, height: 720 });
    expect(h.externalRequests()).toEqual([]);
  });

  it('opens as a full tab with the same draft', async () => {
    // Straight after typing (autosave not yet due), as a host would: the button saves first.
    const opened = h.ctx.waitForEvent('page', { timeout: 10_000 });
    await panel.getByRole('button', { name: '在新标签页打开' }).click();
    const tab = await opened;
    expect(tab.url()).toContain('/rehearsal.html');
    await expect.poll(async () => tab.locator('textarea.ll-rh-input').inputValue().catch(() => ''), { timeout: 10_000 }).toContain('新加一句。');
    await expect.poll(() => tab.locator('.ll-rh-mirror mark').count()).toBeGreaterThan(0);
  });

  it('imports the script from the page being checked, keeping the old text as a version', async () => {
    const PAGE_SCRIPT = '家人们晚上好！\n这款面膜全网最低价，错过再等一年。\n想要的加我微信私聊。';
    const page = await h.ctx.newPage();
    await page.goto(server.page('/rehearsal-import.html', scriptPage(PAGE_SCRIPT, 'LiveLint import')));
    await panel.bringToFront();
    const before = await panel.locator('textarea.ll-rh-input').inputValue();
    expect(before).not.toContain('想要的加我微信私聊');
    const versionsBefore = await panel.locator('.ll-rh-history li').count();
    const button = panel.getByRole('button', { name: '从页面导入' });
    // The content script reads the page shortly after load: wait until the background holds it.
    const sw = await h.serviceWorker();
    const tabId = await tabIdOf(h, page);
    await expect
      .poll(
        () =>
          sw.evaluate((t) => {
            const hook = (globalThis as unknown as { livelintTest: { snapshot(t: number): { findings: Array<{ match: string }> } } }).livelintTest;
            return hook.snapshot(t).findings.some((f) => f.match === '加我微信');
          }, tabId),
        { timeout: 15_000 },
      )
      .toBe(true);
    await button.click();
    await expect.poll(() => panel.locator('.ll-rh-notice').innerText(), { timeout: 5_000 }).toMatch(/已导入 3 段脚本/);
    expect(await panel.locator('textarea.ll-rh-input').inputValue()).toBe(PAGE_SCRIPT);
    await expect.poll(async () => (await marks().allInnerTexts()).includes('全网最低价'), { timeout: 5_000 }).toBe(true);
    expect(await marks().allInnerTexts()).toContain('加我微信');
    // The host's previous text was saved as a version, not lost.
    expect(await panel.locator('.ll-rh-notice').innerText()).toMatch(/原稿已存为历史版本/);
    await expect.poll(() => panel.locator('.ll-rh-history li').count()).toBe(versionsBefore + 1);
    await screenshot(panel, 'rehearsal-import-zh-360');
    await page.close();
    expect(h.externalRequests()).toEqual([]);
  });
});
