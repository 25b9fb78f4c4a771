import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, launchWithExtension, openPanel, screenshot, serveStatic, type Harness, type StaticServer } from './harness.ts';
import { SMOKE_SCRIPT, scriptPage } from './pages.ts';

// The foundation's smoke test: a local page with a script box saying 全网最低价, read by the real
// content script, checked by the background, shown on the side panel page.

let h: Harness;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic();
  h = await launchWithExtension();
});
afterAll(() => close(h, server));

describe('smoke', () => {
  it('a script box containing 全网最低价 produces a warning on the side panel', async () => {
    const page = await h.ctx.newPage();
    await page.goto(server.page('/smoke.html', scriptPage(SMOKE_SCRIPT)));

    const { page: panel, timeToFirstContent } = await openPanel(h);
    const card = panel.locator('article.ll-card', { has: panel.locator('mark', { hasText: '全网最低价' }) });
    await card.first().waitFor({ timeout: 15_000 });

    const text = await card.first().innerText();
    expect(text).toContain('违规');
    expect(text).toContain('脚本');
    expect(await card.first().locator('mark').first().innerText()).toBe('全网最低价');
    const png = await screenshot(panel, 'smoke-panel-zh-360');
    console.log(`[smoke] panel time-to-first-content ${timeToFirstContent.toFixed(1)} ms; screenshot ${png}`);
    expect(h.externalRequests()).toEqual([]);
  });
});
