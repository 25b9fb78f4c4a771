import { signal } from '@preact/signals';
import type { Locale } from '../../components/i18n.ts';
import type { PickKind } from '../../components/PickButtons.tsx';
import { snapshot } from './live-model.ts';

export const pickStatus = signal<string | undefined>(undefined);
export const pickBusy = signal(false);

const TEXT = {
  zh: {
    noTab: '找不到要读取的页面：先切到直播页面再点。',
    refused: '未授权此网站：这次可以指定，但下次打开不会记住。',
    started: '请在页面上点击要读取的区域（Esc 取消）。',
    failed: '无法在此页面启动：{e}',
  },
  en: {
    noTab: 'No page to read: switch to the live page first.',
    refused: 'Site access not granted: picking works this time but will not be remembered.',
    started: 'Click the area to read on the page (Esc cancels).',
    failed: 'Could not start on this page: {e}',
  },
} as const;

async function targetTab(): Promise<number | undefined> {
  const fromFeed = snapshot.value?.tabId;
  if (typeof fromFeed === 'number') return fromFeed;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

/**
 * Host access to a site no adapter covers must be asked for from the click (a user gesture).
 * Resolves false when the user refuses; picking still works once on this page through activeTab,
 * but is not remembered for the next visit (`remembered: false`).
 */
async function requestSiteAccess(originOrUrl: string): Promise<boolean> {
  const u = new URL(originOrUrl);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  return browser.permissions.request({ origins: [`${u.origin}/*`] });
}

/**
 * The sequence background/picks/site-picks.ts expects: ask which origin the tab shows, ask the
 * user for that site from this click (a permission prompt needs the user's gesture) when no
 * adapter covers it, then start the picker in the page.
 */
export async function startPick(kind: PickKind, locale: Locale): Promise<void> {
  const text = TEXT[locale];
  pickBusy.value = true;
  try {
    const tabId = await targetTab();
    if (tabId === undefined) {
      pickStatus.value = text.noTab;
      return;
    }
    const where = (await browser.runtime.sendMessage({ type: 'livelint:pick-origin', tabId })) as { origin?: string; covered?: boolean; error?: string };
    let granted = true;
    if (where?.origin && !where.covered) granted = await requestSiteAccess(where.origin).catch(() => false);
    const r = (await browser.runtime.sendMessage({ type: 'livelint:pick-start', tabId, kind })) as { ok?: boolean; error?: string };
    if (!r?.ok) pickStatus.value = text.failed.replace('{e}', r?.error ?? where?.error ?? '?');
    else pickStatus.value = granted ? text.started : `${text.started} ${text.refused}`;
  } catch (e) {
    pickStatus.value = text.failed.replace('{e}', String((e as Error)?.message ?? e));
  } finally {
    pickBusy.value = false;
  }
}
