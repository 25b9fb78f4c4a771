// `node rules/bin/run-ts.mjs tests/regression/explain.ts`: when findings.test.ts fails, how many
// texts changed per view (per rule / host), the first per-rule changes (ids and offsets only, never
// the texts), and whether the host view still names the same categories per text (a merge of
// overlapping spans of one category changes spans, never the set of categories).
import { readFileSync } from 'node:fs';
import { compile, type PackInput } from '../../rules/engine/index.ts';
import { collect, decode, FROZEN_PACKS, SNAPSHOT } from './findings.ts';
const packs = JSON.parse(readFileSync(FROZEN_PACKS, 'utf8')) as PackInput[];
const stored = decode(JSON.parse(readFileSync(SNAPSHOT, 'utf8')));
const c = compile(packs);
for (const mode of ['rules', 'host'] as const) {
  const got = collect(c, mode, packs);
  let n = 0; const ex: string[] = [];
  for (const corpus of Object.keys(stored[mode])) {
    const a = stored[mode][corpus] ?? {}, b = got[corpus] ?? {};
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if ((a[k] ?? '') !== (b[k] ?? '')) { n++; if (ex.length < 30 && mode === "rules") ex.push(`${corpus} ${k}: ${(a[k] ?? "").slice(0, 300)} => ${(b[k] ?? "").slice(0, 300)}`); }
  }
  console.log(mode, 'differences', n); for (const e of ex) console.log(' ', e);
}
// Host view: the categories per text must be the same before and after (a merge only joins spans).
{
  const got = collect(c, 'host', packs);
  const rulesOf = new Map(packs.flatMap((p) => p.rules.map((r) => [r.id!, r.category] as const)));
  const cats = (v: string | undefined) => [...new Set((v ?? '').split(' ').filter(Boolean).map((f) => rulesOf.get(f.split('@')[0])))].sort().join(',');
  let changed = 0;
  for (const corpus of Object.keys(stored.host)) {
    const a = stored.host[corpus] ?? {}, b = got[corpus] ?? {};
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (cats(a[k]) !== cats(b[k])) { changed++; if (changed < 10) console.log('category set changed', corpus, k, cats(a[k]), '=>', cats(b[k])); }
  }
  console.log('texts whose host categories changed:', changed);
}
