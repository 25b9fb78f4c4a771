// Every Dexie schema this database has ever had, oldest first. Never edit a released entry:
// add a new one (with an upgrade in migrations.ts) and a fixture under tests/fixtures/store/.
// Tests open a database written with each old entry and check the current code reads it intact.

export type StoreSpec = Record<string, string | null>;

export const SCHEMA_HISTORY: { version: number; stores: StoreSpec }[] = [
  {
    version: 1,
    stores: {
      packs: 'id, origin',
      rules: 'id, packId, category, severity',
      overrides: 'ruleId',
      products: '++id, name, category',
      sessions: '++id, startedAt',
      findings: '++id, sessionId, rule, at',
      drafts: 'id, updatedAt',
      settings: 'key',
      sitePicks: 'origin',
    },
  },
];

export const CURRENT_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1].version;
