// Ordinary, lawful host talk the write gate times a candidate pack set on (rules/store/engine-gate.ts).
// Written for this purpose (not test or evaluation sentences): openings, sizes, shipping, usage,
// prices said plainly, ASR-style runs without punctuation. Lines grow in length so a pathological
// pack is caught on a short line before it can stall the page on a long one.
export const BUDGET_LINES: readonly string[] = [
  '家人们晚上好',
  '今天给大家带来这款羊毛围巾',
  '颜色有燕麦色和深灰色两种，尺码是均码',
  '拍下之后四十八小时内发货，偏远地区运费另算，具体看详情页',
  '这款锅的直径是二十八厘米，电磁炉燃气灶都能用，用完记得擦干再收起来，这样不容易生锈',
  '然后呢我们这个面霜是五十克一罐的 早晚各用一次 洗完脸之后取黄豆大小 在脸上点开 轻轻按压吸收就可以了 对吧 敏感肌的姐妹建议先在耳后试一下',
  '好的我看一下弹幕 有姐妹问能不能用花呗 可以的 分期也可以 具体以平台页面显示为准 还有问尺码的 我身高一米六五 平时穿M 这件穿M刚好 肩膀这里不紧 袖子长度也合适 大家可以对照一下详情页的尺码表 实在拿不准可以先拍 收到不合适七天无理由退换 运费险也送了 放心下单',
  '这一批苹果是十月中旬采摘的，果径在八十到八十五毫米之间，一箱五斤，大概十二到十五个，收到之后如果有磕碰坏果，拍照联系平台客服处理，我们按个数补发或者退款。今天直播间的价格是三十四元一箱，满五十元减五元，还有三元的无门槛优惠券，领券之后再下单更划算。我们不是什么网红品牌，就是自己家的果园，老老实实种了十几年，大家吃得放心最重要。有任何问题都可以在订单里找客服，我们都会认真回复的，谢谢大家的支持，下一个链接是我们家的梨，也是今年的新果。',
];
