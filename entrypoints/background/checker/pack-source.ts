import type { PackInput } from '../../../rules/engine/schema.ts';
import type { RuleOverride } from './engine-types.ts';

// Where the enabled packs come from. Today: the built-in packs bundled with the extension. The store
// (rules/store, Dexie) plugs in behind the same interface, so the checker host never changes.

export interface PackSet {
  packs: PackInput[];
  overrides: Record<string, RuleOverride>;
  /** User allow-list phrases ('allow in my pack'). */
  allow?: string[];
  /** The learned second opinion (可能涉及…); off unless the shop manager switched it on. */
  model?: boolean;
}

export interface PackSource {
  load(): Promise<PackSet>;
  /** Calls onChange whenever load() would return something different; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
}

/** A source that never changes: the packs shipped inside the extension. */
export function staticPackSource(packs: PackInput[]): PackSource {
  return {
    load: async () => ({ packs, overrides: {} }),
    subscribe: () => () => {},
  };
}
