import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_VOCABULARIES, compile, verifyPacks } from '../../../rules/engine/index.ts';
import { builtinPackDirs, readPackDir, readVocabularies, vocabulariesSource, BUILTIN_JSON, VOCABULARIES_TS } from '../../../rules/cli/pack-files.ts';
import { packsReadme, README } from '../../../rules/cli/readme-tables.ts';

// The one generic test that runs every built-in rule's examples (livelint verify runs the same code).
// It reads the YAML working copy of the vocabularies, so an edited vocabulary counts at once.
const packs = builtinPackDirs().map(readPackDir);
const vocabularies = readVocabularies();

describe('built-in packs', () => {
  it('exist and compile', () => {
    expect(packs.length).toBeGreaterThan(0);
    expect(() => compile(packs, { vocabularies })).not.toThrow();
  });

  it('every rule has must-flag and must-pass examples, and all of them hold', () => {
    for (const p of packs) for (const r of p.rules) {
      expect(r.examples.flag.length, r.id).toBeGreaterThan(0);
      expect(r.examples.pass.length, r.id).toBeGreaterThan(0);
    }
    const failures = verifyPacks(packs, { vocabularies }).map((f) => `${f.rule} (${f.kind}) ${f.text}: ${f.reason}`);
    expect(failures).toEqual([]);
  });

  it('builtin.json, the engine vocabulary data and the README tables are the build of the YAML sources (npm run packs)', () => {
    expect(existsSync(BUILTIN_JSON)).toBe(true);
    expect(readFileSync(BUILTIN_JSON, 'utf8')).toBe(JSON.stringify(packs, null, 1) + '\n');
    expect(readFileSync(VOCABULARIES_TS, 'utf8')).toBe(vocabulariesSource(vocabularies));
    expect(BUILTIN_VOCABULARIES).toEqual(vocabularies);
    const readme = readFileSync(README, 'utf8');
    expect(readme).toBe(packsReadme(readme, packs, vocabularies));
  });

  it('every built-in vocabulary says what belongs in it', () => {
    for (const [name, v] of Object.entries(vocabularies)) {
      expect(v.note.length, name).toBeGreaterThan(40);
      expect(new Set(v.words).size, `${name} repeats a word`).toBe(v.words.length);
    }
  });

  it('flags the foundation phrases and passes their look-alikes', () => {
    const checker = compile(packs);
    const flagged = (text: string) => checker.check([{ id: 'x', text }], { productCategory: 'apparel' }).length > 0;
    for (const t of ['全网最低价', '蕞 低 價', 'quan网zui低价']) expect(flagged(t), t).toBe(true);
    for (const t of ['最近很多宝宝问', '这不是全网最低价']) expect(flagged(t), t).toBe(false);
  });
});
