import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, launchWithExtension, openPanel, screenshot, serveStatic, type Harness, type StaticServer } from './harness.ts';
import { SMOKE_SCRIPT, scriptPage } from './pages.ts';

// The Live tab's "pick on this page" buttons start the element picker in the page being read.

let h: Harness;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic();
  h = await launchWithExtension();
});
afterAll(() => close(h, server));

describe('pick buttons', () => {
  it('clicking 指定弹幕区 puts the picker overlay on the page; Esc removes it', async () => {
    const page = await h.ctx.newPage();
    await page.goto(server.page('/pick.html', scriptPage(SMOKE_SCRIPT, 'LiveLint pick')));
    const { page: panel } = await openPanel(h);
    // The feed knows which tab it reads once the script's finding arrives.
    await panel.locator('article.ll-card').first().waitFor({ timeout: 15_000 });
    await panel.getByRole('button', { name: '指定弹幕区' }).click();
    await page.locator('livelint-picker').waitFor({ state: 'attached', timeout: 10_000 });
    expect(await panel.getByRole('status').first().innerText()).toContain('请在页面上点击');
    await screenshot(panel, 'panel-pick-zh-360');
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await page.locator('livelint-picker').waitFor({ state: 'detached', timeout: 5_000 });
    expect(h.externalRequests()).toEqual([]);
    await panel.close();
    await page.close();
  });
});
