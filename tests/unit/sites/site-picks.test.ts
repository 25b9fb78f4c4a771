import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getPicks, handlePicksMessage } from '../../../entrypoints/background/picks/site-picks.ts';

// Background side of remembered picks (browser.storage.local until the store has a table for it).

beforeEach(() => fakeBrowser.reset());

const target = (selector: string) => ({ selector, label: 'textarea 脚本', pickedAt: 1_732_512_000_000 });

describe('site picks', () => {
  it('remembers the script box and chat list per origin', async () => {
    await handlePicksMessage({ type: 'livelint:picks-set', origin: 'https://shop.example.com', kind: 'script', target: target('#editor') });
    await handlePicksMessage({ type: 'livelint:picks-set', origin: 'https://shop.example.com', kind: 'chat', target: target('ul.comments') });
    await handlePicksMessage({ type: 'livelint:picks-set', origin: 'https://other.example.com', kind: 'script', target: target('textarea') });
    const got = (await handlePicksMessage({ type: 'livelint:picks-get', origin: 'https://shop.example.com' })) as { picks: unknown };
    expect(got.picks).toEqual({ script: target('#editor'), chat: target('ul.comments') });
    expect((await getPicks('https://other.example.com')).script?.selector).toBe('textarea');
    expect(await getPicks('https://new.example.com')).toEqual({});
  });

  it('clear forgets one site only', async () => {
    await handlePicksMessage({ type: 'livelint:picks-set', origin: 'https://a.example', kind: 'script', target: target('#a') });
    await handlePicksMessage({ type: 'livelint:picks-set', origin: 'https://b.example', kind: 'script', target: target('#b') });
    await handlePicksMessage({ type: 'livelint:picks-clear', origin: 'https://a.example' });
    expect(await getPicks('https://a.example')).toEqual({});
    expect((await getPicks('https://b.example')).script?.selector).toBe('#b');
  });

  it('refuses malformed messages with a path and a reason, and stores nothing', async () => {
    const bad = (await handlePicksMessage({ type: 'livelint:picks-set', origin: 'javascript:alert(1)', kind: 'script', target: target('#x') })) as { error: string };
    expect(bad.error).toMatch(/^origin: /);
    const bad2 = (await handlePicksMessage({ type: 'livelint:picks-set', origin: 'https://a.example', kind: 'video', target: target('#x') })) as { error: string };
    expect(bad2.error).toMatch(/^kind: /);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('a corrupted stored entry is skipped, the others still load', async () => {
    await fakeBrowser.storage.local.set({ 'livelint:site-picks': { 'https://a.example': { script: { selector: 5 } }, 'https://b.example': { chat: target('#c') } } });
    expect(await getPicks('https://a.example')).toEqual({});
    expect((await getPicks('https://b.example')).chat?.selector).toBe('#c');
  });

  it('ignores messages that are not about picks', async () => {
    expect(await handlePicksMessage({ type: 'livelint:blocks', blocks: [] })).toBeUndefined();
  });
});
