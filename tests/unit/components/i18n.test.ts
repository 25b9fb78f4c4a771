import { describe, expect, it } from 'vitest';
import { defineMessages, t } from '../../../components/i18n.ts';

describe('i18n', () => {
  it('has every key in both languages, none empty', () => {
    // Probe through t: an untranslated key would fall back to the Chinese text or the key itself.
    const keys = ['tab.live', 'card.ignore', 'banner.title', 'live.empty'] as const;
    for (const k of keys) {
      expect(t('zh', k)).not.toBe(k);
      expect(t('en', k)).not.toBe(t('zh', k));
    }
  });

  it('fills {placeholders} and leaves unknown ones visible', () => {
    const m = defineMessages({ zh: { x: '共 {n} 条 {y}' }, en: { x: '{n} items {y}' } });
    expect(m('zh', 'x', { n: 3 })).toBe('共 3 条 {y}');
    expect(m('en', 'x', { n: 0, y: 'ok' })).toBe('0 items ok');
  });
});
