// `npm run bench`: the engine against its peers, on the same generated lexicons and texts, in one
// run on one machine, so the ratios mean something. Prints a Markdown table (pasted in README).
//
// Rows per lexicon size (1,000 / 10,000 / 50,000 CJK terms):
//   scan        a bare charCodeAt loop: the ceiling any matcher is measured against
//   ac-bare     our Aho-Corasick over already-normalised text (matching only)
//   engine      the full checker.check(): normalisation, matching, exceptions, negation, scoping
//   mint-filter, modern-ahocorasick, indexOf loop, RegExp alternation: bare matching peers
// Peers slower than 1 M chars/s run on a 20,000-character sample (and 2,000 chat messages).
import { builtinChatModel, ChatModel, classifyMessage } from '../../rules/engine/classify/index.ts';
import { CHAT_MODEL_DATA } from '../../rules/engine/data/chat-model.ts';
import { writeFileSync, mkdirSync } from 'node:fs';
import { Mint } from 'mint-filter';
import AhoCorasick from 'modern-ahocorasick';
import { compile, loadCompiled, SecondOpinion, type PackInput } from '../../rules/engine/index.ts';
import { BUILTIN_MODEL } from '../../rules/engine/data/model.ts';
import { loadBuiltinPacks } from '../../rules/cli/pack-files.ts';
import { writers } from '../corpus/corpus.ts';
import { buildAhoCorasick, countMatches } from '../../rules/engine/matchers/aho-corasick.ts';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const DOC_CHARS = 200_000;
const SCRIPT_CHARS = 2_000;
const CHAT_MESSAGES = 50_000;
const SLOW_SAMPLE = 20_000;
const SLOW_MESSAGES = 2_000;

// Deterministic generator so every run and every matcher sees the same data.
let seed = 20261125;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
const POOL = Array.from({ length: 3500 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20900)));
const FILLER = '家人们这款今天直播间的宝宝们看一下上身效果非常好穿搭配色，。！？ 1234567890'.split('');

function makeTerms(n: number): string[] {
  const set = new Set<string>();
  while (set.size < n) {
    const len = 2 + Math.floor(rand() * 4);
    let t = '';
    for (let i = 0; i < len; i++) t += pick(POOL);
    set.add(t);
  }
  return [...set];
}

function makeText(chars: number, terms: string[]): string {
  let s = '';
  while (s.length < chars) {
    const r = rand();
    s += r < 0.04 ? pick(terms) : r < 0.6 ? pick(FILLER) : pick(POOL);
  }
  return s.slice(0, chars);
}

function makeMessages(n: number, terms: string[]): string[] {
  return Array.from({ length: n }, () => makeText(6 + Math.floor(rand() * 20), terms));
}

const now = () => performance.now();
const heapMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

interface Row {
  size: number;
  name: string;
  buildMs: number;
  mcps: number;
  scriptUs: number;
  medianUs: number;
  p99Us: number;
  heapMb: number;
  sample: number;
}

interface Matcher {
  name: string;
  build: (terms: string[]) => (text: string) => number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const peers: Matcher[] = [
  {
    name: 'mint-filter',
    build: (terms) => {
      const m = new Mint(terms);
      return (t) => m.filter(t, { replace: false }).words.length;
    },
  },
  {
    name: 'modern-ahocorasick',
    build: (terms) => {
      const m = new AhoCorasick(terms);
      return (t) => m.count(t);
    },
  },
  {
    name: 'indexOf loop',
    build: (terms) => (t) => {
      let n = 0;
      for (const term of terms) for (let at = t.indexOf(term); at >= 0; at = t.indexOf(term, at + 1)) n++;
      return n;
    },
  },
  {
    name: 'RegExp alternation',
    build: (terms) => {
      const re = new RegExp(terms.map(escape).join('|'), 'g');
      return (t) => {
        let n = 0;
        re.lastIndex = 0;
        while (re.exec(t)) n++;
        return n;
      };
    },
  },
];

function timeIt(fn: () => unknown, minMs = 300): number {
  fn(); // warm-up (JIT, lazily built tables)
  let runs = 0;
  const t0 = now();
  do {
    fn();
    runs++;
  } while (now() - t0 < minMs);
  return (now() - t0) / runs;
}

function perMessage(fn: (t: string) => unknown, messages: string[]): { median: number; p99: number } {
  for (let i = 0; i < Math.min(200, messages.length); i++) fn(messages[i]);
  const times = new Float64Array(messages.length);
  for (let i = 0; i < messages.length; i++) {
    const t0 = now();
    fn(messages[i]);
    times[i] = (now() - t0) * 1000;
  }
  times.sort();
  return { median: times[Math.floor(times.length / 2)], p99: times[Math.floor(times.length * 0.99)] };
}

function measure(size: number, name: string, build: () => (t: string) => unknown, doc: string, script: string, messages: string[]): Row {
  const before = heapMb();
  const t0 = now();
  const run = build();
  const buildMs = now() - t0;
  const heap = heapMb() - before;
  // Probe speed on a sample first; slow matchers stay on the sample.
  const sampleMs = timeIt(() => run(doc.slice(0, SLOW_SAMPLE)), 200);
  const fast = SLOW_SAMPLE / sampleMs / 1000 >= 1;
  const text = fast ? doc : doc.slice(0, SLOW_SAMPLE);
  const docMs = fast ? timeIt(() => run(text)) : sampleMs;
  const scriptMs = timeIt(() => run(script));
  const pm = perMessage(run, fast ? messages : messages.slice(0, SLOW_MESSAGES));
  return { size, name, buildMs, mcps: text.length / docMs / 1000, scriptUs: scriptMs * 1000, medianUs: pm.median, p99Us: pm.p99, heapMb: heap, sample: text.length };
}

function packOf(terms: string[]): PackInput {
  // 100 terms per rule, like a real pack's term lists.
  const rules = [];
  for (let i = 0; i < terms.length; i += 100) {
    rules.push({
      type: 'term' as const,
      category: 'absolute-term' as const,
      message: { zh: '测试', en: 'test' },
      basis: 'bench',
      terms: terms.slice(i, i + 100),
      examples: { flag: [`[[${terms[i]}]]`], pass: ['x'] },
    });
  }
  return { id: 'bench', name: { zh: 'bench', en: 'bench' }, rules };
}

const rows: Row[] = [];
const extras: string[] = [];
for (const size of SIZES) {
  const terms = makeTerms(size);
  const doc = makeText(DOC_CHARS, terms);
  const script = makeText(SCRIPT_CHARS, terms);
  const messages = makeMessages(CHAT_MESSAGES, terms);

  rows.push(
    measure(size, 'scan (charCodeAt)', () => (t: string) => {
      let h = 0;
      for (let i = 0; i < t.length; i++) h = (h + t.charCodeAt(i)) | 0;
      return h;
    }, doc, script, messages),
  );
  rows.push(measure(size, 'ac-bare (ours, matching only)', () => {
    const ac = buildAhoCorasick(terms);
    return (t: string) => countMatches(ac, t);
  }, doc, script, messages));
  const pack = packOf(terms);
  rows.push(measure(size, 'engine check (ours, full)', () => {
    const c = compile([pack]);
    return (t: string) => c.check([{ id: 'b', text: t }]).length;
  }, doc, script, messages));
  for (const p of peers) rows.push(measure(size, p.name, () => p.build(terms), doc, script, messages));

  // Compiled form: structured clone (what IndexedDB stores) then load, against compiling.
  const c = compile([pack]);
  const data = c.serialize();
  const compileMs = timeIt(() => compile([pack]), 500);
  const cloneLoadMs = timeIt(() => loadCompiled(structuredClone(data)), 500);
  const loadMs = timeIt(() => loadCompiled(data), 200);
  extras.push(`| ${size.toLocaleString('en')} | ${compileMs.toFixed(1)} | ${cloneLoadMs.toFixed(1)} | ${loadMs.toFixed(2)} |`);
  // Sanity: the engine and a peer agree on the number of matches of the bare matcher.
  const bare = countMatches(buildAhoCorasick(terms), doc.slice(0, SLOW_SAMPLE));
  const peer = new AhoCorasick(terms).count(doc.slice(0, SLOW_SAMPLE));
  if (bare !== peer) throw new Error(`match counts differ: ours ${bare}, modern-ahocorasick ${peer}`);
}

const fmt = (n: number, d = 1) => (n >= 100 ? n.toFixed(0) : n.toFixed(d));
const lines = [
  `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; doc ${DOC_CHARS.toLocaleString('en')} chars, script ${SCRIPT_CHARS} chars, ${CHAT_MESSAGES.toLocaleString('en')} chat messages (slow peers: ${SLOW_SAMPLE.toLocaleString('en')}-char sample, ${SLOW_MESSAGES} messages).`,
  '',
  '| terms | matcher | build ms | M chars/s | 2k script µs | chat median µs | chat p99 µs | heap MB | vs mint-filter |',
  '|---:|---|---:|---:|---:|---:|---:|---:|---:|',
];
for (const size of SIZES) {
  const mint = rows.find((r) => r.size === size && r.name === 'mint-filter')!;
  for (const r of rows.filter((x) => x.size === size)) {
    lines.push(
      `| ${size.toLocaleString('en')} | ${r.name}${r.sample < DOC_CHARS ? ' *' : ''} | ${fmt(r.buildMs)} | ${fmt(r.mcps, 2)} | ${fmt(r.scriptUs)} | ${r.medianUs.toFixed(1)} | ${r.p99Us.toFixed(1)} | ${fmt(Math.max(0, r.heapMb))} | ${(r.mcps / mint.mcps).toFixed(1)}x |`,
    );
  }
  const scan = rows.find((r) => r.size === size && r.name.startsWith('scan'))!;
  const bare = rows.find((r) => r.size === size && r.name.startsWith('ac-bare'))!;
  const eng = rows.find((r) => r.size === size && r.name.startsWith('engine'))!;
  lines.push(`| | **ratios** | | scan/ac-bare ${(scan.mcps / bare.mcps).toFixed(1)}x | | engine/mint ${(eng.mcps / mint.mcps).toFixed(1)}x | | | |`);
}
lines.push('', '\\* measured on the sample (slower than 1 M chars/s).', '', '| terms | compile ms | structured-clone + load ms | load ms |', '|---:|---:|---:|---:|', ...extras);
// What ships: the built-in packs on real host sentences (the tune writers' corpus), rules alone and
// with the second-opinion model, so the model's cost is measured where it runs.
{
  const sentences = writers('tune', 'sentences').flatMap((w) => w.rows.map((r) => r.text));
  const chars = sentences.reduce((a, t) => a + t.length, 0);
  const rulesOnly = compile(loadBuiltinPacks());
  const withModel = compile(loadBuiltinPacks(), { model: true });
  const perSentence = (c: typeof rulesOnly) => {
    const us: number[] = [];
    for (let round = 0; round < 5; round++) for (const t of sentences) {
      const t0 = now();
      c.check([{ id: 'b', text: t }]);
      us.push((now() - t0) * 1000);
    }
    us.sort((a, b) => a - b);
    const total = timeIt(() => { for (const t of sentences) c.check([{ id: 'b', text: t }]); }, 500);
    return { median: us[Math.floor(us.length / 2)], p99: us[Math.floor(us.length * 0.99)], mcps: chars / total / 1000 };
  };
  const a = perSentence(rulesOnly), b = perSentence(withModel);
  const loadMs = timeIt(() => new SecondOpinion(BUILTIN_MODEL), 300);
  lines.push(
    '', `Shipped packs on ${sentences.length.toLocaleString('en')} real host sentences (${chars.toLocaleString('en')} chars, tune corpus):`, '',
    '| checker | sentence median µs | sentence p99 µs | M chars/s |', '|---|---:|---:|---:|',
    `| rules only | ${a.median.toFixed(1)} | ${a.p99.toFixed(1)} | ${a.mcps.toFixed(2)} |`,
    `| rules + second-opinion model | ${b.median.toFixed(1)} | ${b.p99.toFixed(1)} | ${b.mcps.toFixed(2)} |`,
    '', `Model decode (once per worker start): ${loadMs.toFixed(1)} ms.`,
  );
}
// What ships for viewer chat: the classifier on the tune chat writers' messages, by the rules' cues
// alone and with the chat model, per message (the panel's budget at 200 messages a second is 5 ms).
{
  const texts = writers<{ text: string }>('tune', 'chat').flatMap((w) => w.rows.map((r) => r.text));
  const model = builtinChatModel();
  const per = (m: typeof model) => {
    const us: number[] = [];
    for (let round = 0; round < 20; round++) for (const t of texts) {
      const t0 = now();
      classifyMessage(t, m);
      us.push((now() - t0) * 1000);
    }
    us.sort((a, b) => a - b);
    return { median: us[Math.floor(us.length / 2)], p99: us[Math.floor(us.length * 0.99)] };
  };
  const r = per(null), m = per(model);
  const decodeMs = timeIt(() => new ChatModel(CHAT_MODEL_DATA!), 300);
  lines.push(
    '', `Chat classifier on ${texts.length.toLocaleString('en')} real viewer messages (tune chat corpus):`, '',
    '| classifier | message median µs | message p99 µs |', '|---|---:|---:|',
    `| rule cues only | ${r.median.toFixed(1)} | ${r.p99.toFixed(1)} |`,
    `| rule cues + chat model (shipped) | ${m.median.toFixed(1)} | ${m.p99.toFixed(1)} |`,
    '', `Chat model decode (once per worker start): ${decodeMs.toFixed(1)} ms.`,
  );
}
const out = lines.join('\n');
console.log(out);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.md', import.meta.url), out + '\n');
