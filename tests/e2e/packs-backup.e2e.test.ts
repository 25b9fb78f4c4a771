import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, launchWithExtension, type Harness } from './harness.ts';

// Backup and restore of the whole database through the manager, in real Chromium (dexie-export-import
// reads Blobs with the page's FileReader): export, change something, restore, the change is undone.

let h: Harness;
beforeAll(async () => {
  h = await launchWithExtension();
});
afterAll(() => close(h));

describe('backup and restore', () => {
  it('restores the exported state, all of it', async () => {
    const page = await h.ctx.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`chrome-extension://${h.extensionId}/manager.html`);
    const first = page.locator('[data-pack]').first();
    await first.waitFor({ timeout: 15_000 });
    const packId = await first.getAttribute('data-pack');
    const toggle = page.locator(`[data-pack="${packId}"] input[type=checkbox]`);
    expect(await toggle.isChecked()).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出完整备份' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^livelint-backup-\d{8}\.json$/);
    const file = await download.path();
    const backup = JSON.parse(await readFile(file, 'utf8'));
    expect(backup.formatName).toBe('dexie');
    expect(backup.data.data.find((t: { tableName: string }) => t.tableName === 'rules').rows.length).toBeGreaterThan(10);

    await toggle.click();
    await page.locator(`[data-pack="${packId}"] input[type=checkbox]:not(:checked)`).waitFor();

    page.once('dialog', (d) => void d.accept());
    await page.getByLabel('从备份恢复').setInputFiles(file);
    await page.getByTestId('notice').filter({ hasText: /已恢复 \d+ 条记录/ }).waitFor({ timeout: 15_000 });
    await page.locator(`[data-pack="${packId}"] input[type=checkbox]:checked`).waitFor();

    // A file that is not a backup is refused with the reason, and nothing changes.
    page.once('dialog', (d) => void d.accept());
    await page.getByLabel('从备份恢复').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"packs": []}') });
    await page.getByTestId('notice').filter({ hasText: '恢复未执行' }).waitFor();
    expect(await page.locator(`[data-pack="${packId}"] input[type=checkbox]`).isChecked()).toBe(true);
  });
});
