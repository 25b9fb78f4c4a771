import type { ProductCategory, Severity, TextSource } from '../rules/engine/taxonomy.ts';

// A tiny i18n: Chinese is the default, English a toggle. Each feature defines its own message table
// with defineMessages (both languages required by the type, so no string is left untranslated).

export type Locale = 'zh' | 'en';
export const LOCALES: readonly Locale[] = ['zh', 'en'];

export type Translate<K extends string> = (locale: Locale, key: K, vars?: Record<string, string | number>) => string;

export function defineMessages<K extends string>(tables: { zh: Record<K, string>; en: Record<K, string> }): Translate<K> {
  return (locale, key, vars) => {
    const text = tables[locale][key] ?? tables.zh[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}

export const t = defineMessages({
  zh: {
    appTitle: 'LiveLint 直播话术体检',
    'tab.live': '实时',
    'tab.rehearsal': '排练',
    'tab.chat': '弹幕',
    'tab.report': '报告',
    'tab.packs': '规则包',
    'tabs.label': '视图',
    'locale.switch': 'EN',
    'locale.switchLabel': 'Switch to English',
    'severity.error': '违规',
    'severity.warning': '风险',
    'severity.info': '提示',
    'source.script': '脚本',
    'source.captions': '字幕',
    'source.chat': '弹幕',
    'live.empty': '暂无风险提示。打开直播中控台，或选中文字后右键「用 LiveLint 检查所选文字」。',
    'live.feedLabel': '实时风险提示',
    'live.count': '{n} 条待处理',
    'live.dropped': '弹幕过多，已跳过 {n} 条（只统计，不逐条检查）',
    'live.chatRisks': '观众弹幕里有 {n} 条风险内容（不是你说的，不计入待处理），见「弹幕」页',
    'live.engineLoading': '规则加载中…',
    'live.engineError': '{what}，仍使用上一版规则。请到“规则包”页修复。',
    'live.engineNoOverrides': '{what}，已暂时忽略你的规则调整。请到“规则包”页修复。',
    'live.engineFallback': '{what}，已改用内置规则检查。请到“规则包”页修复。',
    'live.engineDown': '{what}，规则加载失败，暂时无法检查。',
    'live.engineWhat': '规则包有误',
    'live.engineWhatPack': '规则包“{pack}”有误',
    'live.product': '商品类目',
    'live.productAny': '未指定（通用规则）',
    'live.nowPresenting': '正在讲解：{name}',
    'card.basis': '依据',
    'card.sayInstead': '可改说',
    'card.copy': '复制',
    'card.copied': '已复制',
    'card.copyLabel': '复制改写：{text}',
    'card.ignore': '忽略一次',
    'card.allow': '加入我的允许词',
    'card.allowTitle': '以后不再提示“{match}”（写入本规则的允许词，可在规则包中撤销）',
    'card.allowFailed': '未能加入允许词：{error}',
    'card.repeats': '×{n}',
    'card.repeatsLabel': '同一规则出现 {n} 次',
    'card.showAll': '查看全部 {n} 处',
    'card.hideAll': '收起',
    'banner.title': '严重违规',
    'banner.dismiss': '知道了',
    'placeholder.soon': '即将推出',
  },
  en: {
    appTitle: 'LiveLint live-stream script check',
    'tab.live': 'Live',
    'tab.rehearsal': 'Rehearsal',
    'tab.chat': 'Chat',
    'tab.report': 'Report',
    'tab.packs': 'Packs',
    'tabs.label': 'Views',
    'locale.switch': '中文',
    'locale.switchLabel': '切换到中文',
    'severity.error': 'Error',
    'severity.warning': 'Warning',
    'severity.info': 'Note',
    'source.script': 'Script',
    'source.captions': 'Captions',
    'source.chat': 'Chat',
    'live.empty': 'No warnings yet. Open a live console, or select text and right-click "Check selection with LiveLint".',
    'live.feedLabel': 'Live warnings',
    'live.count': '{n} open',
    'live.dropped': 'Chat flood: {n} messages skipped (counted, not checked)',
    'live.chatRisks': 'Risky viewer chat: {n} (not said by you, not counted as open); see the Chat tab',
    'live.engineLoading': 'Loading rules…',
    'live.engineError': '{what}; the previous rules stay in use. Fix it on the Packs tab.',
    'live.engineNoOverrides': '{what}; your rule adjustments are ignored for now. Fix it on the Packs tab.',
    'live.engineFallback': '{what}; checking with the built-in rules. Fix it on the Packs tab.',
    'live.engineDown': '{what}; the rules could not be loaded and nothing is checked.',
    'live.engineWhat': 'A rule pack is invalid',
    'live.engineWhatPack': 'The pack "{pack}" is invalid',
    'live.product': 'Product category',
    'live.productAny': 'Not set (general rules)',
    'live.nowPresenting': 'Now presenting: {name}',
    'card.basis': 'Basis',
    'card.sayInstead': 'Say instead',
    'card.copy': 'Copy',
    'card.copied': 'Copied',
    'card.copyLabel': 'Copy rewrite: {text}',
    'card.ignore': 'Ignore once',
    'card.allow': 'Allow in my pack',
    'card.allowTitle': 'Stop flagging "{match}" (added to this rule\'s allow-list; undo it under Packs)',
    'card.allowFailed': 'Could not allow it: {error}',
    'card.repeats': '×{n}',
    'card.repeatsLabel': 'Same rule {n} times',
    'card.showAll': 'Show all {n}',
    'card.hideAll': 'Hide',
    'banner.title': 'Critical',
    'banner.dismiss': 'Got it',
    'placeholder.soon': 'Coming soon',
  },
});

export type MessageKey = Parameters<typeof t>[1];

export const severityKey = (s: Severity) => `severity.${s}` as const;
export const sourceKey = (s: TextSource) => `source.${s}` as const;

/** Product category labels (zh from ../shared/taxonomy.json). */
export const PRODUCT_LABELS: Record<ProductCategory, { zh: string; en: string }> = {
  apparel: { zh: '服装鞋包', en: 'Apparel, shoes, bags' },
  cosmetics: { zh: '化妆品/护肤', en: 'Cosmetics & skincare' },
  food: { zh: '普通食品', en: 'Food' },
  'health-food': { zh: '保健食品', en: 'Health food' },
  'fresh-produce': { zh: '生鲜农产品', en: 'Fresh produce' },
  baby: { zh: '母婴', en: 'Mother & baby' },
  appliance: { zh: '家电数码', en: 'Appliances & electronics' },
  daily: { zh: '日用百货', en: 'Daily goods' },
  jewelry: { zh: '珠宝文玩', en: 'Jewellery & collectibles' },
  education: { zh: '图书教育', en: 'Books & education' },
  'medical-device': { zh: '医疗器械', en: 'Medical devices' },
  liquor: { zh: '酒类', en: 'Liquor' },
};
