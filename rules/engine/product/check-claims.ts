import { COSMETIC_EFFICACIES, HEALTH_FUNCTIONS, claimsNamed, runStart } from './efficacies.ts';
import { derived } from './derived.ts';
import { normalize } from '../normalize.ts';
import { negated, occurrences, type Text } from './context.ts';
import { said, type ProductHit } from './hit.ts';
import type { Product } from './schema.ts';
import { registrationsOf } from './registrations.ts';
import type { Finding } from '../schema.ts';

// Claims the product's registrations do not cover, and claims the manager forbade. The converse
// lives here too: a registered efficacy makes the built-in "special-cosmetic efficacy" warning
// lawful for THIS product, so check() drops it (lawfulUnderProduct).


export function checkRegisteredClaims(t: Text, original: string, product: Product): ProductHit[] {
  const hits: ProductHit[] = [];
  if (product.category === 'cosmetics') {
    const reg = registrationsOf(product).specialCosmetic;
    const ok = derived(product).cosmeticOk;
    const regShown = reg ? `注册证 ${reg.number}，注册功效：${reg.efficacies.join('、')}` : '没有特殊化妆品注册证（普通化妆品）';
    const regShownEn = reg ? `registration ${reg.number}, registered efficacies: ${reg.efficacies.join(', ')}` : 'no special-cosmetic registration (ordinary cosmetic)';
    const named = claimsNamed(t.text, COSMETIC_EFFICACIES);
    for (const c of named) {
      if (ok.has(c.entry.id) || negated(t, runStart(named, c)) || refused(t.text, runStart(named, c), c.end)) continue;
      const s = said(t, original, c.start, c.end);
      hits.push({
        rule: 'product/cosmetic-registration',
        category: 'product-mismatch',
        start: c.start,
        end: c.end,
        zh: `商品信息为 ${regShown}，说了 ${s}（${c.entry.label}须取得该功效的特殊化妆品注册）`,
        en: `The product record has ${regShownEn}; the host said ${s} (${c.entry.label} needs that special-cosmetic registration)`,
        suggestions: reg ? [`注册功效是${reg.efficacies.join('、')}`] : ['说保湿、妆效提亮等普通化妆品功效'],
      });
    }
  }
  if (product.category === 'health-food') {
    const reg = registrationsOf(product).healthFood;
    const ok = derived(product).healthOk;
    const shown = reg ? `批准的保健功能为 ${reg.functions.join('、')}（${reg.number}）` : '没有记录保健食品批准文号和功能';
    const shownEn = reg ? `approved functions ${reg.functions.join(', ')} (${reg.number})` : 'no health-food approval recorded';
    const named = claimsNamed(t.text, HEALTH_FUNCTIONS);
    for (const c of named) {
      if (ok.has(c.entry.id) || negated(t, runStart(named, c)) || refused(t.text, runStart(named, c), c.end)) continue;
      const s = said(t, original, c.start, c.end);
      hits.push({
        rule: 'product/health-function',
        category: 'product-mismatch',
        start: c.start,
        end: c.end,
        zh: `商品信息为 ${shown}，说了 ${s}（${c.entry.label}不在批准功能内）`,
        en: `The product record has ${shownEn}; the host said ${s} (${c.entry.label} is not an approved function)`,
        suggestions: reg ? [`本品批准的保健功能是${reg.functions.join('、')}，本品不能代替药物`] : [],
      });
    }
  }
  const device = registrationsOf(product).medicalDevice;
  if (device) {
    const names: Record<string, 'I' | 'II' | 'III'> = { 一类: 'I', 二类: 'II', 三类: 'III', 第一类: 'I', 第二类: 'II', 第三类: 'III', '1类': 'I', '2类': 'II', '3类': 'III', i类: 'I', ii类: 'II', iii类: 'III' };
    for (const [word, cls] of Object.entries(names)) {
      for (const at of occurrences(t.text, word + '医疗器械')) {
        if (cls === device.class || negated(t, at)) continue;
        if (word.length === 2 && t.text[at - 1] === '第') continue; // counted by 第N类
        const end = at + word.length + 4;
        hits.push({
          rule: 'product/device-class',
          category: 'product-mismatch',
          start: at,
          end,
          zh: `商品信息为 第${device.class}类医疗器械（${device.number}），说成了 ${said(t, original, at, end)}`,
          en: `The product record says class ${device.class} medical device (${device.number}); the host said ${said(t, original, at, end)}`,
        });
      }
    }
  }
  return hits;
}

// A forbidden claim is often a list (开光、戴了转运招财 / 保证三个月开口说英语), and hosts never say it
// word for word: each alternative is matched exactly, or by most of its content characters inside
// one stretch of the statement (撞车孩子保证没事 said as 撞了 孩子保证一点事没有).
const ALTERNATIVES = /[、/／，,；;|｜]|或者|或/;
const FILLER_CHARS = new Set('了的得地是都也就还很能会可以要吃喝用戴盖涂穿说这那个么吗呢啊吧我你他它们一'.split(''));
const MIN_CORE = 3;
const COVER = 0.7;

interface Alternative { folded: string; core: string[] }
const altCache = new WeakMap<Product, Array<{ claim: { text: string; reason?: string }; alts: Alternative[] }>>();

function alternativesOf(product: Product) {
  let hit = altCache.get(product);
  if (hit) return hit;
  hit = derived(product).forbidden.map((f) => ({
    claim: f,
    alts: [f.folded, ...f.text.split(ALTERNATIVES).map((a) => normalize(a).text)]
      .filter((a, i, all) => a.length >= 2 && all.indexOf(a) === i)
      .map((folded) => ({ folded, core: [...folded].filter((c) => !FILLER_CHARS.has(c)) })),
  }));
  altCache.set(product, hit);
  return hit;
}

/**
 * The span of a loose match: the core characters of `alt`, in order, mostly found (a longest common
 * subsequence of 70%) inside one short stretch of the text.
 */
function looseMatch(text: string, alt: Alternative): { start: number; end: number } | null {
  const core = alt.core;
  if (core.length < 2) return null;
  // Two content characters (开光) match only as a pair with at most one character between (开过光).
  const need = core.length === 2 ? 2 : Math.max(MIN_CORE, Math.ceil(core.length * COVER));
  const window = core.length === 2 ? 3 : Math.max(alt.folded.length * 2, 8);
  const lcs = new Uint16Array(core.length + 1);
  for (let from = 0; from < text.length; from++) {
    if (text[from] !== core[0] && text[from] !== core[1]) continue;
    // Longest common subsequence of core and text[from, from + window), row by row.
    lcs.fill(0);
    let best = 0;
    let bestEnd = from;
    const stop = Math.min(text.length, from + window);
    for (let i = from; i < stop; i++) {
      let prev = 0;
      for (let j = 1; j <= core.length; j++) {
        const keep = lcs[j];
        lcs[j] = text[i] === core[j - 1] ? prev + 1 : Math.max(lcs[j], lcs[j - 1]);
        prev = keep;
      }
      if (lcs[core.length] > best) { best = lcs[core.length]; bestEnd = i + 1; }
    }
    if (best >= need) return { start: from, end: bestEnd };
  }
  return null;
}

// A host turning the claim down is the lawful thing to do: 有人问能不能治痛经 不能啊, 美白它没有,
// 我不跟你们讲什么保值升值, 不防水的.
const DENIAL_AFTER = /^[^。！？!?]{0,10}?(?:(?:它|这个|我们|咱们|咱)没有|没有这(?:个|种)|不是|不能|不行|不讲|不说|不敢|我们不|别搞混|不代表|不承诺|不保证|不瞒|没这个|做不到|不可以)/;
const QUESTION_BEFORE = /(?:有人问|有[\u4e00-\u9fff]{1,3}问|问我|问一下|问能不能|问是不是|问可不可以|问会不会)[^。！？!?]*$/;
const DENIAL_ANYWHERE = /不能|不是|不行|没有|不可以|不会|不敢|不说|不讲/;
const REFUSE_BEFORE = /(?:不|没|别|非)(?:跟你们?|给你们?|和你们?|对你们?)?(?:讲|说|吹|提|宣传|承诺|保证|敢说|敢讲|喊)?(?:什么|啥|这个|这些)?$/;

function refused(text: string, start: number, end: number): boolean {
  if (DENIAL_AFTER.test(text.slice(end, end + 14))) return true;
  const before = text.slice(Math.max(0, start - 24), start);
  if (QUESTION_BEFORE.test(before) && DENIAL_ANYWHERE.test(text.slice(end))) return true;
  return REFUSE_BEFORE.test(text.slice(Math.max(0, start - 10), start));
}

export function checkForbidden(t: Text, original: string, product: Product): ProductHit[] {
  const hits: ProductHit[] = [];
  for (const { claim, alts } of alternativesOf(product)) {
    let spans: Array<{ start: number; end: number }> = [];
    for (const a of alts) for (const at of occurrences(t.text, a.folded)) spans.push({ start: at, end: at + a.folded.length });
    if (spans.length === 0) {
      for (const a of alts) {
        const m = looseMatch(t.text, a);
        if (m) { spans = [m]; break; }
      }
    }
    for (const { start, end } of spans) {
      if (negated(t, start) || refused(t.text, start, end) || hits.some((h) => h.start < end && start < h.end)) continue;
      hits.push({
        rule: 'product/forbidden-claim',
        category: 'product-mismatch',
        start,
        end,
        zh: `商品信息禁止说「${claim.text}」${claim.reason ? `：${claim.reason}` : ''}，说了 ${said(t, original, start, end)}`,
        en: `The product record forbids saying "${claim.text}"${claim.reason ? ` (${claim.reason})` : ''}`,
      });
    }
  }
  return hits;
}

// Categories an approved claim (one the manager holds evidence for) can make lawful. Never absolute
// terms, medical claims or pressure tactics: no evidence makes 最好 or 治愈 lawful.
const EVIDENCE_CATEGORIES = new Set<Finding['category']>(['unverified-qualification', 'cosmetic-claim', 'health-food-claim']);

/**
 * True when the product record makes a built-in finding lawful: the matched words name only
 * efficacies/functions this product is registered for, or the finding sits inside an approved
 * claim said in the same block. `t` is the block's normalised text, `span` the finding's.
 */
export function lawfulUnderProduct(finding: Finding, product: Product, t: Text, span: { start: number; end: number }): boolean {
  const words = t.text.slice(span.start, span.end);
  if (finding.category === 'cosmetic-claim' && product.category === 'cosmetics' && registrationsOf(product).specialCosmetic) {
    const named = claimsNamed(words, COSMETIC_EFFICACIES);
    if (named.length && named.every((n) => derived(product).cosmeticOk.has(n.entry.id))) return true;
  }
  if (finding.category === 'health-food-claim' && product.category === 'health-food' && registrationsOf(product).healthFood) {
    const named = claimsNamed(words, HEALTH_FUNCTIONS);
    if (named.length && named.every((n) => derived(product).healthOk.has(n.entry.id))) return true;
  }
  if (EVIDENCE_CATEGORIES.has(finding.category)) {
    for (const c of derived(product).approved) {
      for (const at of occurrences(t.text, c)) if (at <= span.start && at + c.length >= span.end) return true;
    }
  }
  return false;
}
