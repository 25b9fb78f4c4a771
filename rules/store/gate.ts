import type { LivelintDb } from './db.ts';
import { StoreError } from './errors.ts';
import { loadEnabled, type LoadedPacks } from './packs.ts';

// One gate for every write that changes what the checker compiles (rule editor, import,
// subscription, restore, override, enabling a pack). Inside the write's own transaction it compiles
// everything that would be enabled afterwards, together, and runs all enabled packs' examples. A
// change that does not compile, or that makes another pack's examples fail, rolls back whole with
// a message naming the pack it would break. Before this gate, one allow phrase that normalised to
// nothing was saved and the next worker start had no rules at all (issue 12).

export interface GateProblem {
  /** compile: nothing could be checked; example: a rule no longer does what its examples say. */
  kind: 'compile' | 'example';
  /** The pack the problem shows up in (for an example failure: the rule's pack). */
  packId?: string;
  /** One line a shop manager can act on, zh / en. */
  zh: string;
  en: string;
}

/** Compiles a candidate state; injected (the store itself does not import the engine). */
export type WriteGate = (set: LoadedPacks) => GateProblem[];

const gates = new WeakMap<LivelintDb, WriteGate>();

/** Installs the gate for a database (the extension's shared database gets the engine's). */
export function setWriteGate(db: LivelintDb, gate: WriteGate | undefined): void {
  if (gate) gates.set(db, gate);
  else gates.delete(db);
}

export function writeGateOf(db: LivelintDb): WriteGate | undefined {
  return gates.get(db);
}

/** Tables a gated transaction must include (the gate reads them after the change). */
export function gateTables(db: LivelintDb) {
  return [db.packs, db.rules, db.overrides, db.settings];
}

const key = (p: GateProblem) => `${p.kind}|${p.packId ?? ''}|${p.en}`;

/**
 * Call inside a readwrite transaction over `gateTables(db)`, after the change, with the state read
 * before it. Throws (rolling the change back) when the change adds a problem. Example failures the
 * database already had before the change are not this change's fault and do not block it: a user
 * must always be able to save the edit that repairs them.
 */
export async function enforceGate(db: LivelintDb, before: LoadedPacks | undefined, options: { compileOnly?: boolean } = {}): Promise<void> {
  const gate = writeGateOf(db);
  if (!gate) return;
  const problems = gate(await loadEnabled(db)).filter((p) => !options.compileOnly || p.kind === 'compile');
  if (problems.length === 0) return;
  const old = before ? new Set(gate(before).map(key)) : new Set<string>();
  const fresh = problems.filter((p) => p.kind === 'compile' || !old.has(key(p)));
  if (fresh.length === 0) return;
  const shown = fresh.slice(0, 3);
  const more = fresh.length > shown.length ? fresh.length - shown.length : 0;
  throw new StoreError('gate', {
    zh: `未保存，规则没有改动：${shown.map((p) => p.zh).join('；')}${more ? `；另有 ${more} 处` : ''}`,
    en: `Not saved, rules unchanged: ${shown.map((p) => p.en).join('; ')}${more ? `; ${more} more` : ''}`,
  });
}

/** Reads the state a gated change starts from (only when a gate is installed: it costs a read). */
export async function gateBefore(db: LivelintDb): Promise<LoadedPacks | undefined> {
  return writeGateOf(db) ? loadEnabled(db) : undefined;
}
