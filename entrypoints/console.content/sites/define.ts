import { MatchPattern } from 'wxt/utils/match-patterns';
import type { TextBlockInput } from '../../../rules/engine/schema.ts';
import { captionBlocks, chatBlock, scriptBlocks } from '../blocks.ts';
import { editableText, queryFirst, readRows, textOf } from '../dom-read.ts';
import type { ChatItem, SiteAdapter, SiteAdapterSpec } from './types.ts';

/** "小鹿：这个适合油皮吗" -> author 小鹿; a row without a short prefix is all text. */
export function splitRow(rowText: string): ChatItem | null {
  if (!rowText) return null;
  const m = /^([^:：]{1,24})[:：]\s*(.+)$/su.exec(rowText);
  return m ? { author: m[1].trim(), text: m[2].trim() } : { author: '', text: rowText };
}

/** Strips the separators consoles print after a nickname ("小鹿：", "Anna:"). */
export function cleanAuthor(raw: string): string {
  return raw.replace(/[\s:：]+$/u, '').trim();
}

export function defineSiteAdapter(spec: SiteAdapterSpec): SiteAdapter {
  const patterns = spec.matches.map((m) => new MatchPattern(m));

  function readRow(row: Element): ChatItem | null {
    const textEl = queryFirst(row, spec.chat!.text, false);
    const text = textEl ? textOf(textEl) : '';
    if (!text) return spec.chat!.wholeRowFallback ? splitRow(textOf(row)) : null;
    const authorEl = spec.chat!.author ? queryFirst(row, spec.chat!.author, false) : null;
    // Some rows put the name inside the text element's parent: never count the text as the name.
    const author = authorEl && authorEl !== textEl && !authorEl.contains(textEl) ? cleanAuthor(textOf(authorEl)) : '';
    return { author, text };
  }

  const adapter: SiteAdapter = {
    ...spec,
    matchesUrl(url) {
      if (!patterns.some((p) => p.includes(url))) return false;
      if (!spec.paths) return true;
      try {
        return spec.paths.test(new URL(url).pathname);
      } catch {
        return false;
      }
    },
    presentIn: (doc) => !spec.marker || queryFirst(doc, spec.marker) !== null,
    findScriptBox: (root) => (spec.script ? queryFirst(root, spec.script.box) : null),
    findChatList: (root) => (spec.chat ? queryFirst(root, spec.chat.list) : null),
    findCaptions: (root) => (spec.captions ? queryFirst(root, spec.captions.container) : null),
    readChat(root, list) {
      if (!spec.chat) return [];
      const out: ChatItem[] = [];
      let rows: Element[];
      if (spec.chat.directChildren) {
        const el = root as Element;
        if (!list || el === list) rows = Array.from(el.children ?? []);
        else rows = el.parentElement === list ? [el] : [];
      } else rows = readRows(root, spec.chat.item);
      for (const row of rows) {
        const item = readRow(row);
        if (item) out.push(item);
      }
      return out;
    },
    readCaptionLines(container) {
      if (!spec.captions) return [];
      return readRows(container, spec.captions.line)
        .map((el) => ({ el, text: textOf(el) }))
        .filter((l) => l.text);
    },
    readProduct(root) {
      if (!spec.product) return undefined;
      const el = queryFirst(root, spec.product.name);
      const name = el ? textOf(el) : '';
      return name || undefined;
    },
    extract(root, now = Date.now()) {
      const blocks: TextBlockInput[] = [];
      const box = adapter.findScriptBox(root);
      if (box) blocks.push(...scriptBlocks(editableText(box)));
      const caps = adapter.findCaptions(root);
      if (caps) blocks.push(...captionBlocks(adapter.readCaptionLines(caps).map((l) => l.text)));
      const list = adapter.findChatList(root);
      if (list) for (const item of adapter.readChat(list)) blocks.push(chatBlock(item, now));
      return blocks;
    },
  };
  return adapter;
}
