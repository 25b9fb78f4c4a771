import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { close, launchWithExtension, openManager as openManagerTab, openPanel, SCREENSHOT_DIR, serveStatic, type Harness, type StaticServer } from './harness.ts';
import { scriptPage } from './pages.ts';

// The shop manager's 模型第二意见 switch, end to end: a sentence no rule catches (an illness that
// "stopped happening" after drinking a tea) gets a 可能涉及… card in the live panel only while the
// switch is on, and the switch outlives a worker restart because it lives in IndexedDB.

const SENTENCE = '喝了这个茶，我爸的老胃病再也没疼过';

let h: Harness;
let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic();
  h = await launchWithExtension();
});
afterAll(() => close(h, server));

const openManager = (query = '', width = 1200) => openManagerTab(h, { query, width });

const modelSwitch = (manager: Page, name: RegExp) => manager.getByRole('region', { name }).locator('input[type=checkbox]');
const modelCard = (panel: Page) => panel.locator('article.ll-card', { hasText: '可能涉及' });

/** Flips the switch to `on` through the UI and waits until the database says so (liveQuery). */
async function setModel(manager: Page, on: boolean, name = /模型第二意见/): Promise<void> {
  const box = modelSwitch(manager, name);
  if ((await box.isChecked()) !== on) await box.click();
  await manager.getByRole('region', { name }).locator(on ? 'input:checked' : 'input:not(:checked)').waitFor();
}

describe('model second opinion switch', () => {
  it('adds a model card for a sentence the rules miss only while on, and keeps the setting across a worker restart', async () => {
    const manager = await openManager();
    await setModel(manager, false);

    const script = await h.ctx.newPage();
    await script.goto(server.page('/model-off.html', scriptPage(`${SENTENCE}。今天全网最低价。`)));
    const { page: panel } = await openPanel(h);
    // The rules still see the price claim, so the panel is checking; the illness line gets no card.
    await panel.locator('article.ll-card').first().waitFor({ timeout: 15_000 });
    expect(await modelCard(panel).count()).toBe(0);

    await manager.bringToFront();
    await setModel(manager, true);
    await manager.getByTestId('notice').filter({ hasText: '已开启模型第二意见' }).waitFor();
    await panel.bringToFront();
    const card = modelCard(panel).first();
    await card.waitFor({ timeout: 15_000 });
    const text = await card.innerText();
    expect(text).toContain('老胃病');
    expect(text).toMatch(/模型提示/);
    // One sentence, one card: both laws the model reads in it are listed on the same card.
    expect(await modelCard(panel).count()).toBe(1);
    expect(await card.locator('.ll-cat').allInnerTexts()).toEqual(expect.arrayContaining(['保健功能宣称违规', '涉及疾病治疗/医疗用语']));
    // A manager reading the card sees the law, not an English id.
    expect(text).toMatch(/广告法|食品安全法/);
    expect(text).not.toMatch(/model\.[a-z-]+/);
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'model-card-zh-360.png') });

    // The worker forgets everything in memory; the switch is read back from IndexedDB.
    const cdp = await h.ctx.newCDPSession(manager);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await manager.close();
    const again = await openManager();
    expect(await modelSwitch(again, /模型第二意见/).isChecked()).toBe(true);
    const script2 = await h.ctx.newPage();
    await script2.goto(server.page('/model-on.html', scriptPage(`${SENTENCE}。`)));
    const { page: panel2 } = await openPanel(h);
    await modelCard(panel2).first().waitFor({ timeout: 15_000 });

    await again.bringToFront();
    await setModel(again, false);
    await panel2.bringToFront();
    await modelCard(panel2).first().waitFor({ state: 'detached', timeout: 15_000 });
    expect(h.externalRequests()).toEqual([]);
  });

  it('reads in both languages at side-panel width', async () => {
    for (const [query, name, file] of [['', /模型第二意见/, 'model-switch-zh-360.png'], ['?lang=en', /Model second opinion/, 'model-switch-en-360.png']] as const) {
      const manager = await openManager(query, 360);
      const region = manager.getByRole('region', { name });
      await region.scrollIntoViewIfNeeded();
      const box = await region.boundingBox();
      // At 360 px the panel must fit: no sideways scrolling to reach the switch.
      expect(box && box.x + box.width).toBeLessThanOrEqual(360);
      await region.screenshot({ path: join(SCREENSHOT_DIR, file) });
      await manager.close();
    }
  });
});
