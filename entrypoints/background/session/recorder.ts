import { classifyMessage } from '../../../rules/engine/classify/index.ts';
import type { TextBlock } from '../../../rules/engine/schema.ts';
import type { FindingRow, SessionRow } from '../../../rules/store/types.ts';
import type { PanelSnapshot } from '../../../rules/protocol/panel.ts';

// Session recording in the background (wired in ../index.ts, controls.ts): a session is recorded whenever a
// stream page sends blocks, whether a panel is open or not, and the chat's questions and
// complaints are counted per topic. Storage is passed in (RecorderStore, see store.ts) so
// the logic is tested without a browser. Its state is saved after each write, so a worker stopped
// mid-stream resumes the same session.

/** Per-topic counts of chat questions and complaints during one session ('' = no topic). */
export interface SessionChat {
  questions: Record<string, number>;
  complaints: Record<string, number>;
}

export interface RecorderStore {
  startSession(session: Omit<SessionRow, 'id'>): Promise<number>;
  endSession(id: number, endedAt: number): Promise<void>;
  appendFindings(id: number, rows: Omit<FindingRow, 'id' | 'sessionId'>[]): Promise<void>;
  saveChat(id: number, chat: SessionChat): Promise<void>;
  /** Remembers the running session (null: none), so a restarted MV3 worker resumes it. */
  saveActive(state: ActiveState | null): Promise<void>;
}

/** What survives the worker being stopped: enough to keep appending to the same session. */
export interface ActiveState {
  id: number;
  tabId: number | null;
  since: number;
  chat: SessionChat;
  /** Keys of findings already written, so a resumed session does not write them twice. */
  keys: string[];
}

/** Keys kept in the saved state: the newest ones (older findings have left the tab's feed anyway). */
export const MAX_SAVED_KEYS = 2000;

interface Active {
  id: number;
  /** null: started by hand before any page streamed; the first tab that sends blocks is adopted. */
  tabId: number | null;
  since: number;
  chat: SessionChat;
  chatDirty: boolean;
}

/** Findings seen up to this long before an automatic start still belong to the session. */
export const AUTO_LOOKBACK_MS = 10_000;

type TabView = Pick<PanelSnapshot, 'site' | 'url' | 'findings'> & { tabId: number };

export class SessionRecorder {
  auto = true;
  private active: Active | null = null;
  private starting: Promise<void> | null = null;
  private readonly recorded = new Set<string>();
  private pending: Array<Omit<FindingRow, 'id' | 'sessionId'>> = [];
  /** A tab whose session the host stopped by hand: not restarted automatically. */
  private stoppedTab: number | null = null;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: RecorderStore,
    private readonly now: () => number = Date.now,
    private readonly onError: (e: unknown) => void = (e) => console.warn('[livelint] session recorder:', e),
  ) {}

  /** After a worker restart: continue the session that was running (call before the first change). */
  restore(state: ActiveState | null) {
    if (!state || this.active) return;
    this.active = { id: state.id, tabId: state.tabId, since: state.since, chat: structuredClone(state.chat), chatDirty: false };
    for (const k of state.keys) this.recorded.add(k);
  }

  private state(a: Active): ActiveState {
    return { id: a.id, tabId: a.tabId, since: a.since, chat: structuredClone(a.chat), keys: [...this.recorded].slice(-MAX_SAVED_KEYS) };
  }

  get recording(): { id: number; tabId: number | null } | null {
    return this.active && this.active.id >= 0 ? { id: this.active.id, tabId: this.active.tabId } : null;
  }

  /** A tab's findings changed: start automatically on a streaming page, then queue unrecorded findings. */
  async changed(view: TabView): Promise<void> {
    const streaming = !!view.site && view.site !== 'selection';
    if (!this.active && !this.starting && this.auto && streaming && view.tabId !== this.stoppedTab) {
      await this.start(view.tabId, { site: view.site, url: view.url, since: this.now() - AUTO_LOOKBACK_MS });
    } else if (this.starting) await this.starting;
    const a = this.active;
    if (!a) return;
    a.tabId ??= view.tabId;
    if (a.tabId !== view.tabId) return;
    for (const f of view.findings) {
      if (this.recorded.has(f.key) || f.seenAt < a.since) continue;
      this.recorded.add(f.key);
      this.pending.push({ at: f.seenAt, rule: f.rule, category: f.category, severity: f.severity, match: f.match, source: f.source, text: f.sentence });
    }
  }

  /** Chat blocks from a tab: questions and complaints counted per topic into the running session. */
  noteChat(tabId: number, blocks: readonly TextBlock[]) {
    const a = this.active;
    if (!a || a.tabId !== tabId) return;
    for (const b of blocks) {
      if (b.source !== 'chat') continue;
      const { kind, topic } = classifyMessage(b.text);
      const into = kind === 'question' ? a.chat.questions : kind === 'complaint' ? a.chat.complaints : null;
      if (!into) continue;
      into[topic] = (into[topic] ?? 0) + 1;
      a.chatDirty = true;
    }
  }

  async start(tabId: number | null, opts: { site?: string | undefined; url?: string | undefined; since?: number } = {}): Promise<void> {
    if (this.active || this.starting) return;
    const startedAt = this.now();
    this.starting = (async () => {
      try {
        const id = await this.store.startSession({ startedAt, ...(opts.site ? { site: opts.site } : {}), ...(opts.url ? { url: opts.url } : {}) });
        this.recorded.clear();
        this.pending = [];
        this.stoppedTab = null;
        this.active = { id, tabId, since: opts.since ?? startedAt, chat: { questions: {}, complaints: {} }, chatDirty: false };
        await this.store.saveActive(this.state(this.active)).catch(this.onError);
      } catch (e) {
        this.onError(e);
      } finally {
        this.starting = null;
      }
    })();
    await this.starting;
  }

  /** Writes queued findings and chat counts in one go (called on a timer: floods write once a second). */
  flush(): Promise<unknown> {
    const a = this.active;
    if (!a) return this.writes;
    const batch = this.pending;
    this.pending = [];
    const chat = a.chatDirty ? structuredClone(a.chat) : null;
    a.chatDirty = false;
    if (!batch.length && !chat) return this.writes;
    const state = this.state(a);
    this.writes = this.writes
      .then(async () => {
        if (batch.length) await this.store.appendFindings(a.id, batch);
        if (chat) await this.store.saveChat(a.id, chat);
        await this.store.saveActive(state);
      })
      .catch(this.onError);
    return this.writes;
  }

  async stop(): Promise<void> {
    if (this.starting) await this.starting;
    const a = this.active;
    if (!a) return;
    await this.flush();
    this.active = null;
    this.stoppedTab = a.tabId;
    await this.store.endSession(a.id, this.now()).catch(this.onError);
    await this.store.saveActive(null).catch(this.onError);
  }
}
