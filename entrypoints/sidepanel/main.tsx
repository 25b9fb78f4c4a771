import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/panel.css';
import { PanelApp } from './PanelApp.tsx';
import { VIEWS } from './views.tsx';
import { loadSettings } from './settings-model.ts';
import { startLive } from './live-model.ts';

// Paint the shell first, then connect: the panel must show content within 200 ms of opening.
// `livelint:first-content` is the mark the E2E harness measures (time-to-first-content).
performance.mark('livelint:modules-loaded');
const params = new URLSearchParams(location.search);
const pinned = Number(params.get('tab'));

render(<PanelApp />, document.getElementById('app')!);
performance.mark('livelint:first-content');
void loadSettings();
// The other tabs' code loads once the panel is idle, so switching tabs later is instant.
const preloadViews = () => VIEWS.forEach((v) => void v.preload?.());
if ('requestIdleCallback' in window) requestIdleCallback(preloadViews, { timeout: 1000 });
else setTimeout(preloadViews, 300);

void browser.windows
  .getCurrent()
  .then((w) => w.id)
  .catch(() => undefined)
  .then((windowId) => startLive(Number.isInteger(pinned) && pinned > 0 ? pinned : null, windowId));
