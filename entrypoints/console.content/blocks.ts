import type { TextBlockInput } from '../../rules/engine/schema.ts';
import type { ChatItem } from './sites/types.ts';

// Stable TextBlock ids, so the background and side panel can replace a block instead of piling up
// copies: script paragraphs by position + content hash, chat by author + text + time bucket,
// captions per line.

/** 32-bit FNV-1a over UTF-16 code units, base-36: short, stable, fast enough for every keystroke. */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * Longest block the sensor sends. The background refuses blocks over 200,000 characters
 * (MAX_BLOCK_CHARS in rules/protocol/content.ts); a pasted transcript without line breaks is cut
 * into pieces well under that instead of being refused whole.
 */
export const MAX_PIECE_CHARS = 20_000;
/** Viewer messages are short on every platform; anything longer is clipped, not refused. */
export const MAX_CHAT_CHARS = 2_000;

/** Paragraphs are separated by line breaks; blank lines are not paragraphs. */
export function scriptBlocks(text: string): TextBlockInput[] {
  const out: TextBlockInput[] = [];
  let i = 0;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    for (let at = 0; at < line.length; at += MAX_PIECE_CHARS) {
      const para = line.slice(at, at + MAX_PIECE_CHARS);
      out.push({ id: `script:${i}:${hash(para)}`, text: para, source: 'script' });
      i++;
    }
  }
  return out;
}

/** Chat messages that repeat (same author, same words) inside this window are the same message. */
export const CHAT_BUCKET_MS = 60_000;

export function chatKey(item: ChatItem): string {
  return `${item.author.trim()}\u0001${item.text.replace(/\s+/g, ' ').trim()}`;
}

export function chatBlock(item: ChatItem, now: number): TextBlockInput {
  const at = item.at ?? now;
  return {
    id: `chat:${hash(chatKey(item))}:${Math.floor(at / CHAT_BUCKET_MS)}`,
    text: item.text.slice(0, MAX_CHAT_CHARS),
    source: 'chat',
    ...(item.author ? { author: item.author.slice(0, 200) } : {}),
    at,
  };
}

export function captionBlocks(lines: string[]): TextBlockInput[] {
  return lines.map((text, i) => ({ id: `cap:${i}`, text, source: 'captions' as const }));
}

/**
 * Which paragraphs to send after an edit: the ones whose id is new, and the ids that vanished.
 * Typing in paragraph 3 of 40 sends one block, not forty.
 */
export function diffBlocks(previous: ReadonlySet<string>, next: TextBlockInput[]): { changed: TextBlockInput[]; removed: string[] } {
  const nextIds = new Set(next.map((b) => b.id));
  return {
    changed: next.filter((b) => !previous.has(b.id)),
    removed: [...previous].filter((id) => !nextIds.has(id)),
  };
}
