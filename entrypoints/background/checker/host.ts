import type { CheckContext, CheckerLike, CompileFn, Localized } from './engine-types.ts';
import type { PackSource } from './pack-source.ts';
import { modelMessage } from '../../../rules/engine/model/second-opinion.ts';
import { FINDING_CATEGORIES, type FindingCategory } from '../../../rules/engine/taxonomy.ts';
import type { Finding, TextBlockInput } from '../../../rules/engine/schema.ts';

// Compiles the enabled packs ONCE and reuses the checker for every message: compiling is the
// expensive step (tens of ms for big packs), checking a chat line is microseconds.
// An MV3 service worker is killed when idle and restarted on the next event; nothing here survives
// that, so compilation is lazy: the first message after a restart pays for it, not the start-up.

export interface HostStatus {
  ready: boolean;
  /** Why the last compile failed (a bad pack): `path: reason`. The previous checker stays in use. */
  error?: string;
  compileMs?: number;
  /** Bumped on every successful compile, so callers can tell "re-check everything" apart. */
  generation: number;
}

export class CheckerHost {
  private current: CheckerLike | null = null;
  private pending: Promise<CheckerLike | null> | null = null;
  /** Bumped whenever the pack source changes; a compile started before it is stale. */
  private wanted = 0;
  private built = -1;
  private listeners = new Set<() => void>();
  private messages = new Map<string, Localized>();
  readonly status: HostStatus = { ready: false, generation: 0 };
  private readonly unsubscribe: () => void;

  constructor(
    private readonly source: PackSource,
    private readonly compile: CompileFn,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.unsubscribe = source.subscribe(() => {
      this.wanted++;
      this.pending = null;
      for (const l of this.listeners) l();
    });
  }

  /** Called after the source changed (packs edited): re-check what is on screen. */
  onInvalidate(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The checker for the current packs, compiling only if the packs changed since the last build. */
  async checker(): Promise<CheckerLike | null> {
    if (this.current && this.built === this.wanted) return this.current;
    this.pending ??= this.build(this.wanted);
    return this.pending;
  }

  async check(blocks: TextBlockInput[], context: CheckContext): Promise<Finding[]> {
    if (blocks.length === 0) return [];
    const checker = await this.checker();
    return checker ? checker.check(blocks, context) : [];
  }

  /** A rule's message in both languages (undefined for a rule no longer loaded). */
  messageOf(ruleId: string): Localized | undefined {
    const m = this.messages.get(ruleId);
    if (m || !ruleId.startsWith('model.')) return m;
    const category = ruleId.slice('model.'.length);
    return (FINDING_CATEGORIES as readonly string[]).includes(category) ? modelMessage(category as FindingCategory) : undefined;
  }

  dispose() {
    this.unsubscribe();
    this.listeners.clear();
  }

  private async build(target: number): Promise<CheckerLike | null> {
    try {
      const set = await this.source.load();
      const t0 = this.now();
      const checker = this.compile(set.packs, { overrides: set.overrides, allow: set.allow, model: set.model !== false });
      if (target === this.wanted) {
        this.current = checker;
        this.messages = new Map(checker.rules.map((r) => [r.id, r.message]));
        this.built = target;
        this.status.ready = true;
        this.status.error = undefined;
        this.status.compileMs = Math.round((this.now() - t0) * 10) / 10;
        this.status.generation++;
      }
      return checker;
    } catch (e) {
      // A bad pack must not take the checker down: keep the last good one and say why.
      this.status.error = e instanceof Error ? e.message : String(e);
      console.warn('[livelint] compiling packs failed, keeping the previous rules:', this.status.error);
      if (target === this.wanted) this.built = target;
      return this.current;
    } finally {
      if (target === this.wanted) this.pending = null;
    }
  }
}
