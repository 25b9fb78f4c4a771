// Corpus report: accuracy of the shipped packs, classifier and product checks per writer and split.
//
//   node rules/bin/run-ts.mjs tests/corpus/report.ts [--split tune|held|all] [--kind K]... [--misses] [--model]
//
// --misses prints the misses of TUNE writers only: held writers are scored, never read.
import { compile } from '../../rules/engine/index.ts';
import { classifyMessage as classify } from '../../rules/engine/classify/index.ts';
import { loadBuiltinPacks } from '../../rules/cli/pack-files.ts';
import { productSets, writers, type Kind, type Split } from './corpus.ts';
import { scoreChat, scoreProducts, scoreScripts, scoreSentences, type ChatCase, type ScriptCase, type SentenceCase } from './score-lib.ts';

const argv = process.argv.slice(2);
const opt = (n: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : undefined);
const splits: Split[] = opt('--split') === 'all' || !opt('--split') ? ['tune', 'held'] : [opt('--split') as Split];
const kinds = argv.flatMap((a, i) => (argv[i - 1] === '--kind' ? [a as Kind] : []));
const want = (k: Kind) => kinds.length === 0 || kinds.includes(k);
const showMisses = argv.includes('--misses');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-');

// --model: with the learned second opinion, as the product ships (without it: the rules alone).
const checker = compile(loadBuiltinPacks(), { model: argv.includes('--model') });

for (const split of splits) {
  const misses = showMisses && split === 'tune';
  for (const kind of ['sentences', 'enforcement', 'ordinary'] as const) {
    if (!want(kind)) continue;
    const ws = writers<SentenceCase>(split, kind);
    if (!ws.length) continue;
    console.log(`\n== ${split} ${kind}`);
    const all: SentenceCase[] = [];
    for (const w of ws) {
      const s = scoreSentences(w.rows, checker);
      all.push(...w.rows);
      console.log(`${w.writer.padEnd(10)} cases ${String(s.cases).padStart(4)}  precision ${f2(s.precision)} recall ${f2(s.recall)} clean-false-alarm ${f2(s.cleanFalseAlarm)} exact ${f2(s.exact)}`);
      if (misses) for (const m of s.misses) console.log(`  miss ${m.id}: expect [${m.expect}] got [${m.got}]  ${m.text}`);
    }
    const s = scoreSentences(all, checker);
    console.log(`${'ALL'.padEnd(10)} cases ${String(s.cases).padStart(4)}  precision ${f2(s.precision)} recall ${f2(s.recall)} clean-false-alarm ${f2(s.cleanFalseAlarm)} exact ${f2(s.exact)}`);
    for (const [cat, c] of [...s.perCategory].sort()) console.log(`  ${cat.padEnd(26)} tp ${String(c.tp).padStart(4)} fp ${String(c.fp).padStart(3)} fn ${String(c.fn).padStart(3)}  P ${f2(c.tp / (c.tp + c.fp))} R ${f2(c.tp / (c.tp + c.fn))}`);
  }
  if (want('scripts')) {
    const ws = writers<ScriptCase>(split, 'scripts');
    if (ws.length) {
      console.log(`\n== ${split} scripts (span level, one block per line)`);
      for (const w of ws) {
        const s = scoreScripts(w.rows, checker);
        console.log(`${w.writer.padEnd(10)} scripts ${s.scripts} spans ${s.spans}  span-recall ${f2(s.spanRecall)} finding-precision ${f2(s.findingPrecision)}`);
        if (misses) for (const m of s.missed) console.log(`  missed ${m.id} ${m.category}: ${m.words}`);
      }
      const s = scoreScripts(ws.flatMap((w) => w.rows), checker);
      console.log(`${'ALL'.padEnd(10)} scripts ${s.scripts} spans ${s.spans}  span-recall ${f2(s.spanRecall)} finding-precision ${f2(s.findingPrecision)}`);
      for (const [cat, c] of [...s.perCategory].sort()) console.log(`  ${cat.padEnd(26)} ${c.found}/${c.total}  R ${f2(c.found / c.total)}`);
    }
  }
  if (want('chat')) {
    const ws = writers<ChatCase>(split, 'chat');
    if (ws.length) {
      console.log(`\n== ${split} chat`);
      const line = (name: string, rows: ChatCase[]) => {
        const s = scoreChat(rows, (t) => classify(t).kind);
        const r = (k: string) => f2(s.recall.get(k) ?? NaN);
        console.log(`${name.padEnd(10)} messages ${String(s.messages).padStart(4)} accuracy ${f2(s.accuracy)} risky ${r('risky-question')} off-platform ${r('off-platform')} complaint ${r('complaint')} purchase ${r('purchase')} question ${r('question')} spam ${r('spam')} other ${r('other')}`);
        return s;
      };
      for (const w of ws) {
        const s = line(w.writer, w.rows);
        if (misses) for (const m of s.misses) console.log(`  miss ${m.id}: ${m.kind} got ${m.got}  ${m.text}`);
      }
      line('ALL', ws.flatMap((w) => w.rows));
    }
  }
  if (want('products')) {
    for (const set of productSets(split)) {
      const s = scoreProducts(set.statements, set.products, checker);
      console.log(`\n== ${split} products ${set.writer}: statements ${s.statements} precision ${f2(s.precision)} recall ${f2(s.recall)}`);
      for (const [fact, c] of [...s.perFact].sort()) console.log(`  ${fact.padEnd(18)} caught ${c.caught}/${c.wrong}  false alarms ${c.falseAlarms}/${c.right}`);
      if (misses) for (const m of s.misses) console.log(`  miss ${m.id} (${m.wrong ? 'wrong' : 'right'} ${m.fact}) ${m.text}${m.got.length ? '  got: ' + m.got.join(' | ') : ''}`);
    }
  }
}
