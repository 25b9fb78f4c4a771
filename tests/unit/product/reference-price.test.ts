import { describe, expect, it } from 'vitest';
import { referencePriceStatus } from '../../../rules/engine/index.ts';
import { product } from './helpers.ts';

const p = product({ name: 'x', category: 'daily', price: { live: 99, reference: { amount: 399, from: '2026-10-01', to: '2026-10-31' } } });

describe('reference price dates (明码标价 第16条)', () => {
  it('is fine inside the window and up to 7 days after it', () => {
    expect(referencePriceStatus(p, '2026-10-15')).toBeNull();
    expect(referencePriceStatus(p, '2026-11-07')).toBeNull();
  });
  it('warns 8+ days after the last day it was charged, naming the dates', () => {
    expect(referencePriceStatus(p, '2026-11-08')?.zh).toContain('最后实际成交在 2026-10-31，距今8天');
  });
  it('warns before the window starts', () => {
    expect(referencePriceStatus(p, '2026-09-30')?.zh).toContain('从 2026-10-01 才开始');
  });
  it('nothing to say without a reference price; a bad date throws', () => {
    expect(referencePriceStatus(product({ name: 'x', category: 'daily' }), '2026-01-01')).toBeNull();
    expect(() => referencePriceStatus(p, 'tomorrow')).toThrow(/YYYY-MM-DD/);
  });
});
