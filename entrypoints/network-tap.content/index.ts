import { TAP_MATCHES } from '../console.content/sites/tap-matches.ts';
import { installTap } from './tap.ts';

// Runs in the page's own world at document_start, before the console's scripts take references to
// fetch/XHR/WebSocket. It observes responses and never alters them (see tap.ts).
export default defineContentScript({
  matches: TAP_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  main() {
    installTap(window);
  },
});
