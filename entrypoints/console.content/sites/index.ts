import buyin from './buyin.ts';
import channels from './channels.ts';
import type { SiteAdapter } from './types.ts';
import demo from './demo.ts';
import douyin from './douyin.ts';
import kuaishou from './kuaishou.ts';
import taobao from './taobao.ts';
import tiktok from './tiktok.ts';
import twitch from './twitch.ts';
import youtube from './youtube.ts';

/** Every built-in adapter. Order does not matter: a unit test proves no two claim the same URL. */
export const ADAPTERS: readonly SiteAdapter[] = [douyin, buyin, taobao, kuaishou, channels, tiktok, youtube, twitch, demo];

/** The content script's manifest matches: the union of the adapters'. */
export const CONTENT_MATCHES: string[] = [...new Set(ADAPTERS.flatMap((a) => a.matches))];

export function adapterFor(url: string): SiteAdapter | undefined {
  return ADAPTERS.find((a) => a.matchesUrl(url));
}
