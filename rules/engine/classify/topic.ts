import type { ChatTopic } from './kinds.ts';

// What a viewer asks or complains about. One regex with a named group per topic: the leftmost
// cue in the message wins (viewers lead with what they care about), and at the same position the
// group order below breaks the tie (运费险 is after-sales before it is a shipping cost).

const TOPIC_CUES: [name: string, topic: ChatTopic, cues: string[]][] = [
  [
    'aftersales',
    '售后',
    [
      '售后|退货|退换|换货|退款|退钱|能退|可以退|包退|包换|运费险|无理由|保修|质保|保换|维修|坏了怎么办',
      '客服|发票|正品|假一赔|保价|价保',
    ],
  ],
  [
    'usage',
    '使用方法',
    [
      '怎么用|咋用|如何用|怎么使用|使用方法|用法|用量|怎么吃|咋吃|怎么喝|怎么泡|怎么煮|怎么洗|怎么穿|怎么搭|搭配|怎么戴|怎么涂|怎么抹',
      '怎么装|安装|组装|预热|说明书|教程|步骤|一天几次|一次几|一次用|吃几|用几次|机洗|手洗|水洗|干洗|能洗|洗衣机|烘干',
      '怎么保存|保存|冷藏|冷冻|放冰箱|加热|微波炉|充电|插电|怎么开|开关|操作',
    ],
  ],
  [
    'shipping',
    '发货',
    [
      '发货|发什么快递|快递|物流|几天到|多久到|什么时候到|到货|能到(?!手)|包邮|偏远|新疆|西藏|内蒙|青海|宁夏|海南|港澳|香港|澳门|台湾|国外|海外',
      '顺丰|中通|圆通|申通|韵达|邮政|ems|极兔|京东快递|京东物流',
      '现货|预售|库存|有货|没货|缺货|补货|还有吗|还有没有|没了吗|抢光|售罄|什么时候发|发出|寄|配送|哪里发|从哪发|揽收|单号',
    ],
  ],
  [
    'price',
    '价格',
    [
      '价格|价钱|多少钱|几块|几元|多钱|什么价|啥价|价位|(?<!评)价|金额|便宜|贵|优惠|打折|折扣|几折|券|满减|红包|福利|赠品|送什么|送不送|有送|买一送|第二件',
      '半价|划算|降价|涨价|原价|到手|秒杀|返现|定金|尾款|分期|付款|货到付|¥|\\d元|\\d块',
    ],
  ],
  [
    'size',
    '尺码',
    [
      '尺码|尺寸|码|大小|偏大|偏小|正码|均码|加大|穿多大|多大的|多长|多宽|多高|多重|腰围|胸围|臀围|肩宽|衣长|裤长|袖长|身高|体重',
      '\\d斤|\\dcm|厘米|公分|\\dkg|(?<![a-z])(xs|s|m|l|xl|xxl|xxxl|[2-5]xl)(?![a-z])|宽松|修身|显胖|能穿|穿得下|穿的下|合身|脚|穿几号|几号鞋|容量|\\dml|毫升',
    ],
  ],
  [
    'material',
    '材质',
    [
      '材质|面料|材料|布料|成分|纯棉|全棉|棉|涤纶|聚酯|锦纶|氨纶|莫代尔|天丝|羊毛|羊绒|真丝|蚕丝|冰丝|亚麻|棉麻|含绒|绒|羽绒',
      '真皮|牛皮|羊皮|皮质|皮的|pu|纯银|银的|925|镀银|合金|纯金|黄金|k金|镀金|金的|不锈钢|钢|铁|铝|塑料|硅胶|玻璃|陶瓷|实木|木头|木质',
      '配料|添加剂|防腐剂|香精|酒精|含糖|糖分|热量|卡路里|过敏|敏感|刺激|起球|掉色|褪色|缩水|透气|厚|薄|加绒|保暖|扎',
      '质量|做工|质感|手感|什么做的|产地|哪里产|原料|含量|度数|保质期',
    ],
  ],
  [
    'efficacy',
    '功效',
    [
      '效果|功效|作用|有用|管用|好用|见效|保湿|补水|控油|去屑|去油|清洁|美白|淡斑|祛斑|祛痘|抗老|抗衰|紧致|提亮|修护|减肥|瘦|燃脂',
      '助眠|营养|吸收|肤质|干皮|油皮|混油|能吃|能喝|治|病|血糖|血压',
    ],
  ],
];

const TOPIC_RE = new RegExp(TOPIC_CUES.map(([name, , cues]) => `(?<${name}>${cues.join('|')})`).join('|'));
const TOPIC_BY_GROUP = new Map(TOPIC_CUES.map(([name, topic]) => [name, topic]));

export function topicOf(compact: string): ChatTopic {
  const m = TOPIC_RE.exec(compact);
  if (!m?.groups) return '';
  for (const name in m.groups) if (m.groups[name] !== undefined) return TOPIC_BY_GROUP.get(name) ?? '';
  return '';
}
