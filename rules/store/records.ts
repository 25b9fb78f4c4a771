import type { LivelintDb } from './db.ts';
import { guarded } from './errors.ts';
import type { DraftRow, FindingRow, ProductRow, SessionRow, SitePickRow } from './types.ts';

// Small typed reads and writes for the tables other features keep their data in (products, live
// sessions and their findings, script drafts, settings, element-picker choices per site). Every
// write is guarded: failures come back as bilingual StoreErrors, multi-row writes are transactions.

// --- settings ---------------------------------------------------------------------------------
export async function getSetting<T>(db: LivelintDb, key: string, fallback: T): Promise<T> {
  const row = await guarded(() => db.settings.get(key));
  return row ? (row.value as T) : fallback;
}

export function setSetting(db: LivelintDb, key: string, value: unknown): Promise<void> {
  return guarded(async () => {
    await db.settings.put({ key, value });
  });
}

// --- site picks -------------------------------------------------------------------------------
export async function getSitePicks(db: LivelintDb, origin: string): Promise<Record<string, unknown>> {
  return (await guarded(() => db.sitePicks.get(origin)))?.picks ?? {};
}

export function putSitePicks(db: LivelintDb, origin: string, picks: Record<string, unknown>): Promise<void> {
  return guarded(async () => {
    await db.sitePicks.put({ origin, picks, updatedAt: Date.now() } satisfies SitePickRow);
  });
}

export function deleteSitePicks(db: LivelintDb, origin: string): Promise<void> {
  return guarded(() => db.sitePicks.delete(origin));
}

// --- products ---------------------------------------------------------------------------------
export function listProducts(db: LivelintDb): Promise<ProductRow[]> {
  return guarded(() => db.products.orderBy('name').toArray());
}

/** Adds (no id) or replaces (with id) a product; returns its id. */
export function saveProduct(db: LivelintDb, product: Omit<ProductRow, 'updatedAt'>): Promise<number> {
  return guarded(() => db.products.put({ ...product, updatedAt: Date.now() }) as Promise<number>);
}

export function deleteProduct(db: LivelintDb, id: number): Promise<void> {
  return guarded(() => db.products.delete(id));
}

// --- drafts -----------------------------------------------------------------------------------
export function getDraft(db: LivelintDb, id: string): Promise<DraftRow | undefined> {
  return guarded(() => db.drafts.get(id));
}

export function saveDraft(db: LivelintDb, draft: Omit<DraftRow, 'updatedAt'>): Promise<void> {
  return guarded(async () => {
    await db.drafts.put({ ...draft, updatedAt: Date.now() });
  });
}

export function listDrafts(db: LivelintDb): Promise<DraftRow[]> {
  return guarded(() => db.drafts.orderBy('updatedAt').reverse().toArray());
}

export function deleteDraft(db: LivelintDb, id: string): Promise<void> {
  return guarded(() => db.drafts.delete(id));
}

// --- sessions and findings --------------------------------------------------------------------
export function startSession(db: LivelintDb, session: Omit<SessionRow, 'id' | 'startedAt'> & { startedAt?: number }): Promise<number> {
  return guarded(() => db.sessions.add({ ...session, startedAt: session.startedAt ?? Date.now() }) as Promise<number>);
}

export function endSession(db: LivelintDb, id: number, endedAt = Date.now()): Promise<void> {
  return guarded(async () => {
    await db.sessions.update(id, { endedAt });
  });
}

/** Appends a batch of findings to a session: all of the batch or none. */
export function appendFindings(db: LivelintDb, sessionId: number, findings: Omit<FindingRow, 'id' | 'sessionId'>[]): Promise<void> {
  return guarded(() =>
    db.transaction('rw', db.findings, async () => {
      await db.findings.bulkAdd(findings.map((f) => ({ ...f, sessionId })));
    }),
  );
}

export function listSessions(db: LivelintDb): Promise<SessionRow[]> {
  return guarded(() => db.sessions.orderBy('startedAt').reverse().toArray());
}

export function findingsOf(db: LivelintDb, sessionId: number): Promise<FindingRow[]> {
  return guarded(() => db.findings.where('sessionId').equals(sessionId).sortBy('at'));
}

/** Deletes sessions that started before `before` with their findings: what to do when storage is full. */
export function deleteSessionsBefore(db: LivelintDb, before: number): Promise<number> {
  return guarded(() =>
    db.transaction('rw', db.sessions, db.findings, async () => {
      const ids = (await db.sessions.where('startedAt').below(before).primaryKeys()) as number[];
      await db.findings.where('sessionId').anyOf(ids).delete();
      await db.sessions.bulkDelete(ids);
      return ids.length;
    }),
  );
}
