import { describe, expect, it } from 'vitest';
import { compile, type PackInput } from '../../../rules/engine/index.ts';
import { miniPack } from '../../fixtures/engine/mini-pack.ts';

// A pack's allow list silences its own rules; only a pack marked global silences the others too
// (issue 12: an imported pack with one broad allow phrase used to mute every built-in rule).
const other = (global?: boolean): PackInput => ({
  id: 'shop',
  name: { zh: '店铺', en: 'Shop' },
  allow: ['全网最低价'],
  ...(global === undefined ? {} : { global }),
  rules: [{ id: 'shop/gift', type: 'term', category: 'false-price', severity: 'warning', terms: ['送豪礼'], message: { zh: '赠品', en: 'gift' }, basis: '广告法 第4条', examples: { flag: ['今天[[送豪礼]]'], pass: ['今天不送礼'] } }],
});
const rules = (packs: PackInput[], text: string, overrides = {}) =>
  compile(packs, { overrides, model: false }).check([{ id: 'b', text }]).map((f) => f.rule);

describe('allow scope', () => {
  it("a pack's allow list does not silence another pack's rules", () => {
    expect(rules([miniPack, other()], '今天全网最低价')).toContain('mini/lowest-price');
    expect(rules([miniPack, other(false)], '今天全网最低价')).toContain('mini/lowest-price');
  });

  it('a global pack silences every pack, and its own rules still fire outside the phrase', () => {
    expect(rules([miniPack, other(true)], '今天全网最低价')).not.toContain('mini/lowest-price');
    expect(rules([miniPack, other(true)], '今天送豪礼')).toEqual(['shop/gift']);
  });

  it("a pack's own allow list still silences its own rule", () => {
    const own: PackInput = { ...other(), allow: ['不送豪礼'] };
    expect(rules([own], '我们不送豪礼')).toEqual([]);
    expect(rules([own], '今天送豪礼')).toEqual(['shop/gift']);
  });

  it('an override severity outside the taxonomy is ignored, not passed to the panel', () => {
    const [f] = compile([miniPack], { overrides: { 'mini/lowest-price': { severity: 'fatal' as never } }, model: false }).check([{ id: 'b', text: '全网最低价' }]);
    expect(['error', 'warning', 'info']).toContain(f.severity);
  });
});
