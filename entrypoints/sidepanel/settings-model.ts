import { effect, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { Locale } from '../../components/i18n.ts';

// Panel preferences. Chinese is the default; the English choice is remembered in storage.local.
// `?lang=en` in the URL (tests, a full-tab panel) wins over the stored choice.

const LOCALE_KEY = 'livelint:locale';
const params = new URLSearchParams(location.search);
const fromUrl = params.get('lang');

export const locale = signal<Locale>(fromUrl === 'en' ? 'en' : 'zh');
export const activeView = signal<string>(params.get('view') ?? 'live');

export async function loadSettings() {
  if (fromUrl) return;
  try {
    const got = await browser.storage.local.get(LOCALE_KEY);
    if (got[LOCALE_KEY] === 'en' || got[LOCALE_KEY] === 'zh') locale.value = got[LOCALE_KEY];
  } catch {
    // storage unavailable (e.g. opened outside the extension): keep the default
  }
}

export function toggleLocale() {
  locale.value = locale.value === 'zh' ? 'en' : 'zh';
  void browser.storage.local.set({ [LOCALE_KEY]: locale.value }).catch(() => {});
}

effect(() => {
  document.documentElement.lang = locale.value === 'zh' ? 'zh-CN' : 'en';
});
