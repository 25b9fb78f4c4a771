import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { mkdtemp, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { cpSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// The E2E harness every feature's end-to-end test reuses: Debian's Chromium with the BUILT extension
// (.output/chrome-mv3) in a fresh profile, a tiny static server on 127.0.0.1, and a record of every
// network request so a test fails when anything leaves the machine (LiveLint promises no network).

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
export const SCREENSHOT_DIR = join(ROOT, 'tests', 'e2e', 'screenshots');
/** The lock every `wxt build` in this checkout is wrapped in (team rule). */
const BUILD_LOCK = '/tmp/build.lock';
const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

/** Hosts a request may go to. Everything else is a privacy failure. */
const LOCAL_PROTOCOLS = new Set(['chrome-extension:', 'data:', 'blob:', 'about:', 'chrome:', 'devtools:']);
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface RecordedRequest {
  url: string;
  method: string;
  /**
   * 'context': made by a page, frame, extension page or the extension's service worker (Playwright
   * sees these, so they are attributable to the pages and to LiveLint). 'proxy': reached the trap proxy,
   * i.e. tried to leave the machine, from whatever part of the browser.
   */
  via: 'context' | 'proxy';
}

/**
 * Chromium's own background traffic, seen with an empty profile before any extension code runs
 * (measured here: sign-in probe, component/extension updater, network time; on a long run also the
 * default search engine's preconnect (www.google.com) and the push-messaging channel
 * (android.clients.google.com), both seen by the trap only, never by a page or worker). Not LiveLint's, and
 * blocked by the trap anyway. Only counted as "the browser's" when Playwright saw no page or worker
 * make the request; any request a page, the panel or the worker makes always counts.
 */
export const CHROMIUM_OWN_HOSTS = new Set([
  'accounts.google.com',
  'update.googleapis.com',
  'clients2.google.com',
  'content-autofill.googleapis.com',
  'www.google.com',
  'android.clients.google.com',
]);

export function isLocalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return LOCAL_PROTOCOLS.has(u.protocol) || LOCAL_HOSTS.has(u.hostname);
  } catch {
    return false;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

const isBrowserNoise = (r: RecordedRequest) => r.via === 'proxy' && CHROMIUM_OWN_HOSTS.has(hostOf(r.url));

// ---------------------------------------------------------------------------------------------
// Static server

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  origin: string;
  port: number;
  /** Serves `html` at `path` (e.g. '/smoke.html') from now on. */
  page(path: string, html: string): string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
};

/**
 * Serves files under `root` (optional) plus in-memory pages on 127.0.0.1 at a random free port.
 * Path traversal outside `root` is refused.
 */
export async function serveStatic(root?: string): Promise<StaticServer> {
  const pages = new Map<string, string>();
  const base = root ? resolve(root) : undefined;
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const inMemory = pages.get(path);
    if (inMemory !== undefined) {
      res.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-store' });
      res.end(inMemory);
      return;
    }
    if (base) {
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
        return;
      } catch {
        // fall through to 404
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    page(path, html) {
      pages.set(path, html);
      return origin + path;
    },
    // Idle keep-alive connections from Chromium would hold server.close() open: close them too.
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections?.();
      }),
  };
}

/**
 * A catch-all HTTP proxy that answers every request with 403 and records it. Chromium sends all
 * non-loopback traffic (pages, extension service worker, and the browser itself) through it, so
 * "nothing left the machine" is checked at the one door out, not only for requests Playwright sees.
 */
async function startTrapProxy(record: (r: RecordedRequest) => void) {
  const server = createServer((req, res) => {
    record({ url: req.url ?? '', method: req.method ?? 'GET', via: 'proxy' });
    res.writeHead(403).end('LiveLint E2E: network access is not allowed');
  });
  server.on('connect', (req, socket) => {
    // A raw tunnel socket has no error listener: Chromium resetting it would be an unhandled error.
    socket.on('error', () => {});
    record({ url: `https://${req.url}`, method: 'CONNECT', via: 'proxy' });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return { port, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

// ---------------------------------------------------------------------------------------------
// Browser with the extension

export interface LaunchOptions {
  extensionDir?: string;
  /** navigator.language of the browser; the panel itself defaults to Chinese either way. */
  locale?: string;
  colorScheme?: 'light' | 'dark';
  /** Extra Chromium switches. */
  args?: string[];
  /** Host names reached directly instead of through the trap proxy (mapped to 127.0.0.1 by `args`). */
  direct?: string[];
}

export interface Harness {
  ctx: BrowserContext;
  extensionId: string;
  /** Every request seen (pages, workers, and anything that reached the trap proxy). */
  requests: RecordedRequest[];
  /** Requests that went (or tried to go) anywhere but this machine, Chromium's own traffic excluded. */
  externalRequests(): RecordedRequest[];
  /** Chromium's own background requests (CHROMIUM_OWN_HOSTS) that the trap refused. */
  browserNoise(): RecordedRequest[];
  /** The extension's (MV3) service worker; re-resolved if Chromium restarted it. */
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

function findChromium(): string {
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_CANDIDATES.join(' or ')}: apt-get install -y chromium fonts-noto-cjk (or run .ci/run)`,
    );
  }
  return found;
}

/**
 * Copies the build to a private folder under the build lock, so a rebuild running at the same time
 * (several people and CI steps share one checkout) cannot swap files under a running browser.
 */
function snapshotBuild(from: string, to: string) {
  try {
    execFileSync('flock', ['-w', '120', BUILD_LOCK, 'cp', '-r', from, to], { stdio: 'ignore' });
  } catch {
    // No flock on this machine (or nothing to copy): copy without the lock; the caller checks the result.
    if (existsSync(from)) cpSync(from, to, { recursive: true });
  }
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<Harness> {
  const builtDir = options.extensionDir ?? EXTENSION_DIR;
  const requests: RecordedRequest[] = [];
  const proxy = await startTrapProxy((r) => requests.push(r));
  const root = await mkdtemp(join(tmpdir(), 'livelint-e2e-'));
  const userDataDir = join(root, 'profile');
  const extensionDir = join(root, 'extension');
  snapshotBuild(builtDir, extensionDir);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    await proxy.close();
    throw new Error(`No built extension at ${builtDir}: run \`npm run build\` first (npm run test:e2e does).`);
  }
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    locale: options.locale ?? 'zh-CN',
    colorScheme: options.colorScheme ?? 'light',
    // Loopback bypasses the proxy (Playwright would otherwise force it through with <-loopback>), so
    // the static server is reached directly and anything else hits the trap.
    proxy: { server: `http://127.0.0.1:${proxy.port}`, bypass: ['<loopback>', ...(options.direct ?? [])].join(';') },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Fewer of Chromium's own calls home (autofill field types on pages with a form, and such):
      // they are not LiveLint's, but quieter traffic makes the privacy check easier to read.
      '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate',
      '--disable-client-side-phishing-detection',
      '--disable-domain-reliability',
      '--no-pings',
      ...(options.args ?? []),
    ],
  });
  ctx.on('request', (req) => requests.push({ url: req.url(), method: req.method(), via: 'context' }));

  const serviceWorker = async (): Promise<Worker> => {
    const sw = ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return sw ?? (await ctx.waitForEvent('serviceworker', { timeout: 15_000 }));
  };
  const extensionId = new URL((await serviceWorker()).url()).host;

  let closed = false;
  return {
    ctx,
    extensionId,
    requests,
    externalRequests: () => requests.filter((r) => !isLocalUrl(r.url) && !isBrowserNoise(r)),
    browserNoise: () => requests.filter(isBrowserNoise),
    serviceWorker,
    async close() {
      if (closed) return;
      closed = true;
      await ctx.close().catch(() => {});
      await proxy.close();
      await rm(root, { recursive: true, force: true }).catch(() => {});
    },
  };
}

export interface PanelOptions {
  /** Side-panel widths are 320-500 px; 360 is the reference width for screenshots. */
  width?: number;
  height?: number;
  /** Extra query string, e.g. 'lang=en'. */
  query?: string;
}

export interface PanelPage {
  page: Page;
  /** ms from navigation start until the panel rendered its shell and Live view (its own mark). */
  timeToFirstContent: number;
  /** ms from navigation start until the background's first snapshot arrived over the Port (NaN: none in 5 s). */
  timeToFirstSnapshot: number;
}

/**
 * Opens the side panel page as a tab (the toolbar click cannot be automated headless) and waits
 * for its first content. The panel sets the `livelint:first-content` performance mark.
 */
export async function openPanel(h: Harness, options: PanelOptions = {}): Promise<PanelPage> {
  const page = await h.ctx.newPage();
  await page.setViewportSize({ width: options.width ?? 360, height: options.height ?? 720 });
  const q = options.query ? `?${options.query}` : '';
  await page.goto(`chrome-extension://${h.extensionId}/sidepanel.html${q}`);
  // No named helper functions inside evaluate(): esbuild-based runners (tsx) wrap them in a
  // `__name` call that does not exist in the page.
  const [timeToFirstContent, timeToFirstSnapshot] = await page.evaluate(async () => {
    const times: number[] = [];
    for (const name of ['livelint:first-content', 'livelint:first-snapshot']) {
      for (let i = 0; i < 200 && performance.getEntriesByName(name).length === 0; i++) {
        await new Promise((r) => setTimeout(r, 25));
      }
      const mark = performance.getEntriesByName(name)[0];
      times.push(mark ? mark.startTime : Number.NaN);
    }
    return times as [number, number];
  });
  if (Number.isNaN(timeToFirstContent)) throw new Error('side panel never marked livelint:first-content');
  return { page, timeToFirstContent, timeToFirstSnapshot };
}

/**
 * Opens the pack manager as a full tab and waits until the background has seeded and listed the
 * built-in packs. Right after a worker restart the extension's pages are refused for a moment, so
 * navigation is retried.
 */
export async function openManager(h: Harness, options: { query?: string; width?: number } = {}): Promise<Page> {
  const page = await h.ctx.newPage();
  await page.setViewportSize({ width: options.width ?? 1200, height: 900 });
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(`chrome-extension://${h.extensionId}/manager.html${options.query ?? ''}`);
      break;
    } catch (error) {
      if (attempt >= 40) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await page.locator('[data-pack]').first().waitFor({ timeout: 15_000 });
  return page;
}

/** Saves a full-page PNG to tests/e2e/screenshots/<name>.png (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Delivers a content-script message to the background as if it came from `tabId`, through the
 * service worker's test hook. For panel tests that need exact findings without a live console page.
 */
export async function sendAsContent(h: Harness, message: unknown, tabId: number): Promise<void> {
  const sw = await h.serviceWorker();
  await sw.evaluate(
    async ([m, t]) => {
      const hook = (globalThis as unknown as { livelintTest?: { content(m: unknown, tabId: number): Promise<void> } })
        .livelintTest;
      if (!hook) throw new Error('background test hook missing: build with WXT_E2E_HOOKS=1 npm run build (npm run test:e2e does)');
      await hook.content(m, t);
    },
    [message, tabId] as const,
  );
}

export async function close(h: Harness | undefined, ...servers: Array<{ close(): Promise<void> } | undefined>) {
  await h?.close();
  for (const s of servers) await s?.close();
}

/** The few chrome.* calls the harness makes inside the worker (the test code has no chrome types). */
interface WorkerChrome {
  chrome: {
    tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
    action: { getBadgeText(q: { tabId: number }): Promise<string> };
  };
}

/**
 * The browser tab id of `page`. The extension has no `tabs` permission (it cannot see other tabs'
 * URLs, by design), so the page is brought to the front and the active tab is asked for.
 */
export async function tabIdOf(h: Harness, page: Page): Promise<number> {
  await page.bringToFront();
  const sw = await h.serviceWorker();
  const id = await sw.evaluate(async () => {
    const [tab] = await (globalThis as unknown as WorkerChrome).chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  if (id < 0) throw new Error(`could not find the tab of ${page.url()}`);
  return id;
}

/** The toolbar badge text LiveLint set for a tab. */
export async function badgeText(h: Harness, tabId: number): Promise<string> {
  const sw = await h.serviceWorker();
  return sw.evaluate((t) => (globalThis as unknown as WorkerChrome).chrome.action.getBadgeText({ tabId: t }), tabId);
}

/**
 * Stops the extension's service worker the way Chromium does when it idles (MV3 workers die after
 * ~30 s without events), through DevTools on an extension page of the same origin. Resolves once
 * the old worker's global scope is gone (a marker set before is no longer there).
 */
export async function stopServiceWorker(h: Harness, extensionPage: Page): Promise<void> {
  const marker = (await h.serviceWorker()).evaluate(() => {
    (globalThis as Record<string, unknown>).__livelintE2eMarker = true;
  });
  await marker;
  const cdp = await h.ctx.newCDPSession(extensionPage);
  const versions: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: Array<{ versionId: string; scriptURL: string }> }) => {
    for (const v of e.versions) if (v.scriptURL.startsWith('chrome-extension://')) versions.push(v.versionId);
  });
  await cdp.send('ServiceWorker.enable');
  for (let i = 0; i < 20 && versions.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  for (const versionId of new Set(versions)) await cdp.send('ServiceWorker.stopWorker', { versionId });
  await cdp.detach();
  for (let i = 0; i < 100; i++) {
    const sw = h.ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    const stillOld = sw
      ? await sw.evaluate(() => (globalThis as Record<string, unknown>).__livelintE2eMarker === true).catch(() => false)
      : false;
    if (!stillOld) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the service worker did not stop');
}
