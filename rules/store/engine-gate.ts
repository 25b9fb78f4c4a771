import { compile, verifyPacks, type Checker } from '../engine/index.ts';
import { BUDGET_LINES } from './budget-corpus.ts';
import { rulePhrases, type Pack } from '../engine/schema.ts';
import type { GateProblem } from './gate.ts';
import type { LoadedPacks } from './packs.ts';

// A pack's examples gate its loading (as prh does): imports and subscription updates whose rules
// do not flag their own must-flag texts, or flag their lawful look-alikes, are refused. The store
// takes these as injected functions so its tests can run without the engine.
export function verifyWithEngine(packs: Pack[]): string[] {
  if (packs.length === 0) return [];
  try {
    return verifyPacks(packs).map((f) => `${f.rule} ${f.kind === 'flag' ? '应命中/must flag' : '应放行/must pass'} “${f.text}”: ${f.reason}`);
  } catch (error) {
    // CompileError: a pattern outside the linear-time language, an empty term after normalisation...
    return [(error as Error).message];
  }
}

// A work budget for everything enabled together (issue 12): a pack of 10,000 patterns keyed on 的
// passed the examples, then took 4.6 s on a 120-character line. Refused here, with a reason, instead.
/** Rules and phrases over all enabled packs; the built-ins hold ~100 rules and ~4,300 phrases. */
export const MAX_RULES = 5_000;
export const MAX_PHRASES = 100_000;
/** Checking ordinary talk may take this long per 1,000 characters (the built-ins take ~1-2 ms). */
export const MAX_MS_PER_1000 = 250;
/** Findings per 1,000 characters of ordinary, lawful talk above which a pack fires on everything. */
export const MAX_FINDINGS_PER_1000 = 15;

function sizeProblem(packs: readonly Pack[]): GateProblem | null {
  let rules = 0;
  let phrases = 0;
  for (const p of packs) {
    rules += p.rules.length;
    phrases += p.allow.length;
    for (const r of p.rules) phrases += rulePhrases(r).length + (r.exceptions?.length ?? 0);
  }
  if (rules > MAX_RULES || phrases > MAX_PHRASES) {
    return {
      kind: 'compile',
      zh: `规则过多（共 ${rules} 条规则、${phrases} 个词句；上限 ${MAX_RULES} 条、${MAX_PHRASES} 个），检查会变慢甚至卡住`,
      en: `too many rules (${rules} rules, ${phrases} phrases; at most ${MAX_RULES} and ${MAX_PHRASES}): checking would slow down or stall`,
    };
  }
  return null;
}

const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Times the compiled set on ordinary talk, shortest line first, and stops as soon as it is over budget. */
function workProblem(checker: Checker): GateProblem | null {
  let chars = 0;
  let ms = 0;
  let findings = 0;
  for (const [i, text] of BUDGET_LINES.entries()) {
    const t0 = clock();
    findings += checker.check([{ id: `budget-${i}`, text }], { model: false }).length;
    ms += clock() - t0;
    chars += text.length;
    if (ms > MAX_MS_PER_1000 * Math.max(1, chars / 1000)) {
      const per = Math.round((ms / chars) * 1000);
      return {
        kind: 'compile',
        zh: `规则太慢：普通话术每 1000 字要 ${per} 毫秒（上限 ${MAX_MS_PER_1000}），直播时会卡住`,
        en: `the rules are too slow: ${per} ms per 1,000 characters of ordinary talk (at most ${MAX_MS_PER_1000}); live checking would stall`,
      };
    }
  }
  const per = (findings / chars) * 1000;
  if (per > MAX_FINDINGS_PER_1000) {
    return {
      kind: 'compile',
      zh: `规则在普通话术上命中过多（每 1000 字 ${Math.round(per)} 条，上限 ${MAX_FINDINGS_PER_1000}），多半是词太短或太常见`,
      en: `the rules fire on ordinary talk (${Math.round(per)} findings per 1,000 characters, at most ${MAX_FINDINGS_PER_1000}): a term is probably too short or too common`,
    };
  }
  return null;
}

function packName(packs: readonly Pack[], id: string | undefined): { zh: string; en: string } {
  const p = packs.find((x) => x.id === id);
  return { zh: p?.name.zh ?? id ?? '', en: p?.name.en ?? id ?? '' };
}

/**
 * The write gate (rules/store/gate.ts): everything enabled, compiled together with the user's
 * overrides as the checker will compile it, then every enabled pack's examples run on the packs
 * compiled together, so a pack that weakens another (its allow list, its variants) is caught.
 */
export function gateWithEngine(set: LoadedPacks): GateProblem[] {
  if (set.packs.length === 0) return [];
  const size = sizeProblem(set.packs);
  if (size) return [size];
  let checker: Checker;
  try {
    checker = compile(set.packs, { overrides: set.overrides, model: false });
  } catch (error) {
    const message = (error as Error).message;
    return [{ kind: 'compile', zh: `规则无法编译（${message}）`, en: `the rules do not compile (${message})` }];
  }
  const work = workProblem(checker);
  if (work) return [work];
  const ruleToPack = new Map<string, string>();
  for (const p of set.packs) p.rules.forEach((r, i) => ruleToPack.set(r.id ?? `${p.id}/${i + 1}`, p.id));
  return verifyPacks(set.packs).map((f) => {
    const packId = ruleToPack.get(f.rule);
    const name = packName(set.packs, packId);
    const what = f.kind === 'flag' ? { zh: '不再命中', en: 'no longer flags' } : { zh: '误报了', en: 'now flags' };
    return {
      kind: 'example',
      packId,
      zh: `规则包“${name.zh}”的例句“${f.text}”${what.zh}`,
      en: `pack "${name.en}": its example "${f.text}" ${what.en}`,
    };
  });
}
