import type { Product } from '../../../rules/engine/product/index.ts';

// What to tell the host when a viewer asks a question whose natural answer breaks the law
// (能治湿疹吗, 是不是全网最便宜): the words not to say and a reply that stays lawful. The reply uses
// the product record when one is selected (registered efficacies, the live price), because a
// concrete true answer is what keeps the host from improvising a claim.

export interface Localized {
  zh: string;
  en: string;
}

export interface RiskyGuide {
  avoid: Localized;
  answer: Localized;
}

type Build = (p: Product | null, q: string) => RiskyGuide;

const registered = (p: Product | null): string[] => [
  ...(p?.registrations.specialCosmetic?.efficacies ?? []),
  ...(p?.registrations.healthFood?.functions ?? []),
];

const price: Build = (p) => ({
  avoid: { zh: '不要说“全网最低/史上最低/最便宜/独家”', en: 'Do not say "lowest price online", "cheapest ever" or "exclusive"' },
  answer:
    p?.price.live !== undefined
      ? { zh: `今天直播间到手价${p.price.live}元，是本场活动价，以下单页面为准`, en: `Today's price in this stream is ¥${p.price.live}; the order page is what counts` }
      : { zh: '今天是直播间活动价，具体以下单页面为准，大家可以自己比较', en: "It is today's stream price; the order page is what counts, feel free to compare" },
});

const cure: Build = (p) => {
  const health = p?.registrations.healthFood;
  if (health)
    return {
      avoid: { zh: '不要说“能治/治疗/根治/代替药物”', en: 'Do not say it cures or treats anything, or replaces medicine' },
      answer: {
        zh: `本品是保健食品，保健功能是${health.functions.join('、')}，不能代替药物治疗疾病，有病请遵医嘱`,
        en: `This is a health food registered for ${health.functions.join(', ')}; it does not replace medicine, follow your doctor's advice`,
      },
    };
  if (p?.category === 'medical-device')
    return {
      avoid: { zh: '不要承诺治愈或疗效', en: 'Do not promise a cure or a treatment result' },
      answer: {
        zh: '请仔细阅读产品说明书或者在医务人员的指导下购买和使用',
        en: 'Please read the instructions carefully, or buy and use it under the guidance of medical staff',
      },
    };
  return {
    avoid: { zh: '不要说“能治/治疗/消炎/修复病症”，普通商品不能宣称疗效', en: 'Do not say it cures, treats or heals: ordinary goods may not claim medical effects' },
    answer: {
      zh: '它不是药品，不能治疗疾病；皮肤或身体有问题请先看医生，日常护理可以按说明使用',
      en: 'It is not a medicine and does not treat illness; see a doctor for a condition, use it as directed for everyday care',
    },
  };
};

const EFFICACY_WORDS = ['美白', '祛斑', '淡斑', '防脱', '生发', '祛痘', '抗皱', '减肥', '瘦身', '助眠', '降糖', '降压', '降脂', '增强免疫力', '增高'];

const efficacy: Build = (p, q) => {
  const word = EFFICACY_WORDS.find((w) => q.includes(w));
  const reg = registered(p);
  if (word && reg.some((r) => r.includes(word) || word.includes(r)))
    return {
      avoid: { zh: '不要夸大或保证效果（“一定/马上/永久”）', en: 'Do not exaggerate or guarantee the effect ("definitely", "instantly", "forever")' },
      answer: { zh: `本品已注册${word}功效，效果因人而异，坚持按说明使用`, en: `It is registered for ${word}; results vary, use it as directed` },
    };
  return {
    avoid: {
      zh: `不要说它能${word ?? '达到这种功效'}：没有注册的功效不能宣称`,
      en: `Do not say it can ${word ? `do ${word}` : 'have that effect'}: an unregistered effect may not be claimed`,
    },
    answer: {
      zh: reg.length ? `这款注册的功效是${reg.join('、')}，其他功效不做承诺` : '这款不主打这个功效，主播不做承诺，具体看商品详情页',
      en: reg.length ? `It is registered for ${reg.join(', ')}; no other effect is promised` : 'That is not what it is for; no such promise, see the product page',
    },
  };
};

const guarantee: Build = () => ({
  avoid: { zh: '不要说“保证有效/百分百/立刻见效/永久/不反弹”', en: 'Do not say "guaranteed", "100%", "instant", "permanent" or "no rebound"' },
  answer: { zh: '效果因人而异，主播不打包票，按说明坚持使用，不满意可以按售后规则处理', en: 'Results vary and cannot be guaranteed; use it as directed, after-sales rules apply if unhappy' },
});

const pregnancy: Build = () => ({
  avoid: { zh: '不要说“孕妇放心用/绝对安全/宝宝也能用”', en: 'Do not say "safe for pregnancy", "absolutely safe" or "fine for babies"' },
  answer: { zh: '孕期、哺乳期和宝宝使用请先咨询医生，看清配料表和说明书', en: 'If pregnant, nursing or for a baby, ask a doctor first and read the ingredients and instructions' },
});

const outcome: Build = () => ({
  avoid: { zh: '不要承诺“保过/提分/稳赚/升值”', en: 'Do not promise passing an exam, better scores, returns or appreciation' },
  answer: { zh: '结果因人而异，我们不对考试结果或收益做任何承诺', en: 'Outcomes vary; no promise is made about exam results or returns' },
});

const competitor: Build = () => ({
  avoid: { zh: '不要贬低其他品牌，也不要说“比XX好/吊打XX”', en: 'Do not run down other brands or say it beats brand X' },
  answer: { zh: '各家产品各有特点，我只介绍我们这款的真实参数，大家按需要选', en: 'Every brand has its strengths; I only describe the real specs of ours, choose what suits you' },
});

const fallback: Build = () => ({
  avoid: { zh: '不要顺着提问打包票或夸大', en: 'Do not go along with the question with a promise or an exaggeration' },
  answer: { zh: '这个主播不能打包票，具体以商品详情页和说明书为准', en: 'The host cannot promise that; the product page and instructions are what count' },
});

// First match wins: the most specific legal risk first.
const GUIDES: Array<[RegExp, Build]> = [
  [/孕|哺乳|喂奶|月子|宝宝|婴|儿童|小孩/, pregnancy],
  [/保过|包过|提分|考上|通过率|升值|保值|保本|稳赚|收益|回报|翻倍|理财|赚钱/, outcome],
  [/全网|最便宜|最低|史低|底价|最划算|最实惠|独家|便宜|降价|涨价|原价/, price],
  [/保证|百分百|100%|绝对|一定|肯定|多久见效|几天见效|立刻|马上|永久|根除|彻底|不反弹/, guarantee],
  [new RegExp(EFFICACY_WORDS.join('|')), efficacy],
  [/比.{0,8}(?:好|强|差|哪个)|哪个好|哪家好|吊打|碾压/, competitor],
  [/治|疗|病|炎|疹|癌|痘|斑|痛|疼|药|医/, cure],
];

export function riskyGuide(question: string, product: Product | null): RiskyGuide {
  for (const [re, build] of GUIDES) if (re.test(question)) return build(product, question);
  return fallback(product, question);
}
