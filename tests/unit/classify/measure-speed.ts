// Measures classifier cost per message: `npx tsx tests/unit/classify/measure-speed.ts`.
// The panel receives up to 200 chat messages a second; the budget is < 20 µs per message.
import { readdirSync, readFileSync } from 'node:fs';
import { classifyMessage } from '../../../rules/engine/classify/index.ts';

const files = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.jsonl'));
const texts = files.flatMap((f) =>
  readFileSync(new URL(f, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text),
);

// The machine is shared, so: warm up the JIT, then time several runs and report the best and
// the median (the best is the classifier's own cost, the median what contention adds).
const rounds = 100;
let sink = 0;
for (let r = 0; r < 20; r++) for (const t of texts) sink += classifyMessage(t).kind.length;
const perMessage: number[] = [];
for (let run = 0; run < 7; run++) {
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of texts) sink += classifyMessage(t).kind.length;
  perMessage.push(((performance.now() - t0) * 1000) / (rounds * texts.length));
}
perMessage.sort((a, b) => a - b);
console.log(
  `${texts.length} distinct messages x ${rounds} rounds x ${perMessage.length} runs: ` +
    `best ${perMessage[0].toFixed(2)} µs, median ${perMessage[3].toFixed(2)} µs per message` +
    (sink > 0 ? '' : ' (?)'),
);
