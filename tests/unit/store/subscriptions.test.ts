import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LivelintDb } from '../../../rules/store/db.ts';
import {
  addSubscription,
  checkSubscriptionUrl,
  refreshAll,
  refreshSubscription,
  startSubscriptionSchedule,
  SUBSCRIPTION_ALARM,
  type SubscriptionDeps,
} from '../../../rules/store/subscriptions.ts';
import { readPack, setRuleEnabled } from '../../../rules/store/packs.ts';
import { StoreError } from '../../../rules/store/errors.ts';
import { customPack } from '../../fixtures/store/sample-packs.ts';
import { dropDb, dumpAll, freshDb } from './helpers.ts';

// A real HTTP server on 127.0.0.1 plays the pack host: it honours If-None-Match like a CDN would.
let server: Server;
let base: string;
let body = '';
let etag = '"v1"';
let status = 200;
const requests: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req);
    if (status !== 200) return void res.writeHead(status).end('nope');
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/json', etag }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let db: LivelintDb;
// The pack host has a public name; the test's fetch carries its requests to the local server (the
// extension itself refuses local addresses, so the test does the routing, not a hook in the code).
const PUBLIC = 'https://packs.example.com';
const routed = (url: string) => url.replace(PUBLIC, base);
const deps: SubscriptionDeps = { fetch: (url, init) => fetch(routed(url), init) };
beforeEach(() => {
  db = freshDb();
  body = JSON.stringify(customPack('remote'));
  etag = '"v1"';
  status = 200;
  requests.length = 0;
});
afterEach(() => dropDb(db));

describe('subscription URLs', () => {
  it('accepts public https only, and names the origin to ask permission for', () => {
    expect(checkSubscriptionUrl('https://cdn.example.com:8443/p.json')).toEqual({
      url: 'https://cdn.example.com:8443/p.json',
      originPattern: 'https://cdn.example.com/*',
    });
    expect(checkSubscriptionUrl('http://127.0.0.1:9999/p.json')).toHaveProperty('error');
    for (const host of ['127.0.0.1', '10.1.2.3', '172.16.0.9', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', 'localhost', 'router.local', 'intranet', '[::1]', '[fe80::1]', '[fd00::5]', '[::ffff:10.0.0.1]', 'svc.internal']) {
      expect(checkSubscriptionUrl(`https://${host}/p.json`), host).toHaveProperty('error.en', 'Only public addresses can be subscribed, not this machine, the local network or an intranet');
    }
    for (const host of ['8.8.8.8', '172.32.0.1', '192.169.0.1', 'raw.githubusercontent.com', '[2606:4700::1111]']) {
      expect(checkSubscriptionUrl(`https://${host}/p.json`), host).not.toHaveProperty('error');
    }
    expect(checkSubscriptionUrl('http://example.com/p.json')).toHaveProperty('error.en', 'Only https:// URLs can be subscribed');
    expect(checkSubscriptionUrl('not a url')).toHaveProperty('error.zh', '网址格式不正确');
    expect(checkSubscriptionUrl('https://u:p@example.com/p.json')).toHaveProperty('error');
  });
});

describe('what the pack host sends', () => {
  it('refuses a redirect without following it, and stops reading a body over the limit', async () => {
    const redirecting: SubscriptionDeps = { fetch: async (_url, init) => { expect(init.redirect).toBe('manual'); return new Response(null, { status: 302, headers: { location: 'https://169.254.169.254/' } }); } };
    await expect(addSubscription(db, `${PUBLIC}/pack.json`, redirecting)).rejects.toThrow(/跳转到了别的网址/);
    let pulled = 0;
    const huge = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(1024 * 1024).fill(0x20));
        if (pulled > 64) c.close();
      },
    });
    const flooding: SubscriptionDeps = { fetch: async () => new Response(huge, { status: 200, headers: { 'content-type': 'application/json' } }) };
    await expect(addSubscription(db, `${PUBLIC}/pack.json`, flooding)).rejects.toThrow(/规则包过大/);
    // Stopped at the limit (20 MB), not after the whole 65 MB.
    expect(pulled).toBeLessThan(25);
    const declared: SubscriptionDeps = { fetch: async () => new Response('{}', { status: 200, headers: { 'content-length': String(30 * 1024 * 1024) } }) };
    await expect(addSubscription(db, `${PUBLIC}/pack.json`, declared)).rejects.toThrow(/规则包过大/);
    expect(await db.packs.count()).toBe(0);
  });
});

describe('subscribed packs', () => {
  it('adds a pack from a URL, then uses a conditional request that costs a 304', async () => {
    const row = await addSubscription(db, `${PUBLIC}/pack.json`, deps);
    expect(row).toMatchObject({ id: 'remote', origin: 'subscribed', subscription: { etag: '"v1"' } });
    expect((await readPack(db, 'remote'))?.rules).toHaveLength(1);

    const result = await refreshSubscription(db, 'remote', deps);
    expect(result.status).toBe('unchanged');
    expect(requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
  });

  it('updates when the server has a new version, keeping the user overrides', async () => {
    await addSubscription(db, `${PUBLIC}/pack.json`, deps);
    await setRuleEnabled(db, 'remote/secret-deal', false);
    const next = customPack('remote') as any;
    next.version = '2';
    next.rules[0].terms.push('私聊');
    body = JSON.stringify(next);
    etag = '"v2"';
    expect((await refreshSubscription(db, 'remote', deps)).status).toBe('updated');
    const pack = await readPack(db, 'remote');
    expect(pack?.version).toBe('2');
    expect((await db.packs.get('remote'))?.subscription?.etag).toBe('"v2"');
    expect(await db.overrides.get('remote/secret-deal')).toMatchObject({ enabled: false });
  });

  it('keeps the last good version and records why when an update is broken', async () => {
    await addSubscription(db, `${PUBLIC}/pack.json`, deps);
    const good = await readPack(db, 'remote');

    body = '{"id": "remote", "name": {"zh": "坏"}, "rules": [';
    etag = '"broken"';
    const r1 = await refreshSubscription(db, 'remote', deps);
    expect(r1.status).toBe('failed');
    expect(r1.error?.en).toMatch(/Invalid pack.*invalid JSON/);
    expect(await readPack(db, 'remote')).toEqual(good);
    const state = (await db.packs.get('remote'))?.subscription;
    expect(state?.error?.zh).toMatch(/规则包无效/);
    expect(state?.etag).toBe('"v1"'); // the failed version's etag is not remembered

    status = 500;
    const r2 = await refreshSubscription(db, 'remote', deps);
    expect(r2.error?.en).toBe('The server answered 500');
    expect(await readPack(db, 'remote')).toEqual(good);

    // A later good answer clears the error.
    status = 200;
    etag = '"v1"';
    body = JSON.stringify(customPack('remote'));
    await refreshSubscription(db, 'remote', deps);
    expect((await db.packs.get('remote'))?.subscription?.error).toBeUndefined();
  });

  it('refuses a pack whose examples fail the verifier', async () => {
    const failing: SubscriptionDeps = { ...deps, verify: () => ['remote/secret-deal: flag example 1 not flagged'] };
    await expect(addSubscription(db, `${PUBLIC}/pack.json`, failing)).rejects.toThrow(/example 1 not flagged/);
    expect(await db.packs.count()).toBe(0);
  });

  it('writes nothing when the first fetch fails', async () => {
    status = 404;
    const before = await dumpAll(db);
    const error = await addSubscription(db, `${PUBLIC}/missing.json`, deps).catch((e) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error.zh).toMatch(/订阅失败.*404/);
    expect(await dumpAll(db)).toEqual(before);
  });

  it('refreshes every subscription on the alarm', async () => {
    await addSubscription(db, `${PUBLIC}/pack.json`, deps);
    let listener: ((a: { name: string }) => void) | undefined;
    const created: string[] = [];
    const done: Promise<unknown>[] = [];
    await startSubscriptionSchedule(
      {
        create: (name) => created.push(name),
        get: async () => undefined,
        onAlarm: { addListener: (cb) => (listener = cb) },
      },
      () => {
        const p = refreshAll(db, deps);
        done.push(p);
        return p;
      },
    );
    expect(created).toEqual([SUBSCRIPTION_ALARM]);
    listener!({ name: 'something-else' });
    expect(done).toHaveLength(0);
    listener!({ name: SUBSCRIPTION_ALARM });
    const [results] = (await Promise.all(done)) as [Awaited<ReturnType<typeof refreshAll>>];
    expect(results).toEqual([{ packId: 'remote', status: 'unchanged' }]);
  });
});
