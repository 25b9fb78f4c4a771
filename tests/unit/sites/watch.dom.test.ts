import { afterEach, describe, expect, it } from 'vitest';
import demo from '../../../entrypoints/console.content/sites/demo.ts';
import { Watcher, type Outgoing, type OutgoingBlocks } from '../../../entrypoints/console.content/watch.ts';

// The watcher against a live happy-dom page: what it sends, when, and how it stops.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function page(script = '第一段\n第二段') {
  document.body.innerHTML = `
    <textarea id="script"></textarea>
    <div id="captions"></div>
    <ol id="chat"></ol>`;
  (document.getElementById('script') as HTMLTextAreaElement).value = script;
}

function addRows(from: number, n: number, author = (i: number) => `用户${i}`) {
  const chat = document.getElementById('chat')!;
  for (let i = from; i < from + n; i++) {
    const li = document.createElement('li');
    li.className = 'chat-row';
    li.innerHTML = `<span class="author">${author(i)}</span><span class="text">第${i}条 能治湿疹吗</span>`;
    chat.append(li);
  }
}

function type(value: string) {
  const box = document.getElementById('script') as HTMLTextAreaElement;
  box.value = value;
  box.dispatchEvent(new Event('input', { bubbles: true }));
}

let watcher: Watcher | undefined;
afterEach(() => watcher?.stop());

function start(opts: Partial<ConstructorParameters<typeof Watcher>[0]> = {}) {
  const sent: (Outgoing & { at: number })[] = [];
  watcher = new Watcher({
    adapter: demo,
    doc: document,
    send: async (m) => {
      sent.push({ ...m, at: Date.now() });
    },
    scriptDebounceMs: 30,
    chatIntervalMs: 60,
    rebindMs: 40,
    ...opts,
  });
  watcher.start();
  const blocks = () => sent.filter((m): m is OutgoingBlocks & { at: number } => m.type === 'livelint:blocks');
  return { sent, blocks };
}

describe('script box', () => {
  it('sends all paragraphs once, then only the changed paragraph, debounced', async () => {
    page('第一段\n第二段 全网最低价\n第三段');
    const { blocks } = start();
    await sleep(80);
    expect(blocks().flatMap((m) => m.blocks.map((b) => b.text))).toEqual(['第一段', '第二段 全网最低价', '第三段']);
    const before = blocks().length;
    for (const v of ['第一段\n第二段 本\n第三段', '第一段\n第二段 本场\n第三段', '第一段\n第二段 本场活动价\n第三段']) type(v);
    await sleep(80);
    const after = blocks().slice(before);
    expect(after).toHaveLength(1); // three keystrokes, one send
    expect(after[0].blocks.map((b) => b.text)).toEqual(['第二段 本场活动价']);
    expect(after[0].removed).toHaveLength(1);
  });

  it('finds the new box when the page replaces it, and sends what changed', async () => {
    page('甲\n乙');
    const { blocks } = start();
    await sleep(80);
    const fresh = document.createElement('textarea');
    fresh.id = 'script';
    fresh.value = '甲\n乙\n丙 绝对有效';
    document.getElementById('script')!.replaceWith(fresh);
    await sleep(150);
    expect(blocks().flatMap((m) => m.blocks.map((b) => b.text))).toEqual(['甲', '乙', '丙 绝对有效']);
  });
});

describe('chat', () => {
  it('sends each new row once, in batches at most every interval, ignoring re-rendered rows', async () => {
    page();
    const { blocks } = start();
    addRows(0, 5);
    await sleep(20);
    addRows(5, 5);
    await sleep(150);
    const chat = () => blocks().flatMap((m) => m.blocks.filter((b) => b.source === 'chat'));
    expect(chat().map((b) => b.author)).toEqual(Array.from({ length: 10 }, (_, i) => `用户${i}`));
    // A virtual list re-render: same messages, new elements.
    const list = document.getElementById('chat')!;
    list.replaceChildren(...Array.from(list.children, (li) => li.cloneNode(true)));
    await sleep(150);
    expect(chat()).toHaveLength(10);
    const chatSends = blocks().filter((m) => m.blocks.some((b) => b.source === 'chat'));
    for (let i = 1; i < chatSends.length; i++) expect(chatSends[i].at - chatSends[i - 1].at).toBeGreaterThanOrEqual(55);
  });

  it('re-attaches when the chat list element itself is replaced (SPA re-render)', async () => {
    page();
    const { blocks } = start();
    addRows(0, 2);
    await sleep(100);
    const fresh = document.createElement('ol');
    fresh.id = 'chat';
    document.getElementById('chat')!.replaceWith(fresh);
    await sleep(100);
    addRows(2, 3);
    await sleep(150);
    expect(blocks().flatMap((m) => m.blocks.filter((b) => b.source === 'chat').map((b) => b.author))).toEqual(['用户0', '用户1', '用户2', '用户3', '用户4']);
  });

  it('under a flood with a slow background, every message is sent or counted as dropped', async () => {
    page('');
    const pending: (() => void)[] = [];
    const release = () => pending.splice(0).forEach((r) => r());
    const sent: OutgoingBlocks[] = [];
    start({
      queueMax: 50,
      maxBatch: 20,
      send: (m) => {
        if (m.type === 'livelint:blocks') sent.push(m);
        return new Promise<void>((r) => pending.push(r)); // the background answers only when released
      },
    });
    for (let i = 0; i < 300; i += 30) {
      addRows(i, 30);
      await sleep(5);
    }
    await sleep(50);
    for (let i = 0; i < 40; i++) {
      release();
      await sleep(15);
    }
    const chat = sent.flatMap((m) => m.blocks.filter((b) => b.source === 'chat'));
    const dropped = sent.reduce((n, m) => n + m.dropped, 0);
    expect(dropped).toBeGreaterThan(0);
    expect(new Set(chat.map((b) => b.id)).size).toBe(chat.length);
    expect(chat.length + dropped).toBe(300);
  });

  it('network comments make DOM reading pause, and the same message is never sent twice', async () => {
    page();
    const { blocks } = start();
    watcher!.pushNetworkChat([{ author: '用户0', text: '第0条 能治湿疹吗' }]);
    addRows(0, 3);
    await sleep(150);
    const chat = blocks().flatMap((m) => m.blocks.filter((b) => b.source === 'chat'));
    expect(chat.map((b) => [b.author, b.via])).toEqual([['用户0', 'network']]);
  });
});

describe('captions', () => {
  it('sends each new line, and a line again (same id) when ASR revises it', async () => {
    page();
    const { blocks } = start();
    const caps = document.getElementById('captions')!;
    caps.innerHTML = '<div class="caption-line">家人们晚上好</div>';
    await sleep(80);
    caps.insertAdjacentHTML('beforeend', '<div class="caption-line">这款面膜全网最</div>');
    await sleep(80);
    (caps.lastElementChild as HTMLElement).textContent = '这款面膜全网最低价';
    await sleep(80);
    const lines = blocks().flatMap((m) => m.blocks.filter((b) => b.source === 'captions'));
    expect(lines.map((b) => b.text)).toEqual(['家人们晚上好', '这款面膜全网最', '这款面膜全网最低价']);
    expect(lines[2].id).toBe(lines[1].id);
    expect(lines[0].id).not.toBe(lines[1].id);
  });
});

describe('stopping', () => {
  it('stops quietly when the extension context is invalidated: no throw, no more reads', async () => {
    page();
    let calls = 0;
    let stopped = 0;
    start({
      send: () => {
        calls++;
        throw new Error('Extension context invalidated.');
      },
      onStop: () => stopped++,
    });
    await sleep(80);
    expect(watcher!.stopped).toBe(true);
    expect(stopped).toBe(1);
    const after = calls;
    addRows(0, 5);
    type('新的内容');
    await sleep(150);
    expect(calls).toBe(after);
  });

  it('stops on the next rebind when the extension is gone even if nothing is sent', async () => {
    page('');
    let alive = true;
    start({ isAlive: () => alive });
    await sleep(60);
    expect(watcher!.stopped).toBe(false);
    alive = false;
    await sleep(100);
    expect(watcher!.stopped).toBe(true);
  });

  it('other send failures are retried, not fatal', async () => {
    page('');
    let fail = true;
    const got: OutgoingBlocks[] = [];
    start({
      send: async (m) => {
        if (fail) throw new Error('Could not establish connection. Receiving end does not exist.');
        if (m.type === 'livelint:blocks') got.push(m);
      },
    });
    addRows(0, 3);
    await sleep(100);
    fail = false;
    await sleep(150);
    expect(watcher!.stopped).toBe(false);
    expect(got.flatMap((m) => m.blocks).filter((b) => b.source === 'chat')).toHaveLength(3);
  });
});
