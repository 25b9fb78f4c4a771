// Turns the model's opinions into findings: one warning per category and sentence, worded as a
// possibility (可能涉及…), with the category's law, only where the rules found nothing of that kind.
import type { Finding } from '../schema.ts';
import type { CheckContext } from '../check.ts';
import { BREAK_SENTENCE, type Normalized } from '../normalize.ts';
import { CATEGORY_INFO, type FindingCategory } from '../taxonomy.ts';
import { BUILTIN_MODEL } from '../data/model.ts';
import { SecondOpinion } from './model.ts';

/** Rule id of a model finding: `model.<category>` (disabledRules and livelint-ignore take it). */
export const modelRuleId = (category: FindingCategory) => `model.${category}`;
export const isModelFinding = (f: { rule: string }) => f.rule.startsWith('model.');

/** A model finding's message in both languages (the panel re-words findings when the language changes). */
export function modelMessage(category: FindingCategory): { zh: string; en: string } {
  const info = CATEGORY_INFO[category];
  return {
    zh: `可能涉及${info.zh.replace(/^涉及/, '')}（模型提示，规则未命中，请核对）`,
    en: `May be a ${info.en.toLowerCase()} (model's second opinion, no rule matched: please check)`,
  };
}

/** Shorter than this (normalised characters) a sentence carries too little to judge. */
const MIN_SENTENCE = 4;

let builtin: SecondOpinion | null | undefined;
/** The shipped model, decoded once per process (about a millisecond). */
export function builtinModel(): SecondOpinion | null {
  if (builtin === undefined) builtin = BUILTIN_MODEL.buckets ? new SecondOpinion(BUILTIN_MODEL) : null;
  return builtin;
}

/** What to do instead, per category: advice for the host (the panel never splices it in as a rewrite). */
const ADVICE: Partial<Record<FindingCategory, string>> = {
  'absolute-term': '改为可证明的具体说法：比如参数、检测数据',
  'false-price': '只说真实成交过的价格，例如：今天直播间到手价XX元',
  'medical-claim': '删去疾病和治疗的说法，只讲产品本身：比如口感、成分、用法',
  'health-food-claim': '普通食品不说保健功能，改为：口感、产地、吃法',
  'cosmetic-claim': '只说备案过的功效，改为：使用感受，比如清爽、保湿',
  'efficacy-guarantee': '不作保证，改为：因人而异，按说明书使用',
  'false-endorsement': '删去机构、专家、患者的推荐，改为：产品本身的信息',
  'unverified-qualification': '写明证书或专利编号和出处，例如：专利号ZL…',
  superstition: '删去转运、辟邪等说法，改为：材质和工艺',
  'fake-data': '只说平台后台可查的数据，例如：今天已售XX件',
  'pressure-tactic': '删去不真实的紧迫说法，改为：库存和活动时间以页面为准',
  'emotional-coercion': '删去情感绑架，改为：需要的家人按需下单',
  'off-platform-deal': '只在平台内交易，改为：有问题请联系平台客服',
  disparagement: '不评价别人的商品，改为：说清楚自己产品的特点',
  'restricted-product': '这类商品不能这样推广，请查看类目规则',
  'public-order': '删去这句，换成对商品本身的介绍',
};

export interface BlockForModel {
  blockId: string;
  original: string;
  norm: Normalized;
  /** Allow-listed stretches (normalised offsets): a sentence holding one is left alone. */
  allow: ReadonlyArray<readonly [number, number]>;
  ignored: ((at: number, rule: string) => boolean) | null;
  context: CheckContext;
  /** What the rules found in this block (original offsets). */
  ruleFindings: readonly Finding[];
}

/**
 * The match was written differently from how the checker reads it (美 白, 蕞低价, 專家, pinyin): the
 * host dodged a filter on purpose, which regulators still punish, so the model may not wave it off.
 */
function disguised(f: Finding, original: string, norm: Normalized, s: number, to: number): boolean {
  let read = '';
  for (let k = s; k < to; k++) if (norm.start[k] >= f.start && norm.end[k] <= f.end) read += norm.text[k];
  return read !== original.slice(f.start, f.end).toLowerCase();
}

export function modelFindings(model: SecondOpinion, b: BlockForModel, out: Finding[]): void {
  const { norm, original } = b;
  const text = norm.text;
  const off = b.context.disabledRules?.length ? new Set(b.context.disabledRules) : null;
  const en = b.context.locale === 'en';
  let from = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && norm.brk[i] < BREAK_SENTENCE) continue;
    const to = i;
    const s = from;
    from = i;
    if (to - s < MIN_SENTENCE) continue;
    if (b.allow.some(([as, ae]) => as < to && ae > s)) continue;
    const start = norm.start[s];
    const end = norm.end[to - 1];
    const touched = b.ruleFindings.filter((f) => f.start < end && f.end > start);
    const p = model.score(text, s, to, b.context.productCategory);
    const veto = model.data.veto;
    if (veto > 0) {
      for (const f of touched) {
        const c = model.categories.indexOf(f.category);
        if (c >= 0 && p[c] < veto && f.severity !== 'info' && !disguised(f, original, norm, s, to)) {
          f.severity = 'info';
          f.message += en ? ' (the model reads this sentence as probably lawful)' : '（模型判断此句大概率合规，仅作提示）';
        }
      }
    }
    const flagged = touched.filter((f) => f.severity !== 'info');
    if (model.data.gate === 'sentence' && flagged.length > 0) continue;
    for (const o of model.opinionsFrom(p)) {
      if (flagged.some((f) => f.category === o.category)) continue;
      const rule = modelRuleId(o.category);
      if (off?.has(rule) || off?.has('model')) continue;
      if (b.ignored?.(start, rule)) continue;
      const info = CATEGORY_INFO[o.category];
      out.push({
        rule,
        category: o.category,
        severity: 'warning',
        message: modelMessage(o.category)[en ? 'en' : 'zh'],
        start,
        end,
        match: original.slice(start, end),
        basis: info.basis,
        suggestions: ADVICE[o.category] ? [ADVICE[o.category]!] : [],
        block: b.blockId,
      });
    }
  }
}
