import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { close, launchWithExtension, openManager as openManagerTab, openPanel, screenshot, SCREENSHOT_DIR, serveStatic, type Harness, type StaticServer } from './harness.ts';
import { scriptPage } from './pages.ts';

// Issue 4 end to end, in Chromium with the built extension: import a GBK-encoded CSV pack through
// the manager UI, see its rule fire on a page's script box, switch the pack off and see the warning
// go, restart the extension's worker and find the switch still off (and working when turned back on).

const TERM = '蓝莓暴击';
const CSV = `词语,类别,级别,改写,依据,备注\r\n${TERM},pressure-tactic,警告,限时活动,测试依据,E2E\r\n`;

let h: Harness;
let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic();
  h = await launchWithExtension();
});
afterAll(() => close(h, server));

const openManager = () => openManagerTab(h);

// The custom rule's own card (the model may still read the sentence's 只有十分钟 as pressure once the rule is off).
const card = (panel: Page) => panel.locator('article.ll-card[data-rule^="custom-shop-words/"]', { has: panel.locator('mark', { hasText: TERM }) });

describe('pack manager', () => {
  it('imports a CSV, the rule fires, disabling it removes the warning, and the state survives a worker restart', async () => {
    const manager = await openManager();
    const builtinCount = await manager.locator('[data-pack]').count();
    expect(builtinCount).toBeGreaterThan(0);

    await manager.locator('input[type=file][accept*=".csv"]').setInputFiles({
      name: 'shop-words.csv',
      mimeType: 'text/csv',
      buffer: iconv.encode(CSV, 'gbk'),
    });
    const preview = manager.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.locator('[data-count="added"]').innerText()).toBe('新增 1');
    // A spreadsheet has no pack name: the file name is proposed, and can be changed before importing.
    await preview.getByLabel('名称').fill('店铺自定义词');
    await preview.getByRole('button', { name: '改为此编号和名称' }).click();
    await preview.filter({ hasText: '店铺自定义词' }).waitFor();
    await manager.getByRole('button', { name: '确认导入' }).click();
    await manager.getByTestId('notice').filter({ hasText: '已导入' }).waitFor();
    const pack = manager.locator('[data-pack="custom-shop-words"]');
    await pack.waitFor();
    expect(await pack.innerText()).toMatch(/店铺自定义词.*自定义.*1 条规则/s);
    await manager.evaluate(() => window.scrollTo(0, 0));
    await manager.screenshot({ path: join(SCREENSHOT_DIR, 'packs-manager-imported.png') });

    const script = await h.ctx.newPage();
    await script.goto(server.page('/packs.html', scriptPage(`家人们，今天${TERM}价，只有十分钟！`)));
    const { page: panel } = await openPanel(h);
    await card(panel).first().waitFor({ timeout: 15_000 });

    await manager.bringToFront();
    // The switch is controlled by the database: it flips once the write lands (liveQuery), not on click.
    await pack.locator('input[type=checkbox]').click();
    await pack.locator('input[type=checkbox]:not(:checked)').waitFor();
    await card(panel).first().waitFor({ state: 'detached', timeout: 15_000 });

    // Restart the extension's MV3 worker (chrome.runtime.reload() disables an extension loaded with
    // --load-extension in this Chromium, so the worker is stopped through CDP instead): everything in
    // memory is gone, only IndexedDB remains.
    const cdp = await h.ctx.newCDPSession(manager);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await manager.close();
    const again = await openManager();
    const reloaded = again.locator('[data-pack="custom-shop-words"]');
    await reloaded.waitFor();
    expect(await reloaded.locator('input[type=checkbox]').isChecked()).toBe(false);
    expect(await again.locator('[data-pack]').count()).toBe(builtinCount + 1);

    // Switched back on, the restarted worker (which compiled from the store) flags the term again.
    await reloaded.locator('input[type=checkbox]').click();
    await reloaded.locator('input[type=checkbox]:checked').waitFor();
    const script2 = await h.ctx.newPage();
    await script2.goto(server.page('/packs2.html', scriptPage(`这次${TERM}！`)));
    const { page: panel2 } = await openPanel(h);
    await card(panel2).first().waitFor({ timeout: 15_000 });
    await screenshot(panel2, 'packs-panel-custom-rule');
    expect(h.externalRequests()).toEqual([]);
  });
});

describe('pack manager in the side panel', () => {
  it('opens as the panel’s 规则包 tab and lists the packs', async () => {
    const { page: panel } = await openPanel(h);
    await panel.getByRole('tab', { name: '规则包' }).click();
    await panel.locator('[data-pack]').first().waitFor({ timeout: 15_000 });
    expect(await panel.locator('[data-pack]').count()).toBeGreaterThan(1);
    // The first screen only: the full rule list makes a full-page image unreadably tall.
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'packs-sidepanel-zh-360.png') });
  });
});
