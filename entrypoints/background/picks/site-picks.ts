import { browser } from 'wxt/browser';
import { describeIssue } from '../../../rules/engine/schema.ts';
import {
  pickStartSchema,
  picksClearSchema,
  picksGetSchema,
  picksSetSchema,
  sitePicksSchema,
  type PickKind,
  type SitePicks,
} from '../../../rules/protocol/picks.ts';

// Background side of the element picker: remembers, per site (origin), which element is the script
// box and which is the chat list, and makes sure the content script runs on a site the user picked.
// TODO(2026-11-25): move storage into rules/store (Dexie) once it has a table for site settings;
// until then browser.storage.local keeps one object keyed by origin.

const KEY = 'livelint:site-picks';
/** The content script's built file (WXT names it after the entrypoint folder). */
export const CONTENT_SCRIPT_FILE = '/content-scripts/console.js' as const;

type Store = Record<string, SitePicks>;

async function readAll(): Promise<Store> {
  const got = await browser.storage.local.get(KEY);
  const raw = (got?.[KEY] ?? {}) as Record<string, unknown>;
  const out: Store = {};
  for (const [origin, v] of Object.entries(raw)) {
    const p = sitePicksSchema.safeParse(v);
    if (p.success) out[origin] = p.data; // a corrupted entry is skipped, not fatal
  }
  return out;
}

export async function getPicks(origin: string): Promise<SitePicks> {
  return (await readAll())[origin] ?? {};
}

export async function setPick(origin: string, kind: PickKind, target: SitePicks[PickKind]): Promise<SitePicks> {
  const all = await readAll();
  const next = { ...(all[origin] ?? {}), [kind]: target };
  all[origin] = next;
  await browser.storage.local.set({ [KEY]: all });
  return next;
}

export async function clearPicks(origin: string): Promise<void> {
  const all = await readAll();
  delete all[origin];
  await browser.storage.local.set({ [KEY]: all });
}

const scriptId = (origin: string) => `livelint-picked-${origin.replace(/[^a-z0-9]+/gi, '-')}`;

/** The origin of the page in `tabId`, from the tab (host access or activeTab) or its content script. */
export async function tabOrigin(tabId: number): Promise<{ origin?: string; covered: boolean }> {
  const tab = await browser.tabs.get(tabId);
  const pong = (await browser.tabs.sendMessage(tabId, { type: 'livelint:ping' }).catch(() => undefined)) as { origin?: string } | undefined;
  const url = tab.url ?? pong?.origin;
  const origin = url && /^https?:/.test(url) ? new URL(url).origin : undefined;
  // A content script answering on a page whose URL we can't see runs from the manifest's matches.
  return { origin, covered: pong !== undefined && !tab.url };
}

/**
 * Runs the content script on `tabId` now (if it isn't there) and, when the user granted the site,
 * on every later visit. The side panel asks for the site first (requestSiteAccess in
 * sidepanel/pick-model.ts, from the click); without that, activeTab (the toolbar click that
 * opened the panel) still lets the picker run once on this page.
 */
export async function ensureContentScript(tabId: number): Promise<{ ok: true; remembered: boolean } | { ok: false; error: string }> {
  const { origin, covered } = await tabOrigin(tabId);
  if (!origin) return { ok: false, error: '此页面无法读取 / This page cannot be read' };
  const running = await browser.tabs.sendMessage(tabId, { type: 'livelint:ping' }).then(
    () => true,
    () => false,
  );
  if (!running) {
    try {
      await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT_FILE] });
    } catch {
      return { ok: false, error: `需要 ${origin} 的访问权限 / Access to ${origin} was not granted` };
    }
  }
  if (covered) return { ok: true, remembered: true };
  const granted = await browser.permissions.contains({ origins: [`${origin}/*`] });
  if (!granted) return { ok: true, remembered: false };
  const id = scriptId(origin);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (!existing.length) {
    await browser.scripting
      .registerContentScripts([
        { id, matches: [`${origin}/*`], js: [CONTENT_SCRIPT_FILE], allFrames: true, runAt: 'document_idle', persistAcrossSessions: true },
      ])
      .catch(() => {
        /* registered meanwhile by a concurrent pick */
      });
  }
  return { ok: true, remembered: true };
}

/** Handles one message; returns undefined for messages that are not about picks. */
export async function handlePicksMessage(message: unknown): Promise<unknown> {
  const type = (message as { type?: unknown } | null)?.type;
  if (type === 'livelint:picks-get') {
    const m = picksGetSchema.safeParse(message);
    return m.success ? { picks: await getPicks(m.data.origin) } : { error: describeIssue(m.error) };
  }
  if (type === 'livelint:picks-set') {
    const m = picksSetSchema.safeParse(message);
    if (!m.success) return { error: describeIssue(m.error) };
    return { picks: await setPick(m.data.origin, m.data.kind, m.data.target) };
  }
  if (type === 'livelint:picks-clear') {
    const m = picksClearSchema.safeParse(message);
    if (!m.success) return { error: describeIssue(m.error) };
    await clearPicks(m.data.origin);
    return { ok: true };
  }
  if (type === 'livelint:pick-origin') {
    const m = pickStartSchema.pick({ tabId: true }).safeParse(message);
    if (!m.success) return { error: describeIssue(m.error) };
    return tabOrigin(m.data.tabId).catch((e: Error) => ({ error: String(e?.message ?? e), covered: false }));
  }
  if (type === 'livelint:pick-start') {
    const m = pickStartSchema.safeParse(message);
    if (!m.success) return { error: describeIssue(m.error) };
    const ready = await ensureContentScript(m.data.tabId).catch((e: Error) => ({ ok: false as const, error: String(e?.message ?? e) }));
    if (!ready.ok) return ready;
    // A freshly injected script needs a moment to register its listener.
    for (let i = 0; i < 10; i++) {
      const sent = await browser.tabs.sendMessage(m.data.tabId, { type: 'livelint:picker', kind: m.data.kind }).then(
        () => true,
        () => false,
      );
      if (sent) return ready;
      await new Promise((r) => setTimeout(r, 100));
    }
    return { ok: false, error: '页面脚本未响应 / The page script did not answer' };
  }
  return undefined;
}

const PICK_TYPES = new Set(['livelint:picks-get', 'livelint:picks-set', 'livelint:picks-clear', 'livelint:pick-origin', 'livelint:pick-start']);

// Registered at import (background/index.ts imports this file) so the listener exists from the
// worker's first synchronous run, as MV3 requires. Replies via sendResponse + `return true`, which
// both Chromium and Firefox honour.
if (typeof browser !== 'undefined' && browser.runtime?.onMessage) {
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (r: unknown) => void) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !PICK_TYPES.has(type)) return undefined;
    handlePicksMessage(message).then(sendResponse, (e: Error) => sendResponse({ error: String(e?.message ?? e) }));
    return true;
  });
}
