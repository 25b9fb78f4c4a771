import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { close, launchWithExtension, openManager, SCREENSHOT_DIR, type Harness } from './harness.ts';

// A shop manager's pack with its own lawful phrases (issue 12): imported, its allow list covers
// only its own rules; marking it global is refused when it would mute a built-in rule's examples,
// with the built-in pack named, and allowed (with a warning shown) when harmless.

let h: Harness;
beforeAll(async () => {
  h = await launchWithExtension();
});
afterAll(() => close(h));

const pack = (allow: string[]) => ({
  id: 'shop-allow',
  name: { zh: '店铺放行词', en: 'Shop allow list' },
  allow,
  // A file saying global is not taken at its word.
  global: true,
  rules: [
    {
      id: 'shop-allow/gift',
      type: 'term',
      category: 'false-price',
      terms: ['送豪礼'],
      message: { zh: '赠品要写清楚', en: 'Name the gift' },
      basis: '广告法 第8条',
      examples: { flag: ['今天[[送豪礼]]'], pass: ['今天不送礼'] },
    },
  ],
});

async function importPack(manager: import('playwright-core').Page, allow: string[]) {
  await manager.locator('input[type=file][accept*=".json"]').first().setInputFiles({ name: 'shop-allow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack(allow))) });
  await manager.getByTestId('import-preview').waitFor();
  await manager.getByRole('button', { name: '确认导入' }).click();
  await manager.getByTestId('notice').filter({ hasText: '已导入' }).waitFor();
}

describe('global allow list', () => {
  it('is off after import, refused when it would mute the built-ins (naming them), allowed with a warning when harmless', async () => {
    const manager = await openManager(h, { width: 1200 });
    await importPack(manager, ['全网最低价']);
    const row = manager.locator('[data-pack="shop-allow"]');
    const box = row.getByRole('checkbox', { name: '放行词作用于所有规则包' });
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    expect(await row.innerText()).toContain('目前只对本包的规则生效');

    await box.click();
    const refused = manager.getByTestId('notice').filter({ hasText: '未保存，规则没有改动' });
    await refused.waitFor({ timeout: 15_000 });
    expect(await refused.innerText()).toMatch(/规则包“[^”]+”的例句/);
    expect(await box.isChecked()).toBe(false);

    await importPack(manager, ['豪礼清单']);
    await box.click();
    await manager.getByTestId('notice').filter({ hasText: '已让本包放行词作用于所有规则包' }).waitFor();
    await row.filter({ hasText: '会让所有规则包（含内置规则）在这些词上不再提示' }).waitFor();
    expect(await box.isChecked()).toBe(true);
    await row.screenshot({ path: join(SCREENSHOT_DIR, 'pack-global-zh.png') });
    expect(h.externalRequests()).toEqual([]);
  });
});
