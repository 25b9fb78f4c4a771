import type { Pack } from '../engine/schema.ts';
import { formatIssue } from '../io/issues.ts';
import { parseJsonPacks } from '../io/parse-json.ts';
import { parseYamlPacks } from '../io/parse-yaml.ts';
import type { LivelintDb } from './db.ts';
import { guarded, StoreError, toStoreError, type Bilingual } from './errors.ts';
import type { PackVerifier } from './import.ts';
import { enforceGate, gateBefore, gateTables } from './gate.ts';
import { bumpRev, writePackRows } from './packs.ts';
import type { PackRow, SubscriptionState } from './types.ts';

// A subscribed pack is fetched from a URL the user added, on a schedule (alarms) and on demand.
// Requests are conditional (ETag / Last-Modified), so an unchanged pack costs a 304. A failed or
// invalid update never replaces what is stored: the last good version stays and the reason is
// recorded on the pack for the manager to show.

export const SUBSCRIPTION_ALARM = 'livelint-subscriptions';
export const REFRESH_MINUTES = 6 * 60;
const MAX_BYTES = 20 * 1024 * 1024;
const TIMEOUT_MS = 30_000;

export type FetchLike = (
  url: string,
  init: { headers: Record<string, string>; signal?: AbortSignal; cache?: RequestCache; redirect?: RequestRedirect },
) => Promise<Response>;

export interface SubscriptionDeps {
  fetch: FetchLike;
  verify?: PackVerifier;
  now?: () => number;
}

/**
 * Hosts a subscription must not reach: this machine, the local network, link-local addresses (the
 * cloud metadata service at 169.254.169.254) and names that only resolve inside a network. A pack
 * URL is typed or pasted by a user but may come from anyone; the extension's host permission would
 * otherwise let it read a router's or an intranet's pages. Literal addresses only: a public name
 * that resolves to a private address cannot be seen from an extension before the request.
 */
export function privateHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (h === 'localhost' || /\.(localhost|local|internal|lan|home\.arpa|intranet|corp)$/.test(h) || !h.includes('.') && !h.includes(':')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224 || (a === 192 && b === 0) || (a === 198 && (b === 18 || b === 19));
  }
  if (h.includes(':')) {
    if (h === '::' || h === '::1') return true;
    const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(h);
    if (mapped) return privateHost(mapped[1]);
    // The URL parser writes a mapped IPv4 address in hex (::ffff:a00:1 for 10.0.0.1).
    const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(h);
    if (hex) {
      const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
      return privateHost(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
    }
    return /^(fc|fd|fe8|fe9|fea|feb|ff)/.test(h);
  }
  return false;
}

/** Public https only (see privateHost); no credentials in the URL. */
export function checkSubscriptionUrl(raw: string): { url: string; originPattern: string } | { error: Bilingual } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { error: { zh: '网址格式不正确', en: 'Not a valid URL' } };
  }
  if (url.protocol !== 'https:') return { error: { zh: '只能订阅 https:// 开头的网址', en: 'Only https:// URLs can be subscribed' } };
  if (url.username || url.password) return { error: { zh: '网址中不能包含账号密码', en: 'The URL must not contain credentials' } };
  if (privateHost(url.hostname)) {
    return { error: { zh: '只能订阅公网地址：本机、局域网和内网地址不能订阅', en: 'Only public addresses can be subscribed, not this machine, the local network or an intranet' } };
  }
  // Match patterns carry no port; the permission covers the host.
  return { url: url.href, originPattern: `${url.protocol}//${url.hostname}/*` };
}

/** Reads at most `max` bytes of a body, stopping the download as soon as it is over. */
async function readLimited(response: Response, max: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) return null;
  if (!response.body) return '';
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    parts.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const p of parts) { all.set(p, at); at += p.byteLength; }
  return new TextDecoder().decode(all);
}

type Fetched = { kind: 'unchanged' } | { kind: 'pack'; pack: Pack; etag?: string; lastModified?: string };

class FetchFailure extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

async function fetchPack(url: string, state: SubscriptionState | undefined, deps: SubscriptionDeps): Promise<Fetched> {
  const headers: Record<string, string> = { accept: 'application/json, application/yaml, text/yaml;q=0.9, */*;q=0.5' };
  if (state?.etag) headers['if-none-match'] = state.etag;
  if (state?.lastModified) headers['if-modified-since'] = state.lastModified;
  let response: Response;
  try {
    // Redirects are not followed: the target could be a private address the URL check never saw.
    response = await deps.fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS), cache: 'no-cache', redirect: 'manual' });
  } catch (error) {
    throw new FetchFailure({ zh: `无法连接：${(error as Error).message}`, en: `Could not connect: ${(error as Error).message}` });
  }
  if (response.status === 304) return { kind: 'unchanged' };
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    throw new FetchFailure({ zh: '订阅地址跳转到了别的网址，请填写规则包的最终地址', en: 'The URL redirects elsewhere; subscribe to the final address of the pack' });
  }
  if (!response.ok) throw new FetchFailure({ zh: `服务器返回 ${response.status}`, en: `The server answered ${response.status}` });
  const text = await readLimited(response, MAX_BYTES);
  if (text === null) throw new FetchFailure({ zh: '规则包过大（上限 20 MB）', en: 'Pack too large (20 MB max)' });
  const type = response.headers.get('content-type') ?? '';
  const yaml = /ya?ml/i.test(type) || /\.ya?ml(\?|#|$)/i.test(url);
  const parsed = yaml ? parseYamlPacks(text, url) : parseJsonPacks(text, url);
  const issues = [...parsed.issues, ...(deps.verify ? deps.verify(parsed.packs).map((reason) => ({ file: url, reason })) : [])];
  if (issues.length) {
    const list = issues.slice(0, 5).map(formatIssue).join('; ');
    throw new FetchFailure({ zh: `规则包无效：${list}`, en: `Invalid pack: ${list}` });
  }
  if (parsed.packs.length !== 1) {
    throw new FetchFailure({ zh: '订阅地址必须只提供一个规则包', en: 'A subscription URL must serve exactly one pack' });
  }
  return {
    kind: 'pack',
    pack: parsed.packs[0],
    etag: response.headers.get('etag') ?? undefined,
    lastModified: response.headers.get('last-modified') ?? undefined,
  };
}

/** Fetches the pack once and stores it as a subscribed pack. Nothing is written unless it is valid. */
export async function addSubscription(db: LivelintDb, rawUrl: string, deps: SubscriptionDeps): Promise<PackRow> {
  const checked = checkSubscriptionUrl(rawUrl);
  if ('error' in checked) throw new StoreError('url', checked.error);
  let fetched: Fetched;
  try {
    fetched = await fetchPack(checked.url, undefined, deps);
  } catch (error) {
    if (error instanceof FetchFailure) throw new StoreError('fetch', { zh: `订阅失败：${error.text.zh}`, en: `Subscribing failed: ${error.text.en}` });
    throw toStoreError(error);
  }
  if (fetched.kind !== 'pack') throw new StoreError('fetch', { zh: '服务器没有返回规则包', en: 'The server sent no pack' });
  const { pack } = fetched;
  const now = (deps.now ?? Date.now)();
  return guarded(() =>
    db.transaction('rw', gateTables(db), async () => {
      const before = await gateBefore(db);
      const existing = await db.packs.get(pack.id);
      if (existing && (existing.origin !== 'subscribed' || existing.subscription?.url !== checked.url)) {
        throw new StoreError('clash', {
          zh: `已有编号为“${pack.id}”的规则包，订阅未添加`,
          en: `A pack with the id "${pack.id}" already exists; subscription not added`,
        });
      }
      await writePackRows(db, pack, 'subscribed', {
        subscription: { url: checked.url, etag: fetched.etag, lastModified: fetched.lastModified, checkedAt: now, okAt: now },
      });
      await enforceGate(db, before);
      await bumpRev(db);
      return (await db.packs.get(pack.id))!;
    }),
  );
}

export interface RefreshResult {
  packId: string;
  status: 'updated' | 'unchanged' | 'failed';
  error?: Bilingual;
}

/** Fetches one subscribed pack if it changed. Never throws for a bad response: it records why. */
export async function refreshSubscription(db: LivelintDb, packId: string, deps: SubscriptionDeps): Promise<RefreshResult> {
  const now = (deps.now ?? Date.now)();
  const row = await guarded(() => db.packs.get(packId));
  if (!row?.subscription) return { packId, status: 'failed', error: { zh: '不是订阅的规则包', en: 'Not a subscribed pack' } };
  const state = row.subscription;
  let fetched: Fetched;
  try {
    fetched = await fetchPack(state.url, state, deps);
    if (fetched.kind === 'pack' && fetched.pack.id !== packId) {
      throw new FetchFailure({
        zh: `规则包编号从“${packId}”变成了“${fetched.pack.id}”`,
        en: `The pack id changed from "${packId}" to "${fetched.pack.id}"`,
      });
    }
  } catch (error) {
    const text: Bilingual = error instanceof FetchFailure ? error.text : { zh: String(error), en: String(error) };
    await recordState(db, packId, { ...state, checkedAt: now, error: { at: now, ...text } });
    return { packId, status: 'failed', error: text };
  }
  if (fetched.kind === 'unchanged') {
    await recordState(db, packId, { ...withoutError(state), checkedAt: now, okAt: now });
    return { packId, status: 'unchanged' };
  }
  const pack = fetched.pack;
  try {
    await guarded(() =>
      db.transaction('rw', gateTables(db), async () => {
        const before = await gateBefore(db);
        await writePackRows(db, pack, 'subscribed', {
          subscription: { ...withoutError(state), etag: fetched.etag, lastModified: fetched.lastModified, checkedAt: now, okAt: now },
        });
        await enforceGate(db, before);
        await bumpRev(db);
      }),
    );
  } catch (error) {
    const e = toStoreError(error);
    await recordState(db, packId, { ...state, checkedAt: now, error: { at: now, zh: e.zh, en: e.en } }).catch(() => undefined);
    return { packId, status: 'failed', error: { zh: e.zh, en: e.en } };
  }
  return { packId, status: 'updated' };
}

function withoutError(state: SubscriptionState): SubscriptionState {
  const { error: _e, ...rest } = state;
  return rest;
}

async function recordState(db: LivelintDb, packId: string, subscription: SubscriptionState): Promise<void> {
  await guarded(() => db.packs.update(packId, { subscription }));
}

/** Refreshes every subscribed pack one after another (the alarm handler and the "check now" button). */
export async function refreshAll(db: LivelintDb, deps: SubscriptionDeps): Promise<RefreshResult[]> {
  const rows = await guarded(() => db.packs.where('origin').equals('subscribed').toArray());
  const results: RefreshResult[] = [];
  for (const row of rows) results.push(await refreshSubscription(db, row.id, deps));
  return results;
}

/** The slice of browser.alarms the schedule needs (passed in: the store does not touch `browser`). */
export interface AlarmsLike {
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown;
  get(name: string): Promise<unknown>;
  onAlarm: { addListener(cb: (alarm: { name: string }) => void): void };
}

/** Call at every worker start: alarms persist across restarts, the listener must be added each time. */
export async function startSubscriptionSchedule(alarms: AlarmsLike, run: () => Promise<unknown>): Promise<void> {
  alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SUBSCRIPTION_ALARM) void run();
  });
  if (!(await alarms.get(SUBSCRIPTION_ALARM))) {
    alarms.create(SUBSCRIPTION_ALARM, { periodInMinutes: REFRESH_MINUTES, delayInMinutes: 1 });
  }
}
