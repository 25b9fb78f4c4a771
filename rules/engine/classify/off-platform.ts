import type { FoldedChat } from './fold.ts';

// Attempts to move a sale or a contact off the platform: a host who answers them breaks the
// platform's rules (private trades are unprotected and banned). Viewers dodge keyword filters with
// homophones (薇信, 威信), letters (vx, wx, +v) and spacing (v x), so this runs on the compact fold.

const CONTACT = [
  // WeChat and its evasions.
  '微信|薇信|威信|维信|徽信|伟信|卫信|危信|微芯|微心|v信|v芯|(?<![a-z])(?:vx|wx)|weixin|绿泡泡|朋友圈|pyq|公众号|视频号|微博',
  '(?<![a-z\\d])v(?=我|一下|号|多少|\\d{5})',
  '(?:加|\\+|家|佳|嘉)(?:个|一下)?(?:v|w|微|威|薇|维|q|扣|你|个?好友|一下)',
  // 加我 but not 给我加一个 (add one more to my order).
  '加我(?!一|两|\\d)',
  'qq|扣扣|企鹅号|q号|(?<![a-z])q(?=我|\\d{5})',
  '(?:加|进|拉|入)群|群号|(?<![a-z])[qv]群|qq群|微信群|(?:有没有|有|建)群',
  '私聊|私信(?=我|你|发|聊|吗|呗|一下|$)|私我|私发|私下|私号|滴滴我|dd我|联系方式|联系你|联系我|怎么联系|电话(?:多少|发|给|号)|(?:留|发|给|要|加)个?电话|手机号|号码|留个?号',
  '账号|id(?:多少|发|给)|(?<![a-z])(?:dm|pm)(?![a-z])',
  '二维码|扫码|扫一扫|飞机号|私人(?:号|联系|电话|微信)',
  // Foreign social apps (ins风 is a style, not Instagram).
  '(?<![a-z])(?:fb|facebook|ins(?!风)|instagram|twitter|推特|脸书|telegram|tg|whatsapp|line)(?![a-z])',
];

const ELSEWHERE = [
  // Other shops; 京东快递 is a courier, not a shop.
  '淘宝|某宝|桃宝|taobao|(?<![a-z])tb(?![a-z])|拼多多|拼夕夕|pdd|某多多|京东(?!快递|物流|配送|发)|某东|(?<![a-z])jd(?![a-z])',
  '闲鱼|咸鱼|唯品会|得物|天猫|tmall|1688|阿里巴巴|微店|快手|实体店|门店|线下店|店里买|去店里',
  // Agents and wholesale: recruiting buyers into a private channel.
  '代理|代购|批发|拿货|进货|代发|货源',
  // Paying outside the checkout.
  '(?:直接|去)(?:拿|提)货?|(?:厂家|工厂|厂)在哪|(?:别的|其他|其它)(?:买法|路子|途径)|(?:小红书|小红薯|xhs)上?(?:有|买|卖|搜)|去哪里?买|别处买',
  '找你买|跟你买|找厂家|厂家直|面交|当面交易|微商|官网|(?:其他|别的|其它)(?:购买)?方式|(?:换个地方|别处|外面|私下|线下)聊',
  '(?:别的|其他|其它)(?:渠道|平台|地方)|哪里还能买|外面买|(?:不|不用|绕过|绕开)(?:通过|经过|走)平台|不走平台|走平台|绕过平台|绕开平台|平台外|站外|线下(?:交易|付|买|转)|转账|直接转|支付宝转|微信转',
];

const OFF_PLATFORM = new RegExp([...CONTACT, ...ELSEWHERE].join('|'));
// A mobile number, possibly spaced (138 1234 5678), or one spelled in Chinese numerals.
const PHONE = /(?<!\d)1[\s-]?[3-9](?:[\s-]?\d){9}(?!\d)/;
const HAN_DIGITS = /[零〇一二三四五六七八九幺]{7,}/;
// 'V:abc123', 'v❤' : a handle announced after a bare v.
const V_HANDLE = /(?<![a-z])v\s*[:❤♥💗]|(?:微|威|薇|维|wei)\s*[❤♥💗💕🩷]/u;

// Job and loan scams that also leave a contact (日结兼职私我) are spam, not a buyer leaving.
const SCAM = /兼职|刷单|日赚|日结|日入|月入|躺赚|贷款|网贷|博彩|彩票|棋牌/;

export function isOffPlatform(f: FoldedChat): boolean {
  if (SCAM.test(f.compact)) return false;
  return OFF_PLATFORM.test(f.compact) || PHONE.test(f.text) || HAN_DIGITS.test(f.compact) || V_HANDLE.test(f.text);
}
