import { describe, expect, it } from 'vitest';
import { chatBlock, diffBlocks, hash, scriptBlocks } from '../../../entrypoints/console.content/blocks.ts';
import { ChatQueue } from '../../../entrypoints/console.content/chat-queue.ts';

describe('script paragraphs', () => {
  it('ids are index + content hash: stable for the same text, new when a paragraph changes', () => {
    const a = scriptBlocks('第一段\n\n第二段 全网最低价\n第三段');
    expect(a.map((b) => b.text)).toEqual(['第一段', '第二段 全网最低价', '第三段']);
    expect(scriptBlocks('第一段\n\n第二段 全网最低价\n第三段').map((b) => b.id)).toEqual(a.map((b) => b.id));
    const b = scriptBlocks('第一段\n\n第二段 本场活动价\n第三段');
    expect(b[0].id).toBe(a[0].id);
    expect(b[1].id).not.toBe(a[1].id);
    expect(b[2].id).toBe(a[2].id);
  });

  it('diff sends only the changed paragraph and names the one that vanished', () => {
    const before = scriptBlocks('甲\n乙\n丙');
    const after = scriptBlocks('甲\n乙改\n丙');
    const { changed, removed } = diffBlocks(new Set(before.map((x) => x.id)), after);
    expect(changed.map((x) => x.text)).toEqual(['乙改']);
    expect(removed).toEqual([before[1].id]);
  });

  it('a huge paragraph is cut into pieces the background accepts; chat text is clipped', async () => {
    const { MAX_BLOCK_CHARS } = await import('../../../rules/protocol/content.ts');
    const huge = '全网最低价'.repeat(100_000); // 500,000 characters, no line break
    const pieces = scriptBlocks(huge);
    expect(pieces.map((p) => p.text).join('')).toBe(huge);
    for (const p of pieces) expect(p.text.length).toBeLessThanOrEqual(MAX_BLOCK_CHARS);
    expect(new Set(pieces.map((p) => p.id)).size).toBe(pieces.length);
    expect(chatBlock({ author: 'x', text: '刷'.repeat(10_000) }, 0).text.length).toBeLessThanOrEqual(2_000);
  });

  it('hash differs for near-identical texts', () => {
    expect(hash('全网最低价')).not.toBe(hash('全网最低价。'));
  });
});

describe('chat queue', () => {
  const msg = (author: string, text: string) => ({ author, text });

  it('keeps each message once within the window, again after it', () => {
    const q = new ChatQueue(100, 1000, 60_000);
    expect(q.push([msg('a', '包邮吗'), msg('a', '包邮吗'), msg('b', '包邮吗')], 'dom', 0)).toBe(2);
    expect(q.push([msg('a', ' 包邮吗 ')], 'network', 30_000)).toBe(0); // same message seen by the network
    expect(q.push([msg('a', '包邮吗')], 'dom', 61_000)).toBe(1); // asked again a minute later
    expect(q.duplicates).toBe(2);
  });

  it('is bounded: under a flood it keeps the newest and counts every dropped message', () => {
    const q = new ChatQueue(50);
    const total = 180;
    for (let i = 0; i < total; i++) q.push([msg(`u${i}`, `第${i}条`)], 'dom', i);
    const { blocks, dropped } = q.take(500);
    expect(blocks).toHaveLength(50);
    expect(blocks[0].text).toBe('第130条');
    expect(blocks.length + dropped).toBe(total);
    expect(q.take(10)).toEqual({ blocks: [], dropped: 0 }); // dropped is reported once
  });

  it('a failed send is given back in order, still bounded', () => {
    const q = new ChatQueue(3);
    q.push([msg('a', '1'), msg('b', '2')], 'dom', 0);
    const batch = q.take(2);
    q.push([msg('c', '3'), msg('d', '4')], 'dom', 1);
    q.giveBack(batch.blocks, batch.dropped);
    const again = q.take(10);
    expect(again.blocks.map((b) => b.text)).toEqual(['2', '3', '4']);
    expect(again.dropped).toBe(1);
  });

  it('chat ids use author + text + minute bucket', () => {
    const a = chatBlock(msg('小鹿', '能治湿疹吗'), 60_000 * 5 + 10);
    expect(chatBlock(msg('小鹿', '能治湿疹吗'), 60_000 * 5 + 50_000).id).toBe(a.id);
    expect(chatBlock(msg('小鹿', '能治湿疹吗'), 60_000 * 6).id).not.toBe(a.id);
    expect(chatBlock(msg('阿强', '能治湿疹吗'), 60_000 * 5).id).not.toBe(a.id);
  });
});
