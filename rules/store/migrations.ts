import type { Transaction } from 'dexie';

// Data upgrades keyed by the schema version that needs them (see schema-history.ts).
// Version 1 is the first schema: nothing to upgrade.
export const UPGRADES: Record<number, (tx: Transaction) => Promise<void> | void> = {};
