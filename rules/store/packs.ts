import type { Pack, Rule } from '../engine/schema.ts';
import type { Severity } from '../engine/taxonomy.ts';
import { hashJson } from '../io/hash.ts';
import type { LivelintDb } from './db.ts';
import { guarded, StoreError } from './errors.ts';
import { enforceGate, gateBefore, gateTables } from './gate.ts';
import type { OverrideRow, PackOrigin, PackRow, RuleRow, SubscriptionState } from './types.ts';

// Packs are stored as one row of metadata plus one row per rule, so toggling or editing one rule
// writes one small row, and rule search can use indexes. Every multi-row change runs in a single
// readwrite transaction: a failure anywhere rolls the whole change back.

export const REV_KEY = 'packs-rev';

/** Bumped inside every transaction that changes packs, rules or overrides; PackSource watches it. */
export async function bumpRev(db: LivelintDb): Promise<void> {
  const row = await db.settings.get(REV_KEY);
  await db.settings.put({ key: REV_KEY, value: (typeof row?.value === 'number' ? row.value : 0) + 1 });
}

export function splitPack(pack: Pack): { meta: PackRow['meta']; rules: Rule[] } {
  const { rules, ...meta } = pack;
  return { meta, rules };
}

export function ruleRows(pack: Pack): RuleRow[] {
  return pack.rules.map((rule, order) => ({
    id: rule.id!,
    packId: pack.id,
    order,
    category: rule.category,
    ...(rule.severity ? { severity: rule.severity } : {}),
    rule,
  }));
}

export async function readPack(db: LivelintDb, id: string): Promise<Pack | undefined> {
  const row = await db.packs.get(id);
  if (!row) return undefined;
  const rules = await db.rules.where('packId').equals(id).sortBy('order');
  return { ...row.meta, rules: rules.map((r) => r.rule) };
}

export async function listPacks(db: LivelintDb): Promise<PackRow[]> {
  const rows = await db.packs.toArray();
  const order: Record<PackOrigin, number> = { builtin: 0, subscribed: 1, custom: 2 };
  return rows.sort((a, b) => order[a.origin] - order[b.origin] || a.id.localeCompare(b.id));
}

/**
 * Replaces a pack's metadata and rules (inside the caller's transaction). User state on the pack
 * row (enabled, createdAt, subscription) and every override survive.
 */
export async function writePackRows(
  db: LivelintDb,
  pack: Pack,
  origin: PackOrigin,
  extra: { subscription?: SubscriptionState; enabled?: boolean } = {},
): Promise<void> {
  const now = Date.now();
  const previous = await db.packs.get(pack.id);
  const { meta: incoming } = splitPack(pack);
  // Only a shipped pack, or the shop manager through setPackGlobal, may make a pack's allow list
  // silence the other packs: a file or a subscription saying `global` is not taken at its word.
  const { global: _claimed, ...rest } = incoming;
  const global = origin === 'builtin' ? incoming.global : previous?.meta.global;
  const meta: PackRow['meta'] = global ? { ...rest, global } : rest;
  await db.packs.put({
    id: pack.id,
    origin,
    enabled: extra.enabled ?? previous?.enabled ?? true,
    meta,
    ruleCount: pack.rules.length,
    hash: hashJson(pack),
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    ...(extra.subscription ?? previous?.subscription ? { subscription: extra.subscription ?? previous?.subscription } : {}),
  });
  const rows = ruleRows(pack);
  const keep = new Set(rows.map((r) => r.id));
  const stale = (await db.rules.where('packId').equals(pack.id).primaryKeys()).filter((id) => !keep.has(id));
  await db.rules.bulkDelete(stale);
  // A rule id already owned by another pack would silently move between packs: refuse instead.
  const owners = await db.rules.bulkGet(rows.map((r) => r.id));
  owners.forEach((owner) => {
    if (owner && owner.packId !== pack.id) {
      throw new StoreError('conflict', {
        zh: `规则编号“${owner.id}”已属于规则包“${owner.packId}”`,
        en: `rule id "${owner.id}" already belongs to pack "${owner.packId}"`,
      });
    }
  });
  await db.rules.bulkPut(rows);
}

export function savePack(db: LivelintDb, pack: Pack, origin: PackOrigin): Promise<void> {
  return guarded(() =>
    db.transaction('rw', gateTables(db), async () => {
      const before = await gateBefore(db);
      await writePackRows(db, pack, origin);
      await enforceGate(db, before);
      await bumpRev(db);
    }),
  );
}

export function setPackEnabled(db: LivelintDb, id: string, enabled: boolean): Promise<void> {
  return guarded(() =>
    db.transaction('rw', gateTables(db), async () => {
      // Switching a pack off cannot break the others; switching one on can (its allow list, its variants).
      const before = enabled ? await gateBefore(db) : undefined;
      const n = await db.packs.update(id, { enabled, updatedAt: Date.now() });
      if (!n) throw new StoreError('missing', { zh: `找不到规则包“${id}”`, en: `no pack "${id}"` });
      if (enabled) await enforceGate(db, before);
      await bumpRev(db);
    }),
  );
}

/**
 * Lets a pack's allow list silence every pack's rules (as the shipped packs' do) or only its own.
 * Gated: an allow list that silences another pack's must-flag examples is refused.
 */
export function setPackGlobal(db: LivelintDb, id: string, global: boolean): Promise<void> {
  return guarded(() =>
    db.transaction('rw', gateTables(db), async () => {
      const before = global ? await gateBefore(db) : undefined;
      const row = await db.packs.get(id);
      if (!row) throw new StoreError('missing', { zh: `找不到规则包“${id}”`, en: `no pack "${id}"` });
      const { global: _old, ...meta } = row.meta;
      await db.packs.put({ ...row, meta: global ? { ...meta, global: true } : meta, updatedAt: Date.now() });
      if (global) await enforceGate(db, before);
      await bumpRev(db);
    }),
  );
}

/** Deletes a custom or subscribed pack with its rules and their overrides. Built-in packs can only be disabled. */
export function deletePack(db: LivelintDb, id: string): Promise<void> {
  return guarded(() =>
    db.transaction('rw', [db.packs, db.rules, db.overrides, db.settings], async () => {
      const row = await db.packs.get(id);
      if (!row) return;
      if (row.origin === 'builtin') {
        throw new StoreError('builtin', { zh: '内置规则包不能删除，只能停用', en: 'Built-in packs cannot be deleted, only disabled' });
      }
      const ids = await db.rules.where('packId').equals(id).primaryKeys();
      await db.overrides.bulkDelete(ids);
      await db.rules.bulkDelete(ids);
      await db.packs.delete(id);
      await bumpRev(db);
    }),
  );
}

export type OverridePatch = Partial<Pick<OverrideRow, 'enabled' | 'severity' | 'extraTerms' | 'allow'>>;

/** Merges a user change into a rule's override; `undefined` fields are cleared, missing ones kept. */
export function setOverride(db: LivelintDb, ruleId: string, patch: OverridePatch): Promise<void> {
  return guarded(() =>
    db.transaction('rw', gateTables(db), async () => {
      // Severity and on/off cannot stop a compile; added terms and allow phrases can.
      const compiles = 'extraTerms' in patch || 'allow' in patch;
      const before = compiles ? await gateBefore(db) : undefined;
      if (!(await db.rules.get(ruleId))) {
        throw new StoreError('missing', { zh: `找不到规则“${ruleId}”`, en: `no rule "${ruleId}"` });
      }
      const old = await db.overrides.get(ruleId);
      const next: OverrideRow = { ...old, ...patch, ruleId, updatedAt: Date.now() };
      for (const key of Object.keys(next) as (keyof OverrideRow)[]) if (next[key] === undefined) delete next[key];
      const empty = next.enabled === undefined && !next.severity && !next.extraTerms?.length && !next.allow?.length;
      if (empty) await db.overrides.delete(ruleId);
      else await db.overrides.put(next);
      if (compiles) await enforceGate(db, before);
      await bumpRev(db);
    }),
  );
}

export function setRuleEnabled(db: LivelintDb, ruleId: string, enabled: boolean): Promise<void> {
  // Enabled is the default, so re-enabling clears the field rather than storing `true`.
  return setOverride(db, ruleId, { enabled: enabled ? undefined : false });
}

export function setRuleSeverity(db: LivelintDb, ruleId: string, severity: Severity | undefined): Promise<void> {
  return setOverride(db, ruleId, { severity });
}

/** Saves an edited or new rule of a custom pack (built-in and subscribed rules change through overrides). */
export function saveCustomRule(db: LivelintDb, packId: string, rule: Rule): Promise<void> {
  return guarded(() =>
    db.transaction('rw', gateTables(db), async () => {
      const before = await gateBefore(db);
      const pack = await readPack(db, packId);
      const row = await db.packs.get(packId);
      if (!pack || !row) throw new StoreError('missing', { zh: `找不到规则包“${packId}”`, en: `no pack "${packId}"` });
      if (row.origin !== 'custom') {
        throw new StoreError('readonly', {
          zh: '内置或订阅的规则只能停用、改级别、加词或加放行短语',
          en: 'Built-in and subscribed rules can only be disabled, re-graded, extended or allow-listed',
        });
      }
      const index = pack.rules.findIndex((r) => r.id === rule.id);
      if (index >= 0) pack.rules[index] = rule;
      else pack.rules.push(rule);
      await writePackRows(db, pack, 'custom');
      await enforceGate(db, before);
      await bumpRev(db);
    }),
  );
}

export function deleteCustomRule(db: LivelintDb, packId: string, ruleId: string): Promise<void> {
  return guarded(() =>
    db.transaction('rw', [db.packs, db.rules, db.overrides, db.settings], async () => {
      const pack = await readPack(db, packId);
      const row = await db.packs.get(packId);
      if (!pack || row?.origin !== 'custom') return;
      pack.rules = pack.rules.filter((r) => r.id !== ruleId);
      await writePackRows(db, pack, 'custom');
      await db.overrides.delete(ruleId);
      await bumpRev(db);
    }),
  );
}

/** Settings row of the learned second opinion: true = the shop manager switched it on (off by default). */
export const MODEL_KEY = 'second-opinion';

export interface LoadedPacks {
  packs: Pack[];
  /** The learned second opinion (on unless switched off). */
  model?: boolean;
  overrides: Record<string, { enabled?: boolean; severity?: Severity; extraTerms?: string[]; allow?: string[] }>;
}

/** The enabled packs and all overrides, in the shape the engine's compile() takes. One read transaction. */
export function loadEnabled(db: LivelintDb): Promise<LoadedPacks> {
  return guarded(() =>
    db.transaction('r', db.packs, db.rules, db.overrides, db.settings, async () => {
      const rows = (await listPacks(db)).filter((p) => p.enabled);
      const packs: Pack[] = [];
      for (const row of rows) {
        const rules = await db.rules.where('packId').equals(row.id).sortBy('order');
        packs.push({ ...row.meta, rules: rules.map((r) => r.rule) });
      }
      const overrides: LoadedPacks['overrides'] = {};
      for (const o of await db.overrides.toArray()) {
        const { ruleId, updatedAt: _u, ...rest } = o;
        overrides[ruleId] = rest;
      }
      // On unless the manager switched it off: measured on held writers it adds recall without
      // adding false alarms on ordinary talk (README, 模型第二意见).
      const model = (await db.settings.get(MODEL_KEY))?.value !== false;
      return { packs, overrides, model };
    }),
  );
}

/** Switches the second opinion on or off; bumps the revision so the checker recompiles at once. */
export function setModelEnabled(db: LivelintDb, on: boolean): Promise<void> {
  return guarded(() =>
    db.transaction('rw', db.settings, async () => {
      await db.settings.put({ key: MODEL_KEY, value: on });
      await bumpRev(db);
    }),
  );
}

export async function modelEnabled(db: LivelintDb): Promise<boolean> {
  return (await db.settings.get(MODEL_KEY))?.value !== false;
}
