import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, type PackInput } from '../../../rules/engine/index.ts';
import { collect, corpora, decode, FROZEN_PACKS, SNAPSHOT, type StoredSnapshot } from '../../regression/findings.ts';

// Engine changes (vocabularies, frames, prefilters, linear checks) must not change what the rules
// find. The packs are frozen (tests/fixtures/regression/packs.json) so pack edits by others do not
// move this test; the snapshot is rewritten only for an intended change, said in its commit
// (node rules/bin/run-ts.mjs tests/regression/write-snapshot.ts).
const packs = JSON.parse(readFileSync(FROZEN_PACKS, 'utf8')) as PackInput[];
const stored = decode(JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as StoredSnapshot);
const checker = compile(packs);

function differences(want: Record<string, Record<string, string>>, got: Record<string, Record<string, string>>, corpus: string): string[] {
  const a = want[corpus] ?? {};
  const b = got[corpus] ?? {};
  const out: string[] = [];
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if ((a[k] ?? '') !== (b[k] ?? '')) out.push(`${corpus} ${k}: was [${a[k] ?? ''}] now [${b[k] ?? ''}]`);
  }
  return out;
}

describe('findings on every corpus stay what they were', () => {
  const present = corpora(packs).map((c) => c.name);
  const got = { rules: collect(checker, 'rules', packs), host: collect(checker, 'host', packs) };
  for (const corpus of Object.keys(stored.rules)) {
    it.skipIf(!present.includes(corpus))(`${corpus}: per rule and as the host sees them`, () => {
      expect(differences(stored.rules, got.rules, corpus)).toEqual([]);
      expect(differences(stored.host, got.host, corpus)).toEqual([]);
    });
  }
  it('covers the corpora the repository ships', () => {
    for (const c of ['holdout-cases', 'holdout-chat', 'product-scripts', 'rule-examples']) expect(Object.keys(stored.rules)).toContain(c);
  });
});
