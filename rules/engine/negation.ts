// 《广告绝对化用语执法指南》 and the enforcement record agree that negations and disclaimers are the
// main source of false alarms: 这不是全网最低价, 不是药不能治病, 我不会说它美白. A negation cue that
// ends at most MAX_GAP characters before the hit, in the same clause, makes the hit lawful.

const MAX_GAP = 3;
const WINDOW = 12;

const CUES = [
  '不是', '并非', '绝非', '不能', '不可', '不会', '不敢', '不说', '不讲', '不叫', '不算', '没有', '无法',
  '禁止', '杜绝', '拒绝', '谈不上', '算不上', '称不上', '说不上', '不保证', '不承诺', '不属于', '不代表',
  '从不', '绝不', '别说', '不涉及', '不宣传', '不具备', '不含', '不存在', '不提', '不夸', '不做', '不搞',
  '不', '没', '非', '别', '勿', '未', '莫',
];

// Words that start like a negation but are not one: imperatives (不要犹豫), degree (非常), questions
// (是不是全网最低价 is a claim, not a denial), and 不是我吹 (a boast).
const NOT_NEGATION = [
  '不要', '不用', '不错', '不少', '不仅', '不止', '不断', '不停', '不如', '不管', '不光', '不但', '不然', '不得不',
  '不一样', '不同', '不到', '不多', '不了', '不买', '不下', '不住', '不行', '不够', '不信', '非常', '别人', '别家',
  '别的', '没错', '没想到', '莫名', '未来', '是不是', '能不能', '会不会', '有没有', '可不可以', '要不要', '好不好',
  '是不', '不是我吹', '不是吹', '不夸张', '毫不夸张', '不骗', '没骗', '不瞒', '不得了', '不怕', '别怕', '别犹豫',
  '别错过', '别等', '没得说', '不比', '非得',
];

/** The first index of the clause that contains `pos` (a break before a char starts a clause). */
function clauseStart(brk: Uint8Array, pos: number, limit: number): number {
  let j = pos;
  while (j > limit && brk[j] === 0) j--;
  return brk[j] === 0 ? limit : j;
}

// Disbelief frames govern a whole phrase after them (别相信吃了能降血压这种话, 没有哪个机构能保证上岸):
// they reach further than a bare negation and are never read as imperatives like 不要犹豫.
const LONG_CUES = ['别信', '别相信', '不要信', '不要相信', '别听', '不要听', '千万别信', '没有哪个', '没有哪家', '没有任何', '不是说', '谁说', '哪有', '不存在'];
const LONG_GAP = 8;

// Every cue starts with one of these characters: a cheap first test before the cue scan.
const CUE_HEADS = new Set([...CUES, ...LONG_CUES].map((c) => c.charCodeAt(0)));

/** True when a negation cue governs the hit starting at `start` in normalised `text`. */
export function isNegated(text: string, brk: Uint8Array, start: number): boolean {
  if (start === 0 || brk[start] !== 0) return false;
  const from = clauseStart(brk, start - 1, Math.max(0, start - WINDOW));
  if (from >= start) return false;
  let any = false;
  for (let i = from; i < start && !any; i++) any = CUE_HEADS.has(text.charCodeAt(i));
  if (!any) return false;
  const w = text.slice(from, start);
  for (const cue of LONG_CUES) {
    const at = w.lastIndexOf(cue);
    if (at >= 0 && w.length - (at + cue.length) <= LONG_GAP) return true;
  }
  for (const cue of CUES) {
    let at = w.lastIndexOf(cue);
    while (at >= 0) {
      const gap = w.length - (at + cue.length);
      if (gap <= MAX_GAP && !falseCue(w, at)) return true;
      at = at > 0 ? w.lastIndexOf(cue, at - 1) : -1;
    }
  }
  return false;
}

function falseCue(w: string, at: number): boolean {
  for (const nn of NOT_NEGATION) {
    // The false cue may start before the cue (是不是) or at it (不要).
    for (let k = Math.max(0, at - nn.length + 1); k <= at; k++) {
      if (w.startsWith(nn, k) && k + nn.length > at) return true;
    }
  }
  return false;
}

// Hosts repeat a viewer's question before answering it (有宝宝问能不能治失眠，我们这个不是药…).
// The repeated question is not the host's claim; the answer that follows is checked on its own.
// 问就是… ("if you ask, it is…") and 问题 (a noun) are not reported questions.
const QUESTION_WINDOW = 12;
const NOT_REPORTED = ['问就是', '问题', '别问', '不用问', '问都不用问'];

/** True when the hit sits in a clause that repeats someone's question (…问…). */
export function isReportedQuestion(text: string, brk: Uint8Array, start: number): boolean {
  if (start === 0 || brk[start] !== 0) return false;
  const from = clauseStart(brk, start - 1, Math.max(0, start - QUESTION_WINDOW));
  for (let i = start - 1; i >= from; i--) {
    if (text.charCodeAt(i) !== 0x95ee /* 问 */) continue;
    if (NOT_REPORTED.some((nn) => {
      for (let k = Math.max(0, i - nn.length + 1); k <= i; k++) if (text.startsWith(nn, k) && k + nn.length > i) return true;
      return false;
    })) continue;
    return true;
  }
  return false;
}
