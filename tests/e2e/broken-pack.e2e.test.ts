import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { close, launchWithExtension, openManager, openPanel, SCREENSHOT_DIR, serveStatic, type Harness, type StaticServer } from './harness.ts';
import { scriptPage } from './pages.ts';

// A pack that does not compile must never silence checking (issue 12). The write gate refuses such
// a pack on every path the UI has, so here it is written straight into IndexedDB, the way an older
// version or a damaged profile could have left it. After a worker restart there is no previous
// checker to fall back on: the panel must still flag with the shipped rules and say why.

let h: Harness;
let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic();
  h = await launchWithExtension();
});
afterAll(() => close(h, server));

/** Writes a custom pack whose only term normalises to nothing, bypassing the store's gate. */
async function writeBrokenPack(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('livelint');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const tx = db.transaction(['packs', 'rules', 'settings'], 'readwrite');
    const now = Date.now();
    const rule = { id: 'broken/bang', type: 'term', category: 'false-price', terms: ['！！！'], message: { zh: '坏规则', en: 'bad rule' }, basis: '广告法 第4条', examples: { flag: ['[[！！！]]'], pass: ['好'] } };
    tx.objectStore('packs').put({ id: 'broken', origin: 'custom', enabled: true, meta: { id: 'broken', version: '1', name: { zh: '坏掉的规则包', en: 'Broken pack' }, variants: {}, allow: [] }, ruleCount: 1, hash: 'x', createdAt: now, updatedAt: now });
    tx.objectStore('rules').put({ id: 'broken/bang', packId: 'broken', order: 0, category: 'false-price', rule });
    const rev = tx.objectStore('settings').get('packs-rev');
    rev.onsuccess = () => tx.objectStore('settings').put({ key: 'packs-rev', value: (rev.result?.value ?? 0) + 1 });
    await new Promise<void>((ok, fail) => {
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  });
}

describe('a stored pack that does not compile', () => {
  it('after a worker restart the panel still flags with the shipped rules and says so, in both languages', async () => {
    const manager = await openManager(h);
    // The seeded built-ins exist once the manager lists them.
    await manager.getByText('直播话术通用规则').first().waitFor({ timeout: 15_000 });
    await writeBrokenPack(manager);
    // The worker forgets its compiled rules; the next page event starts it again from IndexedDB.
    const cdp = await h.ctx.newCDPSession(manager);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await manager.close();

    const script = await h.ctx.newPage();
    await script.goto(server.page('/broken-pack.html', scriptPage('今天全网最低价，家人们冲。')));
    const { page: panel } = await openPanel(h, { width: 360 });
    await panel.locator('article.ll-card').first().waitFor({ timeout: 20_000 });
    expect(await panel.locator('article.ll-card').first().innerText()).toMatch(/最低价/);
    const notice = panel.getByRole('status').filter({ hasText: '已改用内置规则检查' });
    await notice.waitFor({ timeout: 10_000 });
    // The manager reads which pack, by name; never a rule id.
    expect(await notice.innerText()).toContain('规则包“坏掉的规则包”有误');
    expect(await notice.innerText()).not.toMatch(/broken\/bang|normalisation/);
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'broken-pack-fallback-zh-360.png') });

    await script.bringToFront();
    const { page: en } = await openPanel(h, { width: 360, query: 'lang=en' });
    await en.getByRole('status').filter({ hasText: 'The pack "Broken pack" is invalid; checking with the built-in rules' }).waitFor({ timeout: 10_000 });
    await en.screenshot({ path: join(SCREENSHOT_DIR, 'broken-pack-fallback-en-360.png') });
    expect(h.externalRequests()).toEqual([]);
  });
});
