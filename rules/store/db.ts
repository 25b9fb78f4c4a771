import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import { SCHEMA_HISTORY } from './schema-history.ts';
import { UPGRADES } from './migrations.ts';
import { gateWithEngine } from './engine-gate.ts';
import { setWriteGate } from './gate.ts';
import type {
  DraftRow,
  FindingRow,
  OverrideRow,
  PackRow,
  ProductRow,
  RuleRow,
  SessionRow,
  SettingRow,
  SitePickRow,
} from './types.ts';

export const DB_NAME = 'livelint';

// The one IndexedDB database of the extension. Only rules/store touches it; everything else goes
// through the functions of this folder so writes stay transactional and errors stay translated.
export class LivelintDb extends Dexie {
  packs!: EntityTable<PackRow, 'id'>;
  rules!: EntityTable<RuleRow, 'id'>;
  overrides!: EntityTable<OverrideRow, 'ruleId'>;
  products!: EntityTable<ProductRow, 'id'>;
  sessions!: EntityTable<SessionRow, 'id'>;
  findings!: EntityTable<FindingRow, 'id'>;
  drafts!: EntityTable<DraftRow, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  sitePicks!: EntityTable<SitePickRow, 'origin'>;

  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    for (const { version, stores } of SCHEMA_HISTORY) {
      const v = this.version(version).stores(stores);
      const upgrade = UPGRADES[version];
      if (upgrade) v.upgrade((tx) => upgrade(tx));
    }
  }
}

let shared: LivelintDb | undefined;

/**
 * The database of this extension context (background, side panel, manager tab). Its writes go
 * through the compile gate (gate.ts); databases made in tests get a gate only when they ask for one.
 */
export function getDb(): LivelintDb {
  if (!shared) {
    shared = new LivelintDb();
    setWriteGate(shared, gateWithEngine);
  }
  return shared;
}
