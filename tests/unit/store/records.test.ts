import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LivelintDb } from '../../../rules/store/db.ts';
import {
  appendFindings,
  deleteSessionsBefore,
  findingsOf,
  getDraft,
  getSetting,
  getSitePicks,
  listDrafts,
  listProducts,
  listSessions,
  putSitePicks,
  saveDraft,
  saveProduct,
  setSetting,
  startSession,
} from '../../../rules/store/records.ts';
import { StoreError } from '../../../rules/store/errors.ts';
import { dropDb, freshDb } from './helpers.ts';

let db: LivelintDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

const finding = (at: number, rule = 'core/cure') => ({ at, rule, category: 'medical-claim' as const, severity: 'error' as const, match: '根治' });

describe('records', () => {
  it('settings fall back until set', async () => {
    expect(await getSetting(db, 'locale', 'zh')).toBe('zh');
    await setSetting(db, 'locale', 'en');
    expect(await getSetting(db, 'locale', 'zh')).toBe('en');
  });

  it('site picks per origin', async () => {
    await putSitePicks(db, 'https://a.example', { script: { selector: '#s' } });
    expect(await getSitePicks(db, 'https://a.example')).toEqual({ script: { selector: '#s' } });
    expect(await getSitePicks(db, 'https://b.example')).toEqual({});
  });

  it('products and drafts', async () => {
    const id = await saveProduct(db, { name: '面霜', category: 'cosmetics' });
    await saveProduct(db, { id, name: '面霜 2', category: 'cosmetics' });
    expect((await listProducts(db)).map((p) => p.name)).toEqual(['面霜 2']);
    await saveDraft(db, { id: 'a', text: '一' });
    await saveDraft(db, { id: 'b', text: '二' });
    expect((await getDraft(db, 'a'))?.text).toBe('一');
    expect((await listDrafts(db)).length).toBe(2);
  });

  it('findings append per session, in order, and old sessions can be pruned with their findings', async () => {
    const old = await startSession(db, { site: 'demo', startedAt: 100 });
    const now = await startSession(db, { site: 'demo', startedAt: 200 });
    await appendFindings(db, old, [finding(1)]);
    await appendFindings(db, now, [finding(3), finding(2)]);
    expect((await findingsOf(db, now)).map((f) => f.at)).toEqual([2, 3]);
    expect(await deleteSessionsBefore(db, 150)).toBe(1);
    expect((await listSessions(db)).map((s) => s.id)).toEqual([now]);
    expect(await findingsOf(db, old)).toEqual([]);
    expect(await findingsOf(db, now)).toHaveLength(2);
  });

  it('a failing batch of findings writes none of them', async () => {
    const s = await startSession(db, {});
    const fail = (_k: unknown, row: { at: number }) => {
      if (row.at === 2) throw new DOMException('full', 'QuotaExceededError');
    };
    db.findings.hook('creating', fail);
    const error = await appendFindings(db, s, [finding(1), finding(2)]).catch((e) => e);
    db.findings.hook('creating').unsubscribe(fail);
    expect(error).toBeInstanceOf(StoreError);
    expect(error.code).toBe('quota');
    expect(await findingsOf(db, s)).toEqual([]);
  });
});
