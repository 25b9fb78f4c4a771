import { computed, signal } from '@preact/signals';
import { compile, type Checker } from '../../rules/engine/index.ts';
import { checklist as productChecklist, productSchema, type Product } from '../../rules/engine/product/index.ts';
import type { ProductCategory } from '../../rules/engine/taxonomy.ts';
import { shipped, storePackSource } from '../../rules/store/background.ts';
import { packNamed } from '../../rules/io/pack-named.ts';
import { getDb } from '../../rules/store/db.ts';
import { getSetting, listDrafts, listProducts, saveDraft, setSetting } from '../../rules/store/records.ts';
import type { RehearsalFinding } from '../../components/rehearsal/FindingList.tsx';
import type { DraftVersion } from '../../components/rehearsal/History.tsx';
import { applyAllSafe, applySuggestion } from '../../components/rehearsal/rewrite.ts';
import { diffSentences, type DiffOp } from '../../components/rehearsal/diff.ts';
import { download, exportMarkdown, exportText } from '../../components/rehearsal/export.ts';
import { tr } from '../../components/rehearsal/messages.ts';
import type { Locale } from '../../components/i18n.ts';
import { requestPageScript } from './page-script.ts';

// State of the rehearsal editor. The packs are compiled ONCE in this page (the engine is pure and
// a script check takes a few ms), so highlights follow typing without a round trip to the worker.
// The working text autosaves to the drafts table; "save version" adds a history row beside it.

export const DEBOUNCE_MS = 150;
const CURRENT_ID = 'rehearsal:current';
const VERSION_PREFIX = 'rehearsal@';
const PACE_KEY = 'rehearsal:pace';
const BLOCK_ID = 'rehearsal';

export const text = signal('');
export const findings = signal<RehearsalFinding[]>([]);
export const engine = signal<{ ready: boolean; error?: string; using?: 'previous' | 'without-overrides' | 'builtin'; pack?: { zh: string; en: string } }>({ ready: false });
export const pace = signal(240);
export const category = signal<ProductCategory | null>(null);
export const productId = signal<number | null>(null);
export const products = signal<Array<{ id: number; name: string; product: Product | null }>>([]);
export const versions = signal<DraftVersion[]>([]);
export const diff = signal<{ version: DraftVersion; ops: DiffOp[] } | null>(null);
/** A message rendered in the current language (the host may switch language while it shows). */
export const notice = signal<((locale: Locale) => string) | null>(null);
export const select = signal<{ start: number; end: number; nonce: number } | undefined>(undefined);
/** ms the last check took (engine only), for the E2E latency report. */
export const lastCheckMs = signal(0);

let checker: Checker | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let started = false;

const product = computed<Product | null>(() => {
  const chosen = products.value.find((p) => p.id === productId.value)?.product;
  if (chosen) return chosen;
  // A category alone still has legal disclosures (保健食品 must say 本品不能代替药物).
  return category.value ? productSchema.parse({ name: '-', category: category.value }) : null;
});

export const checklist = computed(() => (product.value ? productChecklist(product.value, [text.value]) : null));

function runCheck() {
  if (!checker) return;
  const t0 = performance.now();
  const p = product.value;
  const raw = checker.check([{ id: BLOCK_ID, text: text.value, source: 'script' }], {
    ...(category.value ? { productCategory: category.value } : {}),
    ...(p && productId.value !== null ? { product: p } : {}),
  });
  const meta = new Map(checker.rules.map((r) => [r.id, r]));
  findings.value = raw
    .map((f) => ({
      key: `${f.rule}@${f.start}-${f.end}`,
      rule: f.rule,
      category: f.category,
      severity: f.severity,
      message: meta.get(f.rule)?.message ?? { zh: f.message, en: f.message },
      basis: f.basis,
      suggestions: f.suggestions,
      match: f.match,
      start: f.start,
      end: f.end,
    }))
    .sort((a, b) => a.start - b.start);
  lastCheckMs.value = performance.now() - t0;
  performance.mark('livelint:rehearsal-checked');
}

function scheduleCheck(delay = DEBOUNCE_MS) {
  clearTimeout(timer);
  timer = setTimeout(runCheck, delay);
}

function scheduleAutosave() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => void flushDraft(), 800);
}

/**
 * Writes the working text now (pending autosave or not): before the full tab opens, so it starts
 * from the words just typed, not from the draft of 800 ms ago.
 */
export async function flushDraft(): Promise<void> {
  clearTimeout(saveTimer);
  saveTimer = undefined;
  await saveDraft(getDb(), { id: CURRENT_ID, text: text.value }).catch(() => {});
}

export function setText(next: string) {
  text.value = next;
  notice.value = null;
  scheduleCheck();
  scheduleAutosave();
}

/** A programmatic edit (rewrite, restore): checked at once, no debounce. */
function replaceText(next: string) {
  text.value = next;
  clearTimeout(timer);
  runCheck();
  scheduleAutosave();
}

async function compileFromStore() {
  const source = storePackSource(getDb());
  const build = async () => {
    let set: Awaited<ReturnType<typeof source.load>> | undefined;
    try {
      set = await source.load();
      checker = compile(set.packs, { overrides: set.overrides, model: set.model !== false, ...('allow' in set ? { allow: (set as { allow?: string[] }).allow } : {}) });
      engine.value = { ready: true };
      runCheck();
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      // The editor keeps checking: with the rules it had, or (first open) with the shipped packs.
      let using: 'previous' | 'builtin' | undefined = checker ? 'previous' : undefined;
      if (!checker) {
        try {
          checker = compile(shipped, { model: false });
          using = 'builtin';
          runCheck();
        } catch {
          /* nothing compiles: the notice says so */
        }
      }
      const pack = set ? packNamed(set.packs, error) : undefined;
      engine.value = { ready: checker !== null, error, ...(using ? { using } : {}), ...(pack ? { pack } : {}) };
    }
  };
  source.subscribe(() => void build());
  await build();
}

async function loadVersions() {
  const rows = await listDrafts(getDb());
  versions.value = rows
    .filter((r) => r.id.startsWith(VERSION_PREFIX))
    .map((r) => ({ id: r.id, text: r.text, savedAt: r.updatedAt }))
    .slice(0, 30);
}

async function loadProducts() {
  const rows = await listProducts(getDb());
  products.value = rows
    .filter((r) => r.id !== undefined)
    .map((r) => {
      const parsed = productSchema.safeParse({ ...(r.facts ?? {}), name: r.name, category: r.category });
      return { id: r.id!, name: r.name, product: parsed.success ? parsed.data : null };
    });
}

/** Loads once per page: packs, the working draft, history, pace, products. */
export function startRehearsal() {
  if (started) return;
  started = true;
  const db = getDb();
  void compileFromStore();
  void getDraft();
  void getSetting<number>(db, PACE_KEY, 240).then((v) => (pace.value = v)).catch(() => {});
  void loadVersions().catch(() => {});
  void loadProducts().catch(() => {});
  async function getDraft() {
    try {
      const row = await db.drafts.get(CURRENT_ID);
      if (row && !text.value) replaceText(row.text);
    } catch {
      // no draft yet or store unavailable: start empty
    }
  }
}

export function applyOne(f: RehearsalFinding, suggestion: string, locale: Locale) {
  // The finding must still describe the text (it is re-checked on every edit, but be sure).
  if (text.value.slice(f.start, f.end) !== f.match) return runCheck();
  replaceText(applySuggestion(text.value, f, suggestion));
  notice.value = (l) => tr(l, 'applied', { n: 1 });
}

export function applyAll(locale: Locale) {
  runCheck();
  const out = applyAllSafe(text.value, findings.value);
  replaceText(out.text);
  const n = out.applied;
  notice.value = (l) => tr(l, 'applied', { n });
}

export function jumpTo(f: RehearsalFinding) {
  select.value = { start: f.start, end: f.end, nonce: (select.value?.nonce ?? 0) + 1 };
}

export function setPace(v: number) {
  pace.value = v;
  void setSetting(getDb(), PACE_KEY, v).catch(() => {});
}

export function setCategory(c: ProductCategory | null) {
  category.value = c;
  runCheck();
}

export function setProduct(id: number | null) {
  productId.value = id;
  const p = products.value.find((x) => x.id === id)?.product;
  if (p) category.value = p.category;
  runCheck();
}

export async function saveVersion(locale: Locale) {
  try {
    await saveDraft(getDb(), { id: `${VERSION_PREFIX}${Date.now()}`, text: text.value });
    await loadVersions();
    notice.value = (l) => tr(l, 'saved');
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    notice.value = (l) => tr(l, 'storeError', { error });
  }
}

export function restore(v: DraftVersion) {
  diff.value = null;
  replaceText(v.text);
}

export function showDiff(v: DraftVersion) {
  diff.value = { version: v, ops: diffSentences(v.text, text.value) };
}

export const closeDiff = () => (diff.value = null);

export function exportAs(kind: 'text' | 'markdown', locale: Locale) {
  runCheck();
  const list = findings.value.map((f) => ({ ...f, message: f.message[locale] }));
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
  if (kind === 'text') download(`livelint-script-${stamp}.txt`, exportText(text.value, list, locale, pace.value), 'text/plain;charset=utf-8');
  else download(`livelint-script-${stamp}.md`, exportMarkdown(text.value, list, locale, pace.value), 'text/markdown;charset=utf-8');
}

/**
 * Fills the editor with the script read from the page being checked. The host's own text is not
 * lost: if it differs, it is saved as a history version first.
 */
export async function importFromPage(windowId?: number, ask: (windowId?: number) => Promise<string[]> = requestPageScript) {
  let blocks: string[];
  try {
    blocks = await ask(windowId);
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    notice.value = (l) => tr(l, 'pullError', { error });
    return;
  }
  const n = blocks.length;
  if (n === 0) {
    notice.value = (l) => tr(l, 'pullNone');
    return;
  }
  const next = blocks.join('\n');
  const kept = text.value.trim() !== '' && text.value !== next;
  if (kept) {
    try {
      await saveDraft(getDb(), { id: `${VERSION_PREFIX}${Date.now()}`, text: text.value });
      await loadVersions();
    } catch (e) {
      // Keep the host's text rather than overwrite it unsaved.
      const error = e instanceof Error ? e.message : String(e);
      notice.value = (l) => tr(l, 'storeError', { error });
      return;
    }
  }
  replaceText(next);
  notice.value = (l) => tr(l, kept ? 'pullKept' : 'pullDone', { n });
}
