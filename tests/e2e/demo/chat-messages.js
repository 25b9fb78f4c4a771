// Viewer messages and host lines for the demo console, written the way viewers of Chinese selling
// streams actually type: short, colloquial, questions about size/material/shipping/price/efficacy,
// purchase signals, complaints, risky questions and off-platform solicitations.
// Shared by the page (console.js) and the demo server (its /demo-api/comment/info feed).

export const NICKNAMES = [
  '小鹿乱撞', '用户9527', 'momo酱', '蓝莓味的猫', '老王不秃', 'Yuki🌸', '橙子汽水', '大白兔', '晴天娃娃',
  '追风少年', '阿May', '奶茶三分糖', '一只柠檬精', '东北老铁', '快乐小羊', '糖糖不吃糖', '夜猫子', '山有木兮',
  '小熊软糖', '今天也要加油', '一颗星', '风吹麦浪', '用户6210038', '七七', 'Coco', '胖虎', '喵了个咪',
];

export const VIEWER_MESSAGES = [
  '这个面膜敏感肌能用吗', '油皮适合吗', '一盒几片', '保质期多久', '孕妇可以用吗', '什么时候发货',
  '包邮吗', '偏远地区发吗', '能开发票吗', '有没有赠品', '和上次直播的是同一款吗', '是正品吗',
  '有试用装吗', '可以七天无理由吗', '已拍', '已拍 三号链接', '拍了两盒', '扣1', '111', '上链接',
  '库存还有吗', '怎么没有优惠券', '领不到券', '价格比昨天贵了', '发货太慢了，等了一周', '上次买的漏液了',
  '客服不回消息', '主播说的全网最低价是真的吗', '能祛斑吗', '用了能美白吗', '能治湿疹吗', '是不是全网最便宜',
  '能去痘印吗', '用完脸会过敏吗', '加微信发你优惠券', '私聊我有内部价', 'vx多少', '哈哈哈哈', '👍👍👍',
  '主播好美', '背景音乐叫什么', '主播今天化的什么妆', '第一次来直播间', '关注了', '来了来了', '求讲解三号',
  '再讲一下成分', '玻尿酸含量多少', '有没有酒精', '男生能用吗', '晚上用还是早上用', '一周用几次',
  '敷多久', '可以天天敷吗', '开封后能放多久', '买二送一还有吗', '下单了怎么改地址', '能退吗',
  '和XX牌比哪个好', '这个价格还能便宜吗', '会员有折扣吗', '老粉有福利吗', '主播用的哪款色号',
];

export const HOST_LINES = [
  '家人们晚上好，欢迎来到直播间',
  '今天给大家带来的是这款玻尿酸补水面膜',
  '一盒十片，每片都是独立包装',
  '这款面膜全网最低价，错过今天再等一年',
  '敷完之后皮肤水润透亮，干皮姐妹一定要试试',
  '我们家是品牌官方授权的，支持七天无理由',
  '用了它皮肤好到不用化妆，绝对不会过敏',
  '库存只剩最后两百单了，手慢无',
  '有问题的宝宝可以在评论区打出来',
];

export const PRODUCT = { name: '玻尿酸补水修护面膜 10片/盒', category: 'cosmetics', categoryLabel: '化妆品', price: '¥59.9', was: '¥99' };

export const DEFAULT_SCRIPT = [
  '家人们晚上好！今天这款玻尿酸补水面膜是我们的主推款。',
  '一盒十片，精华液足，敷完皮肤水润透亮。',
  '这款面膜是全网最低价，错过今天再等一年。',
  '用了它，三天就能美白祛斑，效果绝对有保证。',
  '现在下单还送两片同款，数量有限，先到先得。',
].join('\n');

/** The n-th message of a replay: deterministic, so a test can know what the page showed. */
export function messageAt(seq, unique) {
  const nick = NICKNAMES[(seq * 7) % NICKNAMES.length];
  return {
    seq,
    author: unique ? `${nick}${seq}` : nick,
    text: VIEWER_MESSAGES[(seq * 13) % VIEWER_MESSAGES.length],
  };
}
