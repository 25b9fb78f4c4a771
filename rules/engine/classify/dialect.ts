// Cantonese written forms and English words viewers type in overseas and 粤语 rooms, folded to the
// Mandarin the cues and the model know (係唔係 → 是不是, 幾多錢 → 多少钱, cheapest → 最便宜). Runs
// after traditional → simplified, so the keys are simplified. Only forms that are not also ordinary
// Mandarin are folded: 系 alone stays (关系, 联系方式), 平 alone stays (平台), 点 alone stays (一点).

const CANTONESE: Array<[string, string]> = [
  ['系唔系', '是不是'], ['系咪', '是不是'], ['系不系', '是不是'], ['唔系', '不是'], ['就系', '就是'], ['都系', '都是'], ['真系', '真是'], ['系咁', '是这样'],
  ['有冇', '有没有'], ['冇', '没有'], ['唔该', '谢谢'], ['唔', '不'],
  ['几多钱', '多少钱'], ['几多', '多少'], ['几钱', '多少钱'], ['点样', '怎样'], ['点买', '怎么买'], ['点解', '为什么'], ['点用', '怎么用'], ['点寄', '怎么寄'], ['点食', '怎么吃'],
  ['边度', '哪里'], ['边个', '哪个'], ['边间', '哪家'], ['而家', '现在'], ['咁平', '这么便宜'], ['好平', '好便宜'], ['平啲', '便宜点'], ['平唔平', '便不便宜'], ['最平', '最便宜'],
  ['嘅', '的'], ['咩', '什么'], ['乜嘢', '什么'], ['乜', '什么'], ['啲', '些'], ['喺', '在'], ['俾', '给'], ['畀', '给'], ['佢哋', '他们'], ['佢', '他'],
  ['睇', '看'], ['攞', '拿'], ['嚟', '来'], ['咁', '这么'], ['嘢', '东西'], ['噉', '这样'], ['食咗', '吃了'], ['买咗', '买了'], ['落单', '下单'], ['咗', '了'],
  ['识', '会'], ['靓', '好看'], ['冧', '倒'], ['揾', '找'], ['嗰', '那'], ['呢个', '这个'], ['呢款', '这款'],
];

const ENGLISH: Record<string, string> = {
  cure: '治', cures: '治', heal: '治', treat: '治疗', cheapest: '最便宜', cheaper: '更便宜', lowest: '最低价', best: '最好', guarantee: '保证', guaranteed: '保证',
  pregnant: '孕妇', baby: '宝宝', babies: '宝宝', kids: '孩子', kid: '孩子', child: '孩子', elderly: '老人', safe: '安全', diabetes: '糖尿病', diabetic: '糖尿病',
  eczema: '湿疹', acne: '痘', cancer: '癌', whitening: '美白', slimming: '瘦身', weight: '体重', lose: '减', effective: '有效', side: '副', effects: '作用',
  price: '价格', how: '怎么', much: '多少', cost: '价格', ship: '发货', shipping: '发货', shipped: '发货', delivery: '快递', parcel: '快递', arrived: '到了',
  refund: '退款', return: '退货', broken: '坏了', damaged: '坏了', fake: '假货', scam: '骗子', wrong: '错', late: '慢', missing: '少了',
  size: '尺码', material: '材质', bought: '买了', ordered: '下单了', order: '下单', paid: '付款了', link: '链接', cart: '购物车',
  wechat: '微信', contact: '联系', inbox: '私信', private: '私下', message: '私信',
  last: '最后', batch: '一批', stock: '库存', limited: '限量',
};

const keys = CANTONESE.map(([k]) => k).sort((a, b) => b.length - a.length);
const MAP = new Map(CANTONESE);
// One alternation, longest first: a single left-to-right pass (linear in the message).
const CANTONESE_RE = new RegExp(keys.join('|'), 'g');
const HAS_CANTONESE = new RegExp(`[${[...new Set(keys.join(''))].join('')}]`);

export function foldCantonese(text: string): string {
  if (!HAS_CANTONESE.test(text)) return text;
  return text.replace(CANTONESE_RE, (m) => MAP.get(m) ?? m);
}

/** The Mandarin for a whole English word, or undefined. */
export function englishWord(run: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(ENGLISH, run) ? ENGLISH[run] : undefined;
}
