// Purchase signals, counted per minute on the panel: 已拍, yp, 扣1, 拍了, 下单, 要一个L码, 加购.

const COUNT = '(?:一|两|二|三|四|五|六|俩|仨|\\d+)';
const UNIT = '(?:个|件|单|套|盒|瓶|份|双|条|箱|袋|包|支|斤|罐|桶|组)';

const PURCHASE = new RegExp(
  [
    '已(?:经)?(?:拍|下单|下|买|付|抢|入|购)',
    '刚(?:付|拍|买|下单|抢)|拍了|拍下|拍好了|(?<!不|没)买了|下单|下了单|付款了|付了|抢到|抢了|入手|入了|冲了|囤了|回购|复购|再来一|又拍|又买|又入|[二三四五]刷|拿下|秒到|秒了',
    '加购|加车|购物车',
    '^拍+$|扣1|扣一|打1|^\\+?1+$|^\\+1|(?<![a-z])yp(?![a-z])|yxd',
    `(?<!不)要${COUNT}${UNIT}|(?:来|给我来|给我)${COUNT}${UNIT}|拍${COUNT}${UNIT}|加我?${COUNT}${UNIT}|(?:搞|整|弄|入|买|抢|囤)了?${COUNT}${UNIT}|^(?:我?要)+$|我要了|(?<!不)要了|我要(?!退|问|换|投诉)|^(?:想要)+$|(?<!不)想要(?=这|那|一|两|\\d|链接|了)`,
  ].join('|'),
);

// Wanting without buying (好想要但是没钱) is chat, not a signal.
const NOT_BUYING = /没钱|买不起|舍不得|穷|算了|下次再|再说|保佑|希望|祈祷|但愿|求求|不买|不要了|不拍|没买|没拍/;

export function isPurchase(compact: string): boolean {
  return PURCHASE.test(compact) && !NOT_BUYING.test(compact);
}
