// Mirrors ../shared/taxonomy.json (the project's fixed id list). A test asserts the two stay equal,
// so the engine can stay free of file I/O and still use the exact ids.
export const FINDING_CATEGORIES = [
  'absolute-term',
  'false-price',
  'medical-claim',
  'health-food-claim',
  'cosmetic-claim',
  'efficacy-guarantee',
  'false-endorsement',
  'unverified-qualification',
  'superstition',
  'fake-data',
  'pressure-tactic',
  'emotional-coercion',
  'off-platform-deal',
  'disparagement',
  'restricted-product',
  'public-order',
  'product-mismatch',
  'missing-disclosure',
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

export const PRODUCT_CATEGORIES = [
  'apparel',
  'cosmetics',
  'food',
  'health-food',
  'fresh-produce',
  'baby',
  'appliance',
  'daily',
  'jewelry',
  'education',
  'medical-device',
  'liquor',
] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const TEXT_SOURCES = ['script', 'captions', 'chat'] as const;
export type TextSource = (typeof TEXT_SOURCES)[number];

/** Chinese and English labels and legal basis per category, shown beside findings. */
export const CATEGORY_INFO: Record<FindingCategory, { zh: string; en: string; basis: string }> = {
  'absolute-term': { zh: '绝对化用语', en: 'Absolute claim', basis: '广告法 第9条第(三)项; 《广告绝对化用语执法指南》(2023)' },
  'false-price': { zh: '价格违法宣传', en: 'Misleading price', basis: '价格法 第14条; 《明码标价和禁止价格欺诈规定》第19条' },
  'medical-claim': { zh: '涉及疾病治疗/医疗用语', en: 'Medical claim', basis: '广告法 第17条' },
  'health-food-claim': { zh: '保健功能宣称违规', en: 'Health-function claim', basis: '广告法 第18条; 食品安全法 第71条, 第73条' },
  'cosmetic-claim': { zh: '化妆品违规功效宣称', en: 'Cosmetic efficacy claim', basis: '化妆品监督管理条例 第37条' },
  'efficacy-guarantee': { zh: '保证性承诺/夸大效果', en: 'Guaranteed result', basis: '广告法 第4条, 第28条' },
  'false-endorsement': { zh: '冒用权威背书', en: 'False endorsement', basis: '广告法 第9条第(二)项, 第16条, 第18条' },
  'unverified-qualification': { zh: '资质声明需证明', en: 'Unverified qualification', basis: '广告法 第11条, 第12条' },
  superstition: { zh: '封建迷信用语', en: 'Superstition', basis: '广告法 第9条第(八)项' },
  'fake-data': { zh: '虚构交易/流量数据', en: 'Fabricated data', basis: '反不正当竞争法 第8条' },
  'pressure-tactic': { zh: '虚假紧迫/饥饿营销', en: 'False urgency', basis: '《明码标价和禁止价格欺诈规定》第19条' },
  'emotional-coercion': { zh: '情感绑架', en: 'Emotional coercion', basis: '《网络直播营销行为规范》' },
  'off-platform-deal': { zh: '私下交易/站外导流', en: 'Off-platform deal', basis: '《网络直播营销管理办法(试行)》' },
  disparagement: { zh: '贬低其他商品或经营者', en: 'Disparagement', basis: '广告法 第13条; 反不正当竞争法 第11条' },
  'restricted-product': { zh: '禁止或限制推广', en: 'Restricted product', basis: '广告法 第15条, 第20条, 第22条, 第23条' },
  'public-order': { zh: '违背公序良俗', en: 'Public order', basis: '广告法 第9条, 第40条' },
  'product-mismatch': { zh: '与商品信息不符', en: 'Contradicts product facts', basis: '广告法 第8条, 第28条' },
  'missing-disclosure': { zh: '必要信息未说明', en: 'Missing disclosure', basis: '广告法 第8条, 第18条' },
};
