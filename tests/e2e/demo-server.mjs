#!/usr/bin/env node
// `npm run demo`: builds the extension, serves the demo console on 127.0.0.1 and says where to load
// the unpacked extension from. With a display (DISPLAY set) it also opens Chromium with the
// extension loaded. The E2E tests import startDemoServer() to serve the same page.
//
//   node tests/e2e/demo-server.mjs [--port 4173] [--no-build] [--no-open]

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { messageAt } from './demo/chat-messages.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const DEMO_DIR = join(HERE, 'demo');
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** /demo-api/comment/info?cursor=N&count=K: K comments from N, shaped like 巨量百应's comment/info. */
function commentInfo(url) {
  const cursor = Math.max(0, Math.floor(Number(url.searchParams.get('cursor')) || 0));
  const count = Math.min(500, Math.max(0, Math.floor(Number(url.searchParams.get('count')) || 0)));
  const unique = url.searchParams.get('unique') === '1';
  const now = Math.floor(Date.now() / 1000);
  const comment_infos = Array.from({ length: count }, (_, i) => {
    const m = messageAt(cursor + i, unique);
    return { comment_id: String(m.seq), nick_name: m.author, content: m.text, create_time: now };
  });
  return { code: 0, msg: 'success', data: { cursor: String(cursor + count), has_more: true, comment_infos } };
}

/**
 * Serves the demo console at http://127.0.0.1:PORT/ (port 0: any free port).
 * @returns {Promise<{ origin: string, port: number, close(): Promise<void> }>}
 */
export async function startDemoServer({ port = 0, host = '127.0.0.1' } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://demo');
    if (url.pathname === '/demo-api/comment/info') {
      res.writeHead(200, { 'content-type': MIME['.json'], 'cache-control': 'no-store' });
      res.end(JSON.stringify(commentInfo(url)));
      return;
    }
    const path = url.pathname === '/' ? '/console.html' : decodeURIComponent(url.pathname);
    const file = normalize(join(DEMO_DIR, path));
    if (!file.startsWith(DEMO_DIR + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const actual = server.address().port;
  return {
    origin: `http://${host.includes(':') ? `[${host}]` : host}:${actual}`,
    port: actual,
    // server.close() alone waits for the browser's idle keep-alive connections, which Chromium
    // holds open for minutes after the page is gone: close them too, or a test hangs here.
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections?.();
      }),
  };
}

function findChromium() {
  for (const c of ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (existsSync(c)) return c;
  }
  return undefined;
}

async function main() {
  const args = process.argv.slice(2);
  const flag = (name) => args.includes(name);
  const portArg = args[args.indexOf('--port') + 1];
  const port = args.includes('--port') ? Number(portArg) : Number(process.env.PORT ?? 4173);

  if (!flag('--no-build')) {
    console.log('构建扩展 / Building the extension (npm run build)…');
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) {
      console.error('构建失败 / Build failed: see the output above.');
      process.exit(1);
    }
  }

  let server;
  try {
    server = await startDemoServer({ port });
  } catch (e) {
    if (e?.code !== 'EADDRINUSE') throw e;
    console.log(`端口 ${port} 已被占用，改用随机端口 / Port ${port} is busy, using a free one.`);
    server = await startDemoServer({ port: 0 });
  }
  const url = `${server.origin}/console.html`;
  console.log(`
LiveLint 演示中控台 / demo console:  ${url}
   高速弹幕 / chat flood:            ${url}?rate=200

加载扩展 / Load the extension:
  Chrome/Edge: 打开 chrome://extensions，开启"开发者模式"，点"加载已解压的扩展程序"，选择
               open chrome://extensions, enable Developer mode, "Load unpacked", choose:
               ${EXTENSION_DIR}
  然后打开上面的演示页，点工具栏的 LiveLint 图标打开侧边栏。
  Then open the demo page and click the LiveLint toolbar icon to open the side panel.

按 Ctrl+C 停止 / Ctrl+C to stop.`);

  const chromium = findChromium();
  if (process.env.DISPLAY && !flag('--no-open') && chromium && existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    const profile = mkdtempSync(join(tmpdir(), 'livelint-demo-'));
    const child = spawn(
      chromium,
      [`--user-data-dir=${profile}`, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, '--no-first-run', url],
      { stdio: 'ignore', detached: true },
    );
    child.unref();
    console.log(`已启动 Chromium（临时配置 ${profile}）/ Chromium started with a temporary profile.`);
  } else if (!process.env.DISPLAY) {
    console.log('没有显示器（DISPLAY 未设置），不自动打开浏览器 / No display (DISPLAY unset): not opening a browser.');
  }

  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e?.message ?? e);
    process.exit(1);
  });
}
