import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, EXTENSION_DIR, launchWithExtension, type Harness } from './harness.ts';

// A subscription served over HTTPS under a public-looking name (the extension refuses local and
// private addresses): Chromium maps packs.livelint.test to a local server and accepts its test
// certificate (tests/e2e/fixtures/tls). Added through the manager, updated on demand with a
// conditional request, a broken update keeps the last good version with the reason shown, and a
// local address is refused. Chromium's permission prompt cannot be clicked headless, so the test's
// copy of the build already holds the host permission (the prompt is the browser's; what follows is ours).
const HOST = 'packs.livelint.test';
const TLS = join(import.meta.dirname, 'fixtures', 'tls');

function pack(version: string, terms: string[]) {
  return {
    id: 'remote-words',
    version,
    name: { zh: '远程词库', en: 'Remote words' },
    rules: terms.map((t, i) => ({
      id: `remote-words/r${i}`,
      type: 'term',
      category: 'pressure-tactic',
      message: { zh: `“${t}”制造紧迫`, en: `"${t}" creates urgency` },
      basis: '测试依据',
      terms: [t],
      examples: { flag: [`[[${t}]]`], pass: ['欢迎来到直播间'] },
    })),
  };
}

let server: Server;
let url = '';
let body = '';
let etag = '';
const seen: IncomingHttpHeaders[] = [];
let h: Harness;
let dir = '';

beforeAll(async () => {
  server = createServer({ key: readFileSync(join(TLS, 'key.pem')), cert: readFileSync(join(TLS, 'cert.pem')) }, (req, res) => {
    seen.push(req.headers);
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  url = `https://${HOST}:${port}/pack.json`;
  dir = mkdtempSync(join(tmpdir(), 'livelint-sub-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), `https://${HOST}/*`];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  h = await launchWithExtension({
    extensionDir: dir,
    args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`, '--ignore-certificate-errors'],
    direct: [HOST],
  });
});
afterAll(async () => {
  await close(h);
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

async function notice(page: Page, text: RegExp) {
  await page.getByTestId('notice').filter({ hasText: text }).waitFor({ timeout: 15_000 });
}

describe('subscriptions', () => {
  it('subscribes, updates with a conditional request, and keeps the last good version on a broken update', async () => {
    body = JSON.stringify(pack('1', ['秒没']));
    etag = '"v1"';
    const page = await h.ctx.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`chrome-extension://${h.extensionId}/manager.html`);
    await page.locator('[data-pack]').first().waitFor({ timeout: 15_000 });

    await page.getByLabel('规则包网址（https://）').fill(url);
    await page.getByRole('button', { name: '订阅', exact: true }).click();
    await notice(page, /已订阅/);
    const row = page.locator('[data-pack="remote-words"]');
    await row.waitFor();
    expect(await row.innerText()).toMatch(/订阅.*1 条规则 · v1/s);

    // Unchanged on the server: a 304, nothing rewritten.
    await row.getByRole('button', { name: '立即检查更新' }).click();
    await notice(page, /已是最新版本/);
    expect(seen.at(-1)?.['if-none-match']).toBe('"v1"');

    body = JSON.stringify(pack('2', ['秒没', '手慢无']));
    etag = '"v2"';
    await row.getByRole('button', { name: '立即检查更新' }).click();
    await notice(page, /已更新/);
    await row.filter({ hasText: '2 条规则 · v2' }).waitFor();

    body = '{"id": "remote-words", "rules": [';
    etag = '"broken"';
    await row.getByRole('button', { name: '立即检查更新' }).click();
    await notice(page, /规则包无效/);
    await row.filter({ hasText: '更新失败（仍使用上一版）' }).waitFor();
    expect(await row.innerText()).toMatch(/2 条规则 · v2/);

    // This machine and the local network are refused before any request is made.
    const before = seen.length;
    await page.getByLabel('规则包网址（https://）').fill(`https://127.0.0.1:${new URL(url).port}/pack.json`);
    await page.getByRole('button', { name: '订阅', exact: true }).click();
    await page.getByText('只能订阅公网地址').first().waitFor({ timeout: 15_000 });
    expect(seen.length).toBe(before);
  });
});
