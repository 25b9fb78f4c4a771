import type { CheckContext, CheckerLike, CompileFn, Localized } from './engine-types.ts';
import type { PackSource } from './pack-source.ts';
import { packNamed } from '../../../rules/io/pack-named.ts';
import { modelMessage } from '../../../rules/engine/model/second-opinion.ts';
import { FINDING_CATEGORIES, type FindingCategory } from '../../../rules/engine/taxonomy.ts';
import type { Finding, PackInput, TextBlockInput } from '../../../rules/engine/schema.ts';

// Compiles the enabled packs ONCE and reuses the checker for every message: compiling is the
// expensive step (tens of ms for big packs), checking a chat line is microseconds.
// An MV3 service worker is killed when idle and restarted on the next event; nothing here survives
// that, so compilation is lazy: the first message after a restart pays for it, not the start-up.

/**
 * What checks while the stored packs do not compile: the checker of the last good compile in this
 * worker, the stored packs without the user's overrides, or the packs shipped in the extension.
 */
export type RulesInUse = 'previous' | 'without-overrides' | 'builtin';

export interface HostStatus {
  ready: boolean;
  /** Why the last compile failed (a bad pack): `path: reason`. Checking goes on with `using`. */
  error?: string;
  /** The pack the error is in, by name, so the panel never shows a manager a rule id. */
  errorPack?: Localized;
  using?: RulesInUse;
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
    /** The packs shipped inside the extension: what checks when nothing stored compiles. */
    private readonly shipped: () => PackInput[] = () => [],
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
    let set: Awaited<ReturnType<PackSource['load']>> | undefined;
    try {
      set = await this.source.load();
      const t0 = this.now();
      const checker = this.compile(set.packs, { overrides: set.overrides, allow: set.allow, model: set.model !== false });
      if (target === this.wanted) {
        this.built = target;
        this.install(checker, t0);
        this.status.error = undefined;
        this.status.errorPack = undefined;
        this.status.using = undefined;
      }
      return checker;
    } catch (e) {
      // A bad pack must not take checking down: say why, and check with the best rules that compile.
      this.status.error = e instanceof Error ? e.message : String(e);
      this.status.errorPack = set ? packNamed(set.packs, this.status.error) : undefined;
      console.warn('[livelint] compiling packs failed:', this.status.error);
      if (target !== this.wanted) return this.current;
      this.built = target;
      if (this.current) {
        this.status.using = 'previous';
        return this.current;
      }
      // Right after a worker restart there is no previous checker: without this the panel went
      // silent until the pack was fixed.
      return this.fallback(set);
    } finally {
      if (target === this.wanted) this.pending = null;
    }
  }

  private fallback(set: Awaited<ReturnType<PackSource['load']>> | undefined): CheckerLike | null {
    const model = set?.model !== false;
    const tries: Array<[RulesInUse, () => CheckerLike]> = [];
    if (set && (Object.keys(set.overrides).length > 0 || (set.allow?.length ?? 0) > 0)) {
      tries.push(['without-overrides', () => this.compile(set.packs, { overrides: {}, model })]);
    }
    tries.push(['builtin', () => this.compile(this.shipped(), { overrides: {}, model })]);
    for (const [using, make] of tries) {
      try {
        const t0 = this.now();
        const checker = make();
        this.install(checker, t0);
        this.status.using = using;
        return checker;
      } catch (e) {
        console.warn(`[livelint] fallback (${using}) failed too:`, e instanceof Error ? e.message : e);
      }
    }
    return null;
  }

  private install(checker: CheckerLike, t0: number) {
    this.current = checker;
    this.messages = new Map(checker.rules.map((r) => [r.id, r.message]));
    this.status.ready = true;
    this.status.compileMs = Math.round((this.now() - t0) * 10) / 10;
    this.status.generation++;
  }
}
