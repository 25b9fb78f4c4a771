import { DEFAULT_SCRIPT, HOST_LINES, messageAt, PRODUCT } from './chat-messages.js';

// The demo console: a script box, the product being presented, ASR-style captions and a chat that
// replays viewer messages at a chosen rate. Query parameters (all optional):
//   rate=200      messages per second (default 3)        count=2000  stop after this many
//   unique=1      every nickname unique (exact counting)  feed=network  chat arrives by polling
//   maxRows=200   rows kept in the list (older removed)   captions=3000 ms between caption lines (0: off)
//                                                           /demo-api/comment/info like 巨量百应
// window.__demo exposes the page's own counters for the E2E tests (the extension never writes it).

const q = new URLSearchParams(location.search);
const num = (k, d) => (q.has(k) && Number.isFinite(Number(q.get(k))) ? Number(q.get(k)) : d);
const state = {
  rate: num('rate', 3),
  count: num('count', Infinity),
  unique: q.get('unique') === '1',
  feed: q.get('feed') === 'network' ? 'network' : 'dom',
  maxRows: num('maxRows', 200),
  captionMs: num('captions', 3000),
  paused: false,
};
const demo = (window.__demo = { sent: 0, rendered: 0, lastInputAt: 0, done: false, started: performance.now() });

// ---- script box -------------------------------------------------------------------------------
const scriptBox = () => document.getElementById('script');
scriptBox().value = q.get('script') ?? DEFAULT_SCRIPT;
// Recorded by the page itself so the E2E test measures from the real keystroke, not from Playwright.
document.addEventListener('input', (e) => {
  if (e.target && e.target.id === 'script') demo.lastInputAt = Date.now();
}, true);
document.getElementById('replace-script').addEventListener('click', () => {
  // Consoles built with React/Vue re-create their editors; the sensor must find the new one.
  const old = scriptBox();
  const fresh = document.createElement('textarea');
  fresh.id = 'script';
  fresh.rows = old.rows;
  fresh.spellcheck = false;
  fresh.value = old.value;
  old.replaceWith(fresh);
});

// ---- product ----------------------------------------------------------------------------------
for (const el of document.querySelectorAll('#product [data-field]')) {
  const f = el.dataset.field;
  el.textContent = f === 'category' ? PRODUCT.categoryLabel : PRODUCT[f];
}

// ---- captions ---------------------------------------------------------------------------------
const captions = document.getElementById('captions');
let captionIndex = 0;
function nextCaption() {
  const line = document.createElement('div');
  line.className = 'caption-line';
  line.textContent = HOST_LINES[captionIndex++ % HOST_LINES.length];
  captions.append(line);
  while (captions.children.length > 3) captions.firstElementChild.remove();
}
if (state.captionMs > 0) {
  nextCaption();
  setInterval(nextCaption, state.captionMs);
}

// ---- chat -------------------------------------------------------------------------------------
const chat = document.getElementById('chat');
const stats = document.getElementById('chat-stats');

function render(messages) {
  const frag = document.createDocumentFragment();
  for (const m of messages) {
    const li = document.createElement('li');
    li.className = 'chat-row';
    li.dataset.seq = String(m.seq);
    const a = document.createElement('span');
    a.className = 'author';
    a.textContent = m.author;
    const t = document.createElement('span');
    t.className = 'text';
    t.textContent = m.text;
    li.append(a, t);
    frag.append(li);
  }
  const atBottom = chat.scrollTop + chat.clientHeight >= chat.scrollHeight - 40;
  chat.append(frag);
  // Real consoles keep a window of recent rows; the rest are removed (or virtualised).
  while (chat.children.length > state.maxRows) chat.firstElementChild.remove();
  if (atBottom) chat.scrollTop = chat.scrollHeight;
  demo.rendered += messages.length;
  stats.textContent = `${demo.sent}`;
}

let inFlight = false;
async function fetchBatch(from, n) {
  inFlight = true;
  try {
    const res = await fetch(`/demo-api/comment/info?cursor=${from}&count=${n}&unique=${state.unique ? 1 : 0}`);
    const body = await res.json();
    render(body.data.comment_infos.map((c) => ({ seq: Number(c.comment_id), author: c.nick_name, text: c.content })));
  } finally {
    inFlight = false;
  }
}

let clock = { t0: performance.now(), base: 0 };
function tick() {
  if (state.paused || demo.done || inFlight) return;
  const due = Math.floor(((performance.now() - clock.t0) * state.rate) / 1000) + clock.base;
  const target = Math.min(due, state.count);
  const n = target - demo.sent;
  if (n <= 0) return;
  const from = demo.sent;
  demo.sent = target;
  if (state.feed === 'network') void fetchBatch(from, n);
  else render(Array.from({ length: n }, (_, i) => messageAt(from + i, state.unique)));
  if (demo.sent >= state.count) demo.done = true;
}
setInterval(tick, 50);

const rateSelect = document.getElementById('rate');
if (![...rateSelect.options].some((o) => Number(o.value) === state.rate)) rateSelect.add(new Option(`${state.rate}/s`, String(state.rate)));
rateSelect.value = String(state.rate);
rateSelect.addEventListener('change', () => {
  state.rate = Number(rateSelect.value);
  clock = { t0: performance.now(), base: demo.sent };
});
document.getElementById('pause').addEventListener('click', (e) => {
  state.paused = !state.paused;
  e.currentTarget.textContent = state.paused ? '继续 · Resume' : '暂停 · Pause';
  clock = { t0: performance.now(), base: demo.sent };
});
document.getElementById('rerender').addEventListener('click', () => {
  // A virtual list re-renders: the same messages, brand-new elements. None may be counted twice.
  const rows = [...chat.children].map((li) => li.cloneNode(true));
  chat.replaceChildren(...rows);
});
