import { z } from 'zod';
import { defineSiteAdapter } from './sites/define.ts';
import type { SiteAdapter } from './sites/types.ts';

// Elements a user pointed at on a page no adapter knows, remembered per site (origin). Shared by
// the content script and the background (entrypoints/background/site-picks.ts); no side effects.

export const PICK_KINDS = ['script', 'chat'] as const;
export type PickKind = (typeof PICK_KINDS)[number];

export const pickTargetSchema = z.object({
  /** CSS selector; ' >>> ' steps into an open shadow root. */
  selector: z.string().min(1).max(2000),
  /** What the user saw when picking (tag and a text excerpt), shown in the panel. */
  label: z.string().max(200).default(''),
  pickedAt: z.number().int().nonnegative(),
});
export type PickTarget = z.output<typeof pickTargetSchema>;

export const sitePicksSchema = z.object({
  script: pickTargetSchema.optional(),
  chat: pickTargetSchema.optional(),
});
export type SitePicks = z.output<typeof sitePicksSchema>;

const origin = z.string().max(300).regex(/^https?:\/\/[^/]+$/, 'an origin like https://example.com');

export const picksGetSchema = z.object({ type: z.literal('livelint:picks-get'), origin });
export const picksSetSchema = z.object({
  type: z.literal('livelint:picks-set'),
  origin,
  kind: z.enum(PICK_KINDS),
  target: pickTargetSchema,
});
export const picksClearSchema = z.object({ type: z.literal('livelint:picks-clear'), origin });
/** side panel -> background: start the picker in a tab (after the panel obtained the permission). */
export const pickStartSchema = z.object({
  type: z.literal('livelint:pick-start'),
  tabId: z.number().int().nonnegative(),
  kind: z.enum(PICK_KINDS),
});
/** background -> content script */
export const pickerCommandSchema = z.object({
  type: z.literal('livelint:picker'),
  kind: z.enum(PICK_KINDS),
});
export const picksChangedSchema = z.object({ type: z.literal('livelint:picks-changed'), picks: sitePicksSchema });

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

/**
 * For the side panel's "pick on this page" button. Host access to a site no adapter covers must be
 * asked for from the click (a user gesture), so the panel's handler does:
 *
 *   const { origin, covered } = await browser.runtime.sendMessage({ type: 'livelint:pick-origin', tabId });
 *   if (origin && !covered) await requestSiteAccess(origin);   // the browser asks the user
 *   const r = await browser.runtime.sendMessage({ type: 'livelint:pick-start', tabId, kind: 'script' });
 *   // r: { ok: true, remembered } | { ok: false, error } (error text is bilingual)
 *
 * Resolves false when the user refuses; picking still works once on this page through activeTab,
 * but is not remembered for the next visit (`remembered: false`).
 */
export async function requestSiteAccess(originOrUrl: string): Promise<boolean> {
  const u = new URL(originOrUrl);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  return browser.permissions.request({ origins: [`${u.origin}/*`] });
}
