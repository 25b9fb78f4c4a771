import type { FoldedChat } from './fold.ts';

// Noise the panel should drop from its aggregates: floods (啊啊啊…, 打卡打卡…, 🔥×10), ads and
// phishing links, poaching viewers to another stream, and keyboard-mash gibberish.

const URL = /https?:|www\.|\.(?:com|cn|net|top|xyz|cc|vip|me)\b/;
const AD = new RegExp(
  [
    '免费领|免费送|免费拿|点链接|点击|点我|看我主页|我主页|主页有',
    '看我(?:作品|视频|橱窗|动态)|我的作品|我家?的?直播间|关注我|互关|互粉|回关|求关注|求粉',
    '直播间.{0,6}快去|快去.{0,6}直播间|(?:去|来)(?!到|我们|咱们|这)[a-z]+直播间',
    '兼职|刷单|日赚|日入|日结|月入|躺赚|带你赚钱|赚钱项目|在家赚钱|加盟|招聘|贷款|网贷|博彩|彩票|棋牌|代练|上分|涨粉|买粉|刷粉|引流|代运营|接单|邀请码',
  ].join('|'),
);
// Ten of one character (啊啊啊啊啊啊啊啊啊啊), except 1: 1111 is a purchase signal (扣1). Fewer is
// ordinary laughter or cheering (哈哈哈哈哈哈).
const CHAR_RUN = /([^1])\1{9,}/u;
// The whole message is one unit said three or more times (关注我领红包 ×3, 打卡 ×6).
const REPEATED_UNIT = /^(.{2,16}?)\1{2,}$/u;
const KEYBOARD = /qwer|asdf|zxcv|hjkl|sdfg|uiop|wasd|cvbn|vbnm|fghj|ghjk|wert|erty|rtyu|tyui|yuio/;

/** Enough to tell a flood from 蹲蹲蹲 or 扣1扣1. */
const MIN_FLOOD = 8;

export function isSpam(f: FoldedChat): boolean {
  const c = f.compact;
  if (URL.test(f.text) || AD.test(c)) return true;
  if (f.emoji >= 5 && c.length <= 2) return true;
  if (f.emoji >= 8) return true;
  if (c.length === 0) return f.text.length >= MIN_FLOOD;
  if (c.length >= MIN_FLOOD) {
    const head = c.length > 120 ? c.slice(0, 120) : c;
    if (CHAR_RUN.test(head)) return true;
    const unit = REPEATED_UNIT.exec(head)?.[1];
    // 扣1扣1扣1扣1 and 111111 are eager buyers, not a flood.
    if (unit !== undefined && !/1|扣/.test(unit)) return true;
  }
  // A run of digits that is not a phone number (caught before) nor an eager 1111.
  if (/^\d{8,}$/.test(c) && !/^1+$/.test(c)) return true;
  if (/^[a-z]{6,}$/.test(c) && KEYBOARD.test(c)) return true;
  if (/^[a-z]{8,}$/.test(c)) {
    // Keyboard mash: pinyin and English rarely stack four consonants (zhongguo has ngg).
    const vowels = c.replace(/[^aeiou]/g, '').length;
    if (KEYBOARD.test(c) || vowels / c.length < 0.2 || /[^aeiouv]{4}/.test(c.replace(/ng(?=[zcs]h)/g, ''))) return true;
  }
  return false;
}
