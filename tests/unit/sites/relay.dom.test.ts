import { afterEach, describe, expect, it } from 'vitest';
import { startRelay } from '../../../entrypoints/console.content/relay.ts';
import type { ChatItem, NetworkReader } from '../../../entrypoints/console.content/sites/types.ts';
import { TAP_CHANNEL, TAP_CONTROL } from '../../../rules/protocol/tap.ts';

// The isolated half of network reading: only messages from this window, on the tap's channel,
// well-formed, and carrying the token of the first hello are parsed.

const reader: NetworkReader = {
  urls: ['/comment/info'],
  parse: (_url, body) => JSON.parse(body).items as ChatItem[],
};
const TOKEN = 'a'.repeat(32);
const post = (data: unknown, source: Window | null = window) => window.dispatchEvent(new MessageEvent('message', { data, source }));
const body = (items: ChatItem[], token = TOKEN) => ({ channel: TAP_CHANNEL, kind: 'body', token, via: 'fetch', url: 'https://x/comment/info', body: JSON.stringify({ items }) });

let stop: (() => void) | undefined;
afterEach(() => stop?.());

function start() {
  const got: ChatItem[][] = [];
  const rejects: string[] = [];
  const controls: unknown[] = [];
  const orig = window.postMessage.bind(window);
  window.postMessage = ((m: { channel?: string }) => {
    if (m?.channel === TAP_CONTROL) controls.push(m);
  }) as typeof window.postMessage;
  stop = startRelay({ win: window, network: reader, onItems: (i) => got.push(i), onReject: (r) => rejects.push(r) });
  return { got, rejects, controls, restore: () => (window.postMessage = orig) };
}

describe('network relay', () => {
  it('pings, adopts the first hello token, answers with the config, then parses bodies', () => {
    const r = start();
    expect(r.controls[0]).toMatchObject({ kind: 'ping' });
    post({ channel: TAP_CHANNEL, kind: 'hello', token: TOKEN });
    expect(r.controls[1]).toMatchObject({ kind: 'config', token: TOKEN, urls: ['/comment/info'], sockets: [] });
    post(body([{ author: '老王', text: '能治便秘吗' }]));
    expect(r.got).toEqual([[{ author: '老王', text: '能治便秘吗' }]]);
    r.restore();
  });

  it('refuses bodies before a hello, with another token, from another window, or malformed', () => {
    const r = start();
    post(body([{ author: 'x', text: 'before hello' }]));
    post({ channel: TAP_CHANNEL, kind: 'hello', token: TOKEN });
    post({ channel: TAP_CHANNEL, kind: 'hello', token: 'b'.repeat(32) }); // a second hello can't take over
    post(body([{ author: 'x', text: 'forged' }], 'b'.repeat(32)));
    post(body([{ author: 'x', text: 'other window' }]), null);
    post({ ...body([]), url: 5 });
    post({ ...body([]), body: 'x'.repeat(2_000_001) });
    expect(r.got).toEqual([]);
    expect(r.rejects).toEqual(['token', 'token', 'shape', 'shape']);
    r.restore();
  });

  it('a parser that throws is contained; stop tells the tap to stop relaying', () => {
    const r = start();
    stop!();
    stop = startRelay({
      win: window,
      network: { urls: ['/x'], parse: () => { throw new Error('boom'); } },
      onItems: () => {},
      onReject: (x) => r.rejects.push(x),
    });
    post({ channel: TAP_CHANNEL, kind: 'hello', token: TOKEN });
    expect(() => post(body([]))).not.toThrow();
    expect(r.rejects).toEqual(['parse']);
    stop();
    stop = undefined;
    expect(r.controls.at(-1)).toMatchObject({ kind: 'stop', token: TOKEN });
    r.restore();
  });
});
