import type { ChatTopic } from './kinds.ts';

// What the factory and the host should hear: logistics stalled, service silent, refunds refused,
// wrong or broken goods, quality, coupons that do not work, a laggy stream, "骗人".

const STRONG = new RegExp(
  [
    // Accusations and escalation.
    '骗人|骗子|被骗|上当|忽悠|坑人|坑爹|太坑|好坑|踩坑|垃圾|差评|投诉|举报|12315|消协|工商|曝光|维权|虚假|欺诈|欺骗|黑心|无良|奸商|退钱|还钱|退我钱',
    // Service and refunds.
    '退款.{0,4}(?:不|没|还没|拒)|(?:不给|不让|拒绝|没给|不同意|不予)(?:退|换)|退不了|还没退|没退|没人(?:回|理|管|处理)|不回(?:消息|复)?|不理人|没回(?!购)|已读不回',
    '客服(?:呢|去哪|不在|失联)|找不到客服',
    // Logistics.
    '(?:都|还|一直|也|迟迟|到现在|压根|根本)没有?(?:发|到|收到|动|回|人|处理|退|更新|减)|没发货|不发货|还没发|还不发|还没到|还没收到|没收到|怎么还没|一直没|迟迟|催(?:了|发|单)|几天了|好几天|等了.{0,4}(?:天|周|星期|月)',
    '第[一二三四五六七八九十\\d]+天了|都\\d+天|比.{1,6}还贵|反而贵|更贵了|态度(?:差|不好|恶劣|太差)|只会|一直在?拖|拖拖拉拉|磨叽|墨迹|废话|负责|赔偿|说法',
    '差(?:好多|很多|挺多|太多|得多|远了|距)|看不懂|搞不懂|丢件|寄丢|弄丢|丢了|找谁|谁负责|谁管',
    '(?:这么|那么|这样)(?:慢|贵|差|久|难用|卡|晚|少|麻烦|敷衍)|别讲了|别说了|快点上|赶紧上|能不能快点|磨磨蹭蹭|又(?:缺货|没货|断货|没了|涨价)',
    '(?:写的|标的|标签|吊牌|洗标|详情).{0,14}(?:主播)?说|主播说.{0,14}(?:写|标|实际|收到|结果)|转圈|加载不出|刷不出|进不去|闪退|忽大忽小|时有时无|声音.{0,4}(?:断|卡|炸|杂)|画面.{0,4}(?:糊|卡|黑)|模糊|糊了',
    '(?:买的|拍的|下单|要的|订的).{0,10}(?:收到|发来|来的|到手)的?(?:是|却|竟然)|越来越(?:差|贵|少|慢|不行|敷衍|小|难|水|次)|看不到|看不了|只有声音|没有声音|没有画面',
    '还在(?:揽收|路上|运输|派送|原地|仓库)|(?:天|周|星期|个月)了.{0,6}(?:还|没|都)|答非所问|机器人|不解决|推卸|踢皮球|两个东西|完全不是|两码事|不是一个东西|不是同一个|对不上|不同步',
    '买贵了|买亏了|亏了|被割|割韭菜|(?:就|又)降价|坑$|坑了|坑啊|真坑',
    '打不通|联系不上|找不到人|没减|不减|没抵|没优惠|券.{0,8}(?:没|不能|不了)(?:用|减|抵|生效)|就降价了|刚买就降|多花了|白花',
    '(?<!有)没有?(?:说明书|赠品|配件|合格证)',
    '没动|(?:物流|快递|单号|订单).{0,6}不动|不动了|没更新|不更新|没动静|发错|错发|少发|漏发|(?<!多)少了(?!点)|少件|缺件|破损|压坏|摔坏',
    // Not as described.
    '假货|山寨|仿品|高仿|不是正品|货不对板|不符|(?<!什么|啥|哪里|哪|有啥|有什么)不一样|不一致|差太多|差别太大|差距太大|图片.{0,4}不|颜色不对|尺码不对|码数不对|不对版|不是我要的|发的不是',
    '说好的|不是说|说是.{0,10}(?:写|标|结果|实际|其实|却|怎么|明明|像|摸着|感觉|看着|根本)|明明|居然是|竟然是|(?<!以后|之后|下次|再也)都没有|也没有|根本没|根本不',
    // Does not work.
    '用不了|不能用|没法用|用不上|(?<!有)没用(?!过)|没效果|没有效果|不管用|白买',
    // The stream itself.
    '卡死|卡了|好卡|太卡|一直卡|又卡|卡顿|卡卡|一卡一卡|卡成|卡得|没声音|听不见|听不清|声音太?小|黑屏|看不见|看不清|断断续续|没画面|掉线',
    '怎么回事|什么情况|啥情况|咋回事|搞什么',
    // Reported the way viewers type it (the tune writers' rule-only misses): price drops after
    // paying, hosts called fake, parcels left or stuck, orders gone, goods spoilt or not as shown.
    '退差价|耍猴|玩我呢|都是托|是托吧|一水的好|录播吧|天天说最后|天天都有|别被种草|心态崩|啥玩意|啥破|什么破|破玩意|这质量|啥质量',
    '一直(?:在)?揽收|待揽收|显示签收|没收着|扔(?:村口|驿站|门口|楼下)|全泡了|只到了|剩下的呢|赠品呢|没见赠品|(?:订单|单子)(?:没了|被取消|取消了)|付款(?:失败|一直失败)|钱都扣了|运费险.{0,6}(?:没有|不给|说没)|说包邮.{0,8}(?:运费|加钱|还得)',
    '一股(?:怪|哈喇|霉|臭|塑料|胶)?味|哈喇味|粘一块|结块了|化了|虫眼|瘪的|一半是(?:干|碎|瘪|空)|碎末|全沉底|糊底|粘锅了|氧化|暗一个度|充不进电|不热了|松了|咯噔|夹青|起红疹|起一片|实测才|称了才|到手(?:跟|是|就)|跟图片两样|毫无变化|一般般',
  ].join('|'),
);

// Quality words that are a question when asked (会起球吗) or hypothetical (万一坏了), and a
// complaint when reported (穿一次就起球了).
const REPORTED = new RegExp(
  [
    '质量(?:差|不好|太差|一般|堪忧|真差|好差)|做工(?:差|粗糙)|线头',
    '坏了|碎了|破了|漏了|烂了|裂了|坏的|碎的|破的|过期|临期|假的|漏液|漏水|漏气|裂开|裂缝|划痕|破洞|开裂|瑕疵|污渍|旧的|二手|翻新|用过的',
    '起球|掉色|褪色|缩水|变形|开线|开胶|脱线|掉毛|掉漆|生锈|异味|发臭|臭|刺鼻|发霉|色差',
    '拉肚子|过敏了|烂脸|起疹|刺痛|不舒服|太慢|好慢|真慢|慢死',
    '(?<!不|不会|没)后悔|(?<!不|不会|没)失望|无语|气死|服了|恶心',
    '太贵了|好贵|贵死|真贵',
    // A broken thing (口红断了) and a negative degree (太薄了, 特别难用).
    '(?<!果|判|中|不|间)断了|(?:坏|碎|裂|歪|瘪|塌)了|发黑|变黑|一直黑|用了?\\S{0,3}就坏',
    '(?:太|特别|超级|真|非常|巨|贼|很)(?:差|慢|薄|硬|硌|粗糙|劣质|难用|难吃|难闻|难看|敷衍|离谱|过分|大了|小了|短了|长了)',
    '味道(?:特别|太|好|很|真)?大|有问题|出问题|毛病',
    // 太X了 is a grievance unless X is praise (太好看了, 太划算了).
    '太(?!好|美|便宜|划算|棒|香|可爱|值|赞|好吃|好看|舒服|喜欢|漂亮|帅|厉害|爽|实惠|开心|好用|给力|有|会|多|牛|绝|甜|软|暖|酷|仙|温柔|稳|贴心|专业|幸福|激动|期待|想|适合|上头|心动|馋|羡慕|感动|优秀|好听|好玩|搞笑|逗|有趣|可|了)[\\u4e00-\\u9fff]{1,2}了',
  ].join('|'),
);
// Something the viewer has already received or used: their report is a complaint even when it
// ends with a question (用了烂脸 你们怎么负责).
const EXPERIENCED = /收到|用了|穿了|吃了|喝了|买的|到货|拿到|打开|拆开|洗了|上次买|到手/;
const HYPOTHETICAL = /如果|要是|万一|假如|会(?!员)|容易|怕|担心|的话/;

// Fallback for grievances no cue names: a statement about the goods, the delivery or the service
// (it has a topic, or the viewer has received or used it) with a negative word and no praise
// (尺码偏小, 颜色有点暗, 收到 少个盖子).
const NEGATIVE = /不|没|差|慢|坏|破|错|旧|脏|难|假|有点|偏|太|少/;
const PRAISE = /不错|没问题|没毛病|不愧|好评|满意|喜欢|舒服|漂亮|好看|好用|好吃|划算|值|棒|赞|推荐|回购|还行|可以|挺好|很好|真好|不贵|不大不小|刚好|正好|合适/;

/** The topic of a negative report, or null when the message is not one. */
export function negativeReportTopic(compact: string, asks: boolean, topicOf: (c: string) => ChatTopic): ChatTopic | null {
  // Cheap word tests first: most chat has no negative word and never pays for the topic regexes.
  if (asks || !NEGATIVE.test(compact) || PRAISE.test(compact) || HYPOTHETICAL.test(compact)) return null;
  const topic = topicOf(compact);
  return topic !== '' || EXPERIENCED.test(compact) ? topic : null;
}

export function isStrongComplaint(compact: string): boolean {
  return STRONG.test(compact);
}

export function isReportedComplaint(compact: string, asks: boolean): boolean {
  return (!asks || EXPERIENCED.test(compact)) && REPORTED.test(compact) && !HYPOTHETICAL.test(compact);
}
