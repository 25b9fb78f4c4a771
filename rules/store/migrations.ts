import type { Transaction } from 'dexie';

// Data upgrades keyed by the schema version that needs them (see schema-history.ts).
// Each upgrade is written as a pure row function per table, so the same code upgrades a live
// database (Dexie's upgrade below) and an older backup file being restored (backup.ts).
// Version 1 is the first schema: nothing to upgrade yet.
export const ROW_UPGRADES: Record<number, Record<string, (row: any) => any>> = {};

export const UPGRADES: Record<number, (tx: Transaction) => Promise<void>> = Object.fromEntries(
  Object.entries(ROW_UPGRADES).map(([version, tables]) => [
    version,
    async (tx: Transaction) => {
      for (const [name, up] of Object.entries(tables)) {
        await tx
          .table(name)
          .toCollection()
          .modify((row, ref) => {
            ref.value = up(row);
          });
      }
    },
  ]),
);
