import { classifyMessage } from '../../../rules/engine/classify/index.ts';
import type { TextBlock } from '../../../rules/engine/schema.ts';
import type { FindingRow, SessionLosses, SessionRow } from '../../../rules/store/types.ts';
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
  saveLosses(id: number, losses: SessionLosses): Promise<void>;
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
  losses?: SessionLosses;
  /** The tab's skipped-chat count when the session started (the tab counts from its own start). */
  droppedBase?: number;
}

/** Findings waiting to be written are kept up to this many; beyond it the oldest are counted unsaved. */
export const MAX_PENDING = 5000;
/** A batch that failed this many writes in a row is given up on and counted. */
export const MAX_ATTEMPTS = 3;

/** Keys kept in the saved state: the newest ones (older findings have left the tab's feed anyway). */
export const MAX_SAVED_KEYS = 2000;

interface Active {
  id: number;
  /** null: started by hand before any page streamed; the first tab that sends blocks is adopted. */
  tabId: number | null;
  since: number;
  chat: SessionChat;
  chatDirty: boolean;
  losses: SessionLosses;
  lossesDirty: boolean;
  droppedBase: number | null;
}

/** Findings seen up to this long before an automatic start still belong to the session. */
export const AUTO_LOOKBACK_MS = 10_000;

type TabView = Pick<PanelSnapshot, 'site' | 'url' | 'findings'> & Partial<Pick<PanelSnapshot, 'dropped'>> & { tabId: number };

export class SessionRecorder {
  auto = true;
  private active: Active | null = null;
  private starting: Promise<void> | null = null;
  private readonly recorded = new Set<string>();
  private pending: Array<Omit<FindingRow, 'id' | 'sessionId'>> = [];
  /** A tab whose session the host stopped by hand: not restarted automatically. */
  private stoppedTab: number | null = null;
  private writes: Promise<unknown> = Promise.resolve();
  /** Consecutive failed writes of what is pending now. */
  private attempts = 0;

  constructor(
    private readonly store: RecorderStore,
    private readonly now: () => number = Date.now,
    private readonly onError: (e: unknown) => void = (e) => console.warn('[livelint] session recorder:', e),
  ) {}

  /** After a worker restart: continue the session that was running (call before the first change). */
  restore(state: ActiveState | null) {
    if (!state || this.active) return;
    this.active = {
      id: state.id,
      tabId: state.tabId,
      since: state.since,
      chat: structuredClone(state.chat),
      chatDirty: false,
      losses: state.losses ?? { skippedChat: 0, unsaved: 0 },
      lossesDirty: false,
      droppedBase: state.droppedBase ?? null,
    };
    for (const k of state.keys) this.recorded.add(k);
  }

  private state(a: Active): ActiveState {
    return {
      id: a.id,
      tabId: a.tabId,
      since: a.since,
      chat: structuredClone(a.chat),
      keys: [...this.recorded].slice(-MAX_SAVED_KEYS),
      losses: { ...a.losses },
      ...(a.droppedBase !== null ? { droppedBase: a.droppedBase } : {}),
    };
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
    if (view.dropped !== undefined) {
      // The tab counts skipped chat since the page opened; the session counts from its own start.
      if (a.droppedBase === null || view.dropped < a.droppedBase) a.droppedBase = view.dropped - a.losses.skippedChat;
      const skipped = view.dropped - a.droppedBase;
      if (skipped !== a.losses.skippedChat) {
        a.losses.skippedChat = skipped;
        a.lossesDirty = true;
      }
    }
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
        this.attempts = 0;
        this.active = {
          id,
          tabId,
          since: opts.since ?? startedAt,
          chat: { questions: {}, complaints: {} },
          chatDirty: false,
          losses: { skippedChat: 0, unsaved: 0 },
          lossesDirty: false,
          droppedBase: null,
        };
        await this.store.saveActive(this.state(this.active)).catch(this.onError);
      } catch (e) {
        this.onError(e);
      } finally {
        this.starting = null;
      }
    })();
    await this.starting;
  }

  /**
   * Writes queued findings, chat counts and losses in one go (called on a timer: floods write once a
   * second). A failed write is not dropped: its rows go back to the queue for the next flush, and
   * after MAX_ATTEMPTS failures in a row they are given up on and counted as unsaved, a number the
   * report shows (before, one quota error lost the batch without a trace).
   */
  flush(): Promise<unknown> {
    const a = this.active;
    if (!a) return this.writes;
    const batch = this.pending;
    this.pending = [];
    const chat = a.chatDirty ? structuredClone(a.chat) : null;
    a.chatDirty = false;
    const lossesDirty = a.lossesDirty;
    a.lossesDirty = false;
    if (!batch.length && !chat && !lossesDirty) return this.writes;
    this.writes = this.writes.then(async () => {
      try {
        if (batch.length) await this.store.appendFindings(a.id, batch);
        this.attempts = 0;
      } catch (e) {
        this.onError(e);
        this.requeue(a, batch);
      }
      try {
        if (chat) await this.store.saveChat(a.id, chat);
      } catch (e) {
        this.onError(e);
        a.chatDirty = true;
      }
      try {
        if (lossesDirty || a.lossesDirty) {
          await this.store.saveLosses(a.id, { ...a.losses });
          a.lossesDirty = false;
        }
        await this.store.saveActive(this.state(a));
      } catch (e) {
        this.onError(e);
        a.lossesDirty = true;
      }
    });
    return this.writes;
  }

  private requeue(a: Active, batch: Array<Omit<FindingRow, 'id' | 'sessionId'>>) {
    this.attempts++;
    if (this.attempts >= MAX_ATTEMPTS) {
      a.losses.unsaved += batch.length;
      a.lossesDirty = true;
      this.attempts = 0;
      return;
    }
    const queue = [...batch, ...this.pending];
    const over = queue.length - MAX_PENDING;
    if (over > 0) {
      a.losses.unsaved += over;
      a.lossesDirty = true;
    }
    this.pending = over > 0 ? queue.slice(over) : queue;
  }

  /** Losses of the running session (for the panel and tests). */
  get losses(): SessionLosses | null {
    return this.active ? { ...this.active.losses } : null;
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
