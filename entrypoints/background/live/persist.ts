import type { LiveService } from './service.ts';
import type { TabStateData } from './tab-state.ts';

// Chromium stops an idle MV3 worker after ~30 s; a host reading a script quietly would then see the
// panel reconnect to an empty feed. The live state is mirrored into storage.session (in memory,
// cleared when the browser closes, never written to disk or synced) and restored on the next start.

const KEY = 'livelint:live';
const SAVE_AFTER_MS = 500;

/** The slice of browser.storage.session used here (undefined on browsers without it). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function livePersistence(live: LiveService, area: SessionArea | undefined) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    async restore() {
      if (!area) return;
      try {
        const got = await area.get(KEY);
        const data = got[KEY];
        if (data && typeof data === 'object') live.importTabs(data as Record<string, TabStateData>);
      } catch (e) {
        console.warn('[livelint] could not restore the live state:', e);
      }
    },
    /** Called on every change; writes at most every SAVE_AFTER_MS. */
    schedule() {
      if (!area || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        area.set({ [KEY]: live.exportTabs() }).catch((e: unknown) => console.warn('[livelint] could not save the live state:', e));
      }, SAVE_AFTER_MS);
    },
  };
}
