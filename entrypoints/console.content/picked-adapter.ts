import type { SitePicks } from '../../rules/protocol/picks.ts';
import { defineSiteAdapter } from './sites/define.ts';
import type { SiteAdapter } from './sites/types.ts';

/**
 * The adapter for this page with the user's picks laid over it: a picked script box replaces the
 * adapter's, a picked chat list is read row by row (its element children) with generic fallbacks.
 */
export function withPicks(base: SiteAdapter | undefined, picks: SitePicks): SiteAdapter | undefined {
  if (!picks.script && !picks.chat) return base;
  return defineSiteAdapter({
    ...(base ?? {}),
    id: base?.id ?? 'picked',
    name: base?.name ?? { zh: '手动选择的页面', en: 'Picked page' },
    matches: base?.matches ?? ['<all_urls>'],
    paths: undefined,
    script: picks.script ? { box: [picks.script.selector] } : base?.script,
    chat: picks.chat
      ? {
          list: [picks.chat.selector],
          item: [],
          directChildren: true,
          wholeRowFallback: true,
          author: ['[class*="nick" i]', '[class*="author" i]', '[class*="name" i]'],
          text: ['[class*="content" i]', '[class*="message" i]', '[class*="text" i]'],
        }
      : base?.chat,
  });
}
