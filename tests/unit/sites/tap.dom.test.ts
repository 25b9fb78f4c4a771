import { describe, expect, it } from 'vitest';
import { installTap } from '../../../entrypoints/network-tap.content/tap.ts';
import { TAP_CHANNEL, TAP_CONTROL } from '../../../rules/protocol/tap.ts';

// The MAIN-world tap observes without altering: the page gets the very same response, and bodies
// are relayed only for URLs the content script configured with the tap's own token.

describe('network tap', () => {
  it('relays matching fetch bodies after config, leaves the response untouched', async () => {
    let original: Response | undefined;
    let calls = 0;
    (window as unknown as { fetch: unknown }).fetch = async () => {
      calls++;
      return (original = new Response('{"data":{"comment_infos":[{"nick_name":"老王","content":"包邮吗"}]}}'));
    };
    const posted: { channel?: string; kind?: string; token?: string; body?: string; url?: string }[] = [];
    window.postMessage = ((m: never) => void posted.push(m)) as unknown as typeof window.postMessage;
    installTap(window as Window & typeof globalThis);
    const hello = posted.find((m) => m.kind === 'hello')!;
    expect(hello.token).toMatch(/^[0-9a-f]{32}$/);

    // Before config nothing is relayed.
    await (await window.fetch('https://buyin.jinritemai.com/api/comment/info?x=1')).text();
    expect(posted.filter((m) => m.kind === 'body')).toHaveLength(0);

    // A config with the wrong token is ignored.
    const ctl = (data: object) => window.dispatchEvent(new MessageEvent('message', { data: { channel: TAP_CONTROL, ...data }, source: window }));
    ctl({ kind: 'config', token: 'f'.repeat(32), urls: ['/comment/info'] });
    await window.fetch('https://buyin.jinritemai.com/api/comment/info?x=2');
    await new Promise((r) => setTimeout(r, 20));
    expect(posted.filter((m) => m.kind === 'body')).toHaveLength(0);

    ctl({ kind: 'config', token: hello.token, urls: ['/comment/info'] });
    const res = await window.fetch('https://buyin.jinritemai.com/api/comment/info?x=3');
    expect(res).toBe(original); // the page's own Response object, body still unread by us
    expect(await res.text()).toContain('包邮吗');
    await window.fetch('https://buyin.jinritemai.com/api/other');
    await new Promise((r) => setTimeout(r, 20));
    const bodies = posted.filter((m) => m.kind === 'body');
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({ channel: TAP_CHANNEL, token: hello.token });
    expect(bodies[0].body).toContain('包邮吗');
    expect(calls).toBe(4);

    // Installing twice keeps one tap.
    const fetchNow = window.fetch;
    installTap(window as Window & typeof globalThis);
    expect(window.fetch).toBe(fetchNow);
  });
});
