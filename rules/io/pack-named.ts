import type { PackInput } from '../engine/schema.ts';

/**
 * The pack a compile error is about (`pack shop: …`, or one of its rule ids), by its display
 * name: the panel names the pack for the shop manager instead of showing a rule id.
 */
export function packNamed(packs: readonly PackInput[], message: string): { zh: string; en: string } | undefined {
  const hit = packs.find((p) => message.includes(`pack ${p.id}`) || p.rules.some((r) => r.id !== undefined && message.includes(r.id)));
  return hit ? { zh: hit.name.zh, en: hit.name.en } : undefined;
}
