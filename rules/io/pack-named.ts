import type { PackInput } from '../engine/schema.ts';

/**
 * The pack a compile error is about (`pack shop: …`, or one of its rule ids), by its display
 * name: the panel names the pack for the shop manager instead of showing a rule id.
 */
export function packNamed(packs: readonly PackInput[], message: string): { zh: string; en: string } | undefined {
  // The packs are the ones that failed to compile: any field may be missing or of the wrong type.
  const hit = packs.find((p) => typeof p?.id === 'string' && (message.includes(`pack ${p.id}`) || (Array.isArray(p.rules) && p.rules.some((r) => typeof r?.id === 'string' && message.includes(r.id)))));
  const zh = hit?.name?.zh;
  const en = hit?.name?.en;
  return typeof zh === 'string' ? { zh, en: typeof en === 'string' ? en : zh } : undefined;
}
