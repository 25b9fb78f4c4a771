import { compile, verifyPacks } from '../engine/index.ts';
import type { Pack } from '../engine/schema.ts';
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
  try {
    compile(set.packs, { overrides: set.overrides, model: false });
  } catch (error) {
    const message = (error as Error).message;
    return [{ kind: 'compile', zh: `规则无法编译（${message}）`, en: `the rules do not compile (${message})` }];
  }
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
