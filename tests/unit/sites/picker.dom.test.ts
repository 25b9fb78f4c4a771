import { describe, expect, it, vi } from 'vitest';
import { queryFirst } from '../../../entrypoints/console.content/dom-read.ts';
import { buildSelector, looksHashed, snapTarget, startPicker } from '../../../entrypoints/console.content/picker.ts';
import { withPicks } from '../../../entrypoints/console.content/picked-adapter.ts';

describe('picked selectors', () => {
  it('tells build hashes from stable names', () => {
    for (const h of ['NkS2Invn', 'css-1x3k2xe', 'e11g2s306', 'v8LY0gZF']) expect(looksHashed(h), h).toBe(true);
    for (const s of ['chat-list', 'script', 'comment-item', 'message', 'col-2']) expect(looksHashed(s), s).toBe(false);
  });

  it('builds a selector that finds the same element again and skips hashed classes', () => {
    document.body.innerHTML = `
      <div class="NkS2Invn layout"><section class="panel"><div class="v8LY0gZF"></div>
      <div class="v8LY0gZF"><textarea class="cL385mHb"></textarea></div></section></div>`;
    const el = document.querySelector('textarea')!;
    const sel = buildSelector(el);
    expect(sel).not.toMatch(/NkS2Invn|v8LY0gZF|cL385mHb/);
    expect(queryFirst(document, [sel])).toBe(el);
  });

  it('prefers stable attributes and steps into open shadow roots', () => {
    document.body.innerHTML = '<wujie-app></wujie-app>';
    const host = document.querySelector('wujie-app')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<div><ul data-testid="comments"><li>a</li><li>b</li><li>c</li></ul></div>';
    const ul = host.shadowRoot!.querySelector('ul')!;
    const sel = buildSelector(ul);
    expect(sel).toBe('wujie-app >>> ul[data-testid="comments"]');
    expect(queryFirst(document, [sel])).toBe(ul);
  });

  it('snaps a click on a chat row to the list, and a click inside an editor to the editor root', () => {
    document.body.innerHTML = `
      <div id="c"><p class="m"><b>甲</b>：你好</p><p class="m"><b>乙</b>：在吗</p><p class="m"><b>丙</b>：包邮吗</p></div>
      <div contenteditable="true" id="ed"><p>第一段 <span id="inner">全网</span></p></div>`;
    expect(snapTarget(document.querySelector('b')!, 'chat').id).toBe('c');
    expect(snapTarget(document.getElementById('inner')!, 'script').id).toBe('ed');
  });

  it('a picked chat list is read row by row with a "name：text" fallback', () => {
    document.body.innerHTML = `<div id="c"><p>小鹿：这个能祛斑吗</p><p>没有名字的一行</p><p><i class="nick">阿强</i><span class="content">包邮吗</span></p></div>`;
    const adapter = withPicks(undefined, { chat: { selector: '#c', label: '', pickedAt: 1 } })!;
    const list = adapter.findChatList(document)!;
    expect(adapter.readChat(list, list)).toEqual([
      { author: '小鹿', text: '这个能祛斑吗' },
      { author: '', text: '没有名字的一行' },
      { author: '阿强', text: '包邮吗' },
    ]);
    // A row added later is read by itself, not as a list of its children.
    const row = document.createElement('p');
    row.textContent = '橙子：还有货吗';
    list.append(row);
    expect(adapter.readChat(row, list)).toEqual([{ author: '橙子', text: '还有货吗' }]);
  });
});

describe('picker overlay', () => {
  it('highlights on hover, swallows the choosing click, reports a selector, and removes itself', () => {
    document.body.innerHTML = '<main><textarea id="s"></textarea><button id="b">go</button></main>';
    const pageClick = vi.fn();
    document.getElementById('s')!.addEventListener('click', pageClick);
    const onPick = vi.fn();
    startPicker({ doc: document, kind: 'script', onPick });
    expect(document.querySelector('livelint-picker')).not.toBeNull();
    const ta = document.getElementById('s')!;
    ta.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, composed: true }));
    ta.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
    expect(pageClick).not.toHaveBeenCalled();
    expect(onPick).toHaveBeenCalledTimes(1);
    expect(onPick.mock.calls[0][0]).toBe(ta);
    expect(onPick.mock.calls[0][1]).toBe('#s');
    expect(document.querySelector('livelint-picker')).toBeNull();
  });

  it('Esc cancels and leaves the page as it was', () => {
    document.body.innerHTML = '<main><textarea id="s"></textarea></main>';
    const before = document.documentElement.outerHTML;
    const onCancel = vi.fn();
    const onPick = vi.fn();
    startPicker({ doc: document, kind: 'chat', onPick, onCancel });
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', cancelable: true }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onPick).not.toHaveBeenCalled();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
