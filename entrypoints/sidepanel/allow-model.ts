// 'Allow in my pack': the host says a flagged phrase is fine for this shop (a brand name, a
// registered claim). It becomes an allow-list entry on that rule's override in the store; the
// background hears the store change, recompiles and re-checks, and the finding goes away.
// The store (Dexie) is imported on first use, so it costs nothing before the first click.

export async function allowInMyPack(ruleId: string, phrase: string): Promise<void> {
  const [{ getDb }, { setOverride }] = await Promise.all([import('../../rules/store/db.ts'), import('../../rules/store/packs.ts')]);
  const db = getDb();
  const old = (await db.overrides.get(ruleId))?.allow ?? [];
  if (old.includes(phrase)) return;
  await setOverride(db, ruleId, { allow: [...old, phrase] });
}
