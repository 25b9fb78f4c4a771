import { COSMETIC_EFFICACIES, HEALTH_FUNCTIONS, claimsNamed, runStart } from './efficacies.ts';
import { derived } from './derived.ts';
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
      if (ok.has(c.entry.id) || negated(t, runStart(named, c))) continue;
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
      if (ok.has(c.entry.id) || negated(t, runStart(named, c))) continue;
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

export function checkForbidden(t: Text, original: string, product: Product): ProductHit[] {
  const hits: ProductHit[] = [];
  for (const f of derived(product).forbidden) {
    const needle = f.folded;
    for (const at of occurrences(t.text, needle)) {
      if (negated(t, at)) continue;
      hits.push({
        rule: 'product/forbidden-claim',
        category: 'product-mismatch',
        start: at,
        end: at + needle.length,
        zh: `商品信息禁止说「${f.text}」${f.reason ? `：${f.reason}` : ''}，说了 ${said(t, original, at, at + needle.length)}`,
        en: `The product record forbids saying "${f.text}"${f.reason ? ` (${f.reason})` : ''}`,
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
