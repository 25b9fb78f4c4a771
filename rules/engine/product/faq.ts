import { normalize } from '../normalize.ts';
import { factsOf, showFact, type FactKind } from './facts.ts';
import type { Product } from './schema.ts';

// Viewer questions to FAQ answers. A pattern is words separated by spaces that must all appear
// (a/b means either): "多重/几斤/多少克" or "敏感肌 能用/可以用". Failing every pattern, character
// bigram overlap with a pattern catches rewordings (这个重多少 vs 多重). Questions no entry answers
// return null; the caller collects them for the manager.

export interface FaqAnswer {
  answer: string;
  /** Index into product.faq, or -1 for an answer read from the facts. */
  entry: number;
  score: number;
}

const fold = (s: string) => normalize(s).text;

function patternScore(q: string, pattern: string): number {
  const words = pattern.split(/[\s+＋]+/).filter(Boolean);
  let score = 0;
  for (const w of words) {
    const alts = w.split(/[\/|｜]/).map(fold).filter(Boolean);
    const hit = alts.filter((a) => q.includes(a)).sort((a, b) => b.length - a.length)[0];
    if (!hit) return 0;
    score += hit.length;
  }
  return score;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

// Question scaffolding carries no topic: 能不能机洗 and 可以机洗吗 ask the same thing.
const SCAFFOLD = /(请问|主播|小姐姐|家人们|宝宝|可不可以|能不能|会不会|是不是|有没有|要不要|可以|能够|这个|那个|这款|一下|吗|呢|啊|呀|吧|嘛|哈|么|的|了|能|会)/g;
const core = (s: string) => s.replace(SCAFFOLD, '');

// Questions the record's facts answer when the FAQ does not.
const FACT_TOPICS: Array<[FactKind, string[]]> = [
  ['composition', ['面料', '材质', '成分', '什么料', '纯棉吗', '含棉']],
  ['content', ['多重', '几斤', '多少克', '净含量', '容量', '多少毫升', '分量', '多大一']],
  ['origin', ['产地', '哪里产', '哪产的', '哪里的', '产自']],
  ['shelf-life', ['保质期', '能放多久', '放多久', '能放多长']],
  ['size', ['尺码', '什么码', '几码', '码数', '尺寸']],
  ['color', ['颜色', '几个色', '什么色', '有几色']],
  ['flavor', ['口味', '味道', '什么味']],
  ['ingredients', ['配料', '添加剂', '有没有添加']],
];

/** The best FAQ answer for a viewer question, or null when nothing fits. */
export function answerQuestion(product: Product, question: string): FaqAnswer | null {
  const q = fold(question);
  if (!q) return null;
  let best: FaqAnswer | null = null;
  product.faq.forEach((e, i) => {
    for (const p of e.questions) {
      const s = patternScore(q, p);
      if (s > 0 && (!best || s > best.score)) best = { answer: e.answer, entry: i, score: s };
    }
  });
  if (best) return best;
  const qc = core(q);
  product.faq.forEach((e, i) => {
    // Only one-word patterns are compared loosely: a pattern of several words asks for all of them.
    for (const alt of e.questions.filter((p) => !/[\s+＋]/.test(p.trim())).flatMap((p) => p.split(/[\/|｜]/))) {
      const pc = core(fold(alt));
      if (pc.length < 2 || qc.length < 2) continue;
      const d = qc.includes(pc) ? 1 : dice(qc, pc);
      if (d >= 0.6 && (!best || d > best.score)) best = { answer: e.answer, entry: i, score: d };
    }
  });
  if (best) return best;
  const { live } = product.price;
  if (live !== undefined && /多少钱|什么价|价格|几块|多少米|怎么卖|啥价/.test(q)) return { answer: `直播间到手价${live}元`, entry: -1, score: 0 };
  for (const [kind, words] of FACT_TOPICS) {
    if (!words.some((w) => q.includes(w))) continue;
    const facts = factsOf(product, kind);
    if (facts.length) return { answer: facts.map((f) => `${f.attribute}：${showFact(f)}`).join('；'), entry: -1, score: 0 };
  }
  return null;
}
