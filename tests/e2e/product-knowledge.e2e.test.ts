import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from './demo-server.mjs';
import { close, launchWithExtension, openPanel, screenshot, type Harness } from './harness.ts';

// Issue 7 end to end, in real Chromium with the built extension: a product sheet imported from CSV
// in the side panel, the demo console presenting it (picked up by name), a script that says a wrong
// composition and a wrong original price -> both findings in the Live feed with the recorded fact;
// the talking-point checklist ticks itself when the host types the missing disclosure; viewer chat
// gets an FAQ answer and a risky question is flagged with what not to say.

const CSV = [
  'kind,attribute,value,unit,priority,words,from,to,note',
  'name,,玻尿酸补水修护面膜,,,,,,',
  'alias,,补水面膜,,,,,,',
  'category,,化妆品,,,,,,',
  'price,直播价,59.9,,,,,,',
  'price,划线价,99,,,,2026-10-01,2026-10-31,',
  'fact,材质,80%天丝 20%粘纤,,,,,,',
  'point,,一盒10片，每片独立包装,,1,十片|10片,,,',
  'disclosure,赠品,赠品数量有限，送完即止,,,送完即止,,,',
  'faq,敏感肌 能用/可以用,经过敏感肌测试，敏感肌可以用；初次使用先在耳后试用,,,,,,',
  'faq,一盒几片/几片,一盒10片，每片独立包装,,,,,,',
].join('\n');

const SCRIPT = ['家人们晚上好！今天这款补水面膜一盒十片。', '面膜布是100%天丝的，很亲肤。', '原价199，今天直播间只要59.9。'].join('\n');

let h: Harness;
let demo: { origin: string; close(): Promise<void> };

beforeAll(async () => {
  demo = await startDemoServer();
  h = await launchWithExtension({ extensionDir: process.env.LIVELINT_EXT_DIR || undefined });
});
afterAll(() => close(h, demo));

async function importCsv(panel: Page) {
  await panel.locator('[data-testid=product-import]').setInputFiles({ name: '面膜.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
  await panel.locator('[data-testid=product-select] option', { hasText: '玻尿酸补水修护面膜' }).waitFor({ state: 'attached', timeout: 10_000 });
}

describe('product knowledge in the side panel', () => {
  it('imports a product from CSV; the console script gets product-mismatch findings with the recorded fact; chat is answered', async () => {
    const { page: panel } = await openPanel(h, { width: 360, height: 1100 });
    await importCsv(panel);
    // The imported product is the one being presented.
    await expect.poll(() => panel.locator('[data-testid=product-select]').inputValue(), { timeout: 5_000 }).not.toBe('');

    const consolePage = await h.ctx.newPage();
    await consolePage.goto(`${demo.origin}/console.html?rate=20&count=90&unique=1&captions=0&script=${encodeURIComponent(SCRIPT)}`);
    await panel.bringToFront();

    // Both mismatches, each with the product record's fact beside what was said.
    const composition = panel.locator('article.ll-card', { hasText: '100%天丝' });
    await composition.first().waitFor({ timeout: 15_000 });
    await expect.poll(() => composition.first().innerText()).toContain('80%天丝 20%粘纤');
    const price = panel.locator('article.ll-card', { hasText: '划线价99元' });
    await price.first().waitFor({ timeout: 10_000 });
    expect(await price.first().innerText()).toContain('原价199');

    // Checklist: the selling point is said (一盒十片), the gift disclosure not yet.
    const checklist = panel.locator('[data-testid=product-checklist]');
    await expect.poll(() => checklist.locator('li[data-said=true]').count(), { timeout: 5_000 }).toBe(1);
    expect(await checklist.locator('li[data-said=false]').innerText()).toContain('送完即止');
    await screenshot(panel, 'product-live-zh-360');

    // The host says the disclosure: it ticks itself.
    await consolePage.bringToFront();
    await consolePage.click('#script');
    await consolePage.keyboard.press('Control+End');
    await consolePage.keyboard.type('\n赠品数量有限，送完即止', { delay: 10 });
    await panel.bringToFront();
    await expect.poll(() => checklist.locator('li[data-said=true]').count(), { timeout: 8_000 }).toBe(2);

    // Chat: the demo console's viewers ask; the Chat tab groups and answers.
    await panel.locator('#ll-tab-chat').click();
    await panel.locator('[data-testid=chat-summary]').waitFor({ timeout: 15_000 });
    const answer = panel.locator('[data-testid=chat-answer]', { hasText: '经过敏感肌测试' });
    await answer.first().waitFor({ timeout: 15_000 });
    const risky = panel.locator('[data-testid=chat-risky] li', { hasText: '能治湿疹吗' });
    await risky.first().waitFor({ timeout: 15_000 });
    expect(await risky.first().innerText()).toMatch(/别说[\s\S]*可以这样答/);
    await screenshot(panel, 'chat-insights-zh-360');

    // English: same panel after the language toggle.
    await panel.locator('.ll-header button').click();
    await panel.locator('[data-testid=chat-risky] li', { hasText: "Don't say" }).first().waitFor({ timeout: 5_000 });
    await screenshot(panel, 'chat-insights-en-360');
    await panel.locator('#ll-tab-live').click();
    await panel.locator('[data-testid=product-checklist]', { hasText: 'Must-say checklist' }).waitFor({ timeout: 5_000 });
    // The product finding is in English too, with the recorded fact.
    await panel.locator('article.ll-card', { hasText: 'The product record says 80%天丝 20%粘纤' }).first().waitFor({ timeout: 5_000 });
    await screenshot(panel, 'product-live-en-360');

    // The narrowest side panel: nothing cut off or overflowing sideways.
    await panel.setViewportSize({ width: 320, height: 900 });
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await screenshot(panel, 'product-live-en-320');
    await panel.setViewportSize({ width: 360, height: 1100 });

    // Dark mode follows the system.
    await panel.locator('.ll-header button').click();
    await panel.emulateMedia({ colorScheme: 'dark' });
    await screenshot(panel, 'product-live-zh-360-dark');
    await panel.locator('#ll-tab-chat').click();
    await panel.locator('[data-testid=chat-summary]').waitFor();
    await screenshot(panel, 'chat-insights-zh-360-dark');

    // Issue 7: the record is editable in the panel. The manager corrects the recorded composition;
    // the background re-checks the script against the saved record and the finding shows the new fact.
    await panel.emulateMedia({ colorScheme: 'light' });
    await panel.locator('#ll-tab-live').click();
    await panel.locator('[data-testid=product-edit]').click();
    await panel.getByLabel('值 1', { exact: true }).fill('60%天丝 40%粘纤');
    await panel.locator('[data-testid=product-save]').click();
    await panel.locator('[data-testid=product-editor]').waitFor({ state: 'detached', timeout: 5_000 });
    await expect.poll(() => panel.locator('article.ll-card', { hasText: '60%天丝 40%粘纤' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(panel, 'product-edited-zh-360');

    expect(h.externalRequests()).toEqual([]);
    await consolePage.close();
    await panel.close();
  });

  it('a broken CSV row is reported with its row and nothing is imported', async () => {
    const { page: panel } = await openPanel(h, { query: 'lang=zh' });
    // The list fills from IndexedDB after the panel paints: count once it has stopped changing.
    const options = () => panel.locator('[data-testid=product-select] option').count();
    let before = await options();
    for (let settled = 0; settled < 3; ) {
      await new Promise((r) => setTimeout(r, 150));
      const n = await options();
      settled = n === before ? settled + 1 : 0;
      before = n;
    }
    await panel.locator('[data-testid=product-import]').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('kind,attribute,value\nname,,坏商品\ncategory,,不存在的类目\n', 'utf8'),
    });
    const alert = panel.locator('[role=alert]');
    await alert.waitFor({ timeout: 5_000 });
    expect(await alert.innerText()).toMatch(/导入失败.*(row|行)/);
    expect(await options()).toBe(before);
    await panel.close();
  });
});
