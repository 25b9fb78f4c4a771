import type { Pack } from '../engine/schema.ts';
import { canonicalJson } from './hash.ts';

// The import preview: what applying a pack would add, change, keep or remove, shown before
// anything is written.

export interface PackDiff {
  packId: string;
  name: Pack['name'];
  /** 'new' when no pack with this id exists yet. */
  status: 'new' | 'update';
  metaChanged: boolean;
  added: string[];
  changed: string[];
  unchanged: string[];
  removed: string[];
}

export function diffPack(incoming: Pack, existing: Pack | undefined): PackDiff {
  const diff: PackDiff = {
    packId: incoming.id,
    name: incoming.name,
    status: existing ? 'update' : 'new',
    metaChanged: false,
    added: [],
    changed: [],
    unchanged: [],
    removed: [],
  };
  const before = new Map((existing?.rules ?? []).map((r) => [r.id!, canonicalJson(r)]));
  for (const rule of incoming.rules) {
    const old = before.get(rule.id!);
    if (old === undefined) diff.added.push(rule.id!);
    else if (old === canonicalJson(rule)) diff.unchanged.push(rule.id!);
    else diff.changed.push(rule.id!);
    before.delete(rule.id!);
  }
  diff.removed = [...before.keys()];
  if (existing) {
    const { rules: _a, ...metaNew } = incoming;
    const { rules: _b, ...metaOld } = existing;
    diff.metaChanged = canonicalJson(metaNew) !== canonicalJson(metaOld);
  }
  return diff;
}

export function isNoop(diff: PackDiff): boolean {
  return diff.status === 'update' && !diff.metaChanged && !diff.added.length && !diff.changed.length && !diff.removed.length;
}
