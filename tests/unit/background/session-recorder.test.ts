import { describe, expect, it } from 'vitest';
import { SessionRecorder, type ActiveState, type RecorderStore, type SessionChat } from '../../../entrypoints/background/session/recorder.ts';
import type { LiveFinding } from '../../../rules/protocol/panel.ts';
import type { SessionLosses } from '../../../rules/store/types.ts';

// An in-memory store with the recorder's storage interface, so the test sees exactly what is written.
function memoryStore() {
  const sessions = new Map<number, { startedAt: number; endedAt?: number; site?: string; chat?: SessionChat; losses?: SessionLosses; rows: unknown[] }>();
  /** Set to make the next N appendFindings calls fail (a quota error). */
  const fail = { appends: 0 };
  let next = 1;
  const saved: { state: ActiveState | null } = { state: null };
  const store: RecorderStore = {
    async startSession(s) {
      sessions.set(next, { ...s, rows: [] });
      return next++;
    },
    async endSession(id, endedAt) {
      sessions.get(id)!.endedAt = endedAt;
    },
    async appendFindings(id, rows) {
      if (fail.appends > 0) {
        fail.appends--;
        throw new DOMException('quota', 'QuotaExceededError');
      }
      sessions.get(id)!.rows.push(...rows);
    },
    async saveLosses(id, losses) {
      sessions.get(id)!.losses = losses;
    },
    async saveChat(id, chat) {
      sessions.get(id)!.chat = chat;
    },
    async saveActive(state) {
      saved.state = state;
    },
  };
  return { store, sessions, saved, fail };
}

const finding = (key: string, seenAt: number): LiveFinding => ({
  key, rule: 'ad-law-core/lowest-price', category: 'false-price', severity: 'error', message: { zh: 'm', en: 'm' },
  basis: 'b', suggestions: [], match: '全网最低价', block: 'script:0:a', source: 'script', sentence: '全网最低价', hlStart: 0, hlEnd: 5, seenAt,
});

describe('SessionRecorder', () => {
  it('starts by itself on a streaming page and records each finding once, without any panel', async () => {
    const { store, sessions } = memoryStore();
    let t = 100_000;
    const r = new SessionRecorder(store, () => t);
    await r.changed({ tabId: 5, site: 'demo', url: 'http://x/', findings: [finding('a', t - 1000)] });
    expect(r.recording).toEqual({ id: 1, tabId: 5 });
    // The same finding again, an old one (before the look-back), and one from another tab.
    await r.changed({ tabId: 5, site: 'demo', findings: [finding('a', t - 1000), finding('old', t - 60_000), finding('b', t)] });
    await r.changed({ tabId: 6, site: 'demo', findings: [finding('c', t)] });
    await r.flush();
    expect(sessions.get(1)!.rows).toHaveLength(2);
    t += 5000;
    await r.stop();
    expect(sessions.get(1)!.endedAt).toBe(t);
    // Stopped by hand: the same tab does not restart it, another streaming tab does.
    await r.changed({ tabId: 5, site: 'demo', findings: [finding('d', t)] });
    expect(r.recording).toBeNull();
    await r.changed({ tabId: 6, site: 'demo', findings: [] });
    expect(r.recording?.id).toBe(2);
  });

  it('does not start for a checked selection or with auto off; a manual start still works', async () => {
    const { store } = memoryStore();
    const r = new SessionRecorder(store);
    await r.changed({ tabId: 1, site: 'selection', findings: [] });
    expect(r.recording).toBeNull();
    r.auto = false;
    await r.changed({ tabId: 1, site: 'demo', findings: [] });
    expect(r.recording).toBeNull();
    await r.start(1, { site: 'demo' });
    expect(r.recording?.tabId).toBe(1);
  });

  it('counts chat questions and complaints by topic into the session', async () => {
    const { store, sessions } = memoryStore();
    const r = new SessionRecorder(store);
    const chat = (text: string, i: number) => ({ id: `chat:${i}`, text, source: 'chat' as const });
    r.noteChat(3, [chat('能不能便宜点', 0)]); // no session yet: not counted
    await r.start(3, { site: 'demo' });
    r.noteChat(3, [chat('能不能便宜点', 1), chat('会不会起球', 2), chat('穿了一次就起球了', 3), chat('哈哈哈', 4)]);
    r.noteChat(4, [chat('能不能便宜点', 5)]); // another tab
    r.noteChat(3, [{ id: 'script:0:a', text: '能不能便宜点', source: 'script' }]); // not chat
    await r.flush();
    expect(sessions.get(1)!.chat).toEqual({ questions: { 价格: 1, 材质: 1 }, complaints: { 材质: 1 } });
  });

  it('a store failure is reported, not thrown, and nothing starts half-way', async () => {
    const errors: unknown[] = [];
    const { store } = memoryStore();
    const broken: RecorderStore = { ...store, startSession: () => Promise.reject(new Error('quota')) };
    const r = new SessionRecorder(broken, Date.now, (e) => errors.push(e));
    await r.changed({ tabId: 1, site: 'demo', findings: [] });
    expect(r.recording).toBeNull();
    expect(String(errors[0])).toMatch(/quota/);
  });

  it('a restarted worker resumes the saved session without writing a finding twice', async () => {
    const { store, sessions, saved } = memoryStore();
    const t = 100_000;
    const first = new SessionRecorder(store, () => t);
    await first.start(9, { site: 'demo', since: t - 5000 });
    await first.changed({ tabId: 9, site: 'demo', findings: [finding('a', t)] });
    first.noteChat(9, [{ id: 'chat:1', text: '能不能便宜点', source: 'chat' }]);
    await first.flush();
    expect(saved.state).toMatchObject({ id: 1, tabId: 9, keys: ['a'] });
    // The worker stops; a new one restores the saved state and sees the same finding again plus a new one.
    const second = new SessionRecorder(store, () => t + 1000);
    second.restore(structuredClone(saved.state));
    await second.changed({ tabId: 9, site: 'demo', findings: [finding('a', t), finding('b', t + 500)] });
    second.noteChat(9, [{ id: 'chat:2', text: '能不能便宜点', source: 'chat' }]);
    await second.flush();
    expect(sessions.size).toBe(1);
    expect(sessions.get(1)!.rows).toHaveLength(2);
    expect(sessions.get(1)!.chat?.questions).toEqual({ 价格: 2 });
    await second.stop();
    expect(saved.state).toBeNull();
  });

  it('a session started by hand before any page streamed adopts the first tab that sends', async () => {
    const { store, sessions } = memoryStore();
    const r = new SessionRecorder(store, () => 1000);
    r.auto = false;
    await r.start(null);
    expect(r.recording).toEqual({ id: 1, tabId: null });
    await r.changed({ tabId: 4, site: 'demo', findings: [finding('a', 1000)] });
    await r.changed({ tabId: 5, site: 'demo', findings: [finding('b', 1000)] });
    await r.flush();
    expect(r.recording?.tabId).toBe(4);
    expect(sessions.get(1)!.rows).toHaveLength(1);
  });

  it('a failed write is retried, not lost; rows that fail every retry are counted and saved with the session', async () => {
    const { store, sessions, fail } = memoryStore();
    const t = 100_000;
    const errors: unknown[] = [];
    const r = new SessionRecorder(store, () => t, (e) => errors.push(e));
    await r.changed({ tabId: 5, site: 'demo', findings: [finding('a', t), finding('b', t), finding('c', t), finding('d', t)] });
    fail.appends = 1;
    await r.flush();
    expect(sessions.get(1)!.rows).toHaveLength(0);
    await r.flush();
    // All four arrived on the retry (one quota error used to lose three of four for good).
    expect(sessions.get(1)!.rows).toHaveLength(4);
    expect(errors).toHaveLength(1);

    await r.changed({ tabId: 5, site: 'demo', findings: [finding('e', t), finding('f', t)] });
    fail.appends = 3;
    await r.flush();
    await r.flush();
    await r.flush();
    expect(sessions.get(1)!.rows).toHaveLength(4);
    expect(r.losses).toEqual({ skippedChat: 0, unsaved: 2 });
    await r.flush();
    expect(sessions.get(1)!.losses).toEqual({ skippedChat: 0, unsaved: 2 });
  });

  it("counts the chat a flood made the page skip during the session, not before it", async () => {
    const { store, sessions } = memoryStore();
    const t = 100_000;
    const r = new SessionRecorder(store, () => t);
    await r.changed({ tabId: 5, site: 'demo', findings: [], dropped: 40 });
    await r.changed({ tabId: 5, site: 'demo', findings: [], dropped: 340 });
    await r.flush();
    expect(sessions.get(1)!.losses).toEqual({ skippedChat: 300, unsaved: 0 });
  });
});
