import { verifyPacks } from '../engine/index.ts';
import type { Pack } from '../engine/schema.ts';

// A pack's examples gate its loading (as prh does): imports and subscription updates whose rules
// do not flag their own must-flag texts, or flag their lawful look-alikes, are refused. The store
// takes this as an injected function so its tests can run without the engine.
export function verifyWithEngine(packs: Pack[]): string[] {
  if (packs.length === 0) return [];
  try {
    return verifyPacks(packs).map((f) => `${f.rule} ${f.kind === 'flag' ? '应命中/must flag' : '应放行/must pass'} “${f.text}”: ${f.reason}`);
  } catch (error) {
    // CompileError: a pattern outside the linear-time language, an empty term after normalisation...
    return [(error as Error).message];
  }
}
