import { describe, expect, it } from 'vitest';
import { localizedMessage } from '../../../rules/engine/product/index.ts';
import { TabState } from '../../../entrypoints/background/live/tab-state.ts';
import { all } from './helpers.ts';

// The Live tab stores each finding's message in both languages and switches without re-checking;
// product findings used to carry only the check's locale (Chinese), so the English UI showed Chinese.
const record = { name: '玻尿酸补水修护面膜', category: 'cosmetics' as const, facts: [{ attribute: '材质', value: '80%天丝 20%粘纤' }] };
const text = '面膜布是100%天丝的，很亲肤。';

describe('product findings in both languages', () => {
  it('keeps the English message of each product finding beside it, with the recorded fact', () => {
    const found = all(record, text).filter((f) => f.rule.startsWith('product/'));
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      const m = localizedMessage(f)!;
      expect(m.zh).toBe(f.message);
      expect(m.en).toMatch(/^[A-Za-z]/);
      expect(m.en).not.toBe(m.zh);
    }
    expect(localizedMessage(found[0]!)!.en).toContain('80%天丝 20%粘纤');
  });

  it('the Live tab state stores the English product message (pack rules keep their own pair)', () => {
    const findings = all(record, text);
    const tab = new TabState();
    tab.apply([{ id: 't', text, source: 'script' }], findings, 1, () => undefined);
    const stored = tab.toData().blocks.flatMap((b) => b.findings).find((f) => f.rule.startsWith('product/'))!;
    expect(stored.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(stored.message.en).toMatch(/^The product record says/);
  });

  it('a finding not made by the product checks has no product pair', () => {
    const f = all(record, '全网最低价')[0];
    expect(f?.rule.startsWith('product/')).toBe(false);
    expect(localizedMessage(f!)).toBeUndefined();
  });
});
