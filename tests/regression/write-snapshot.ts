// `node rules/bin/run-ts.mjs tests/regression/write-snapshot.ts`: records what the current engine
// finds with the frozen packs on every corpus. Run it only when a change of findings is intended
// and say why in the commit (tests/unit/regression/findings.test.ts compares against it).
import { readFileSync, writeFileSync } from 'node:fs';
import { compile, type PackInput } from '../../rules/engine/index.ts';
import { collect, encode, FROZEN_PACKS, SNAPSHOT } from './findings.ts';

const packs = JSON.parse(readFileSync(FROZEN_PACKS, 'utf8')) as PackInput[];
const checker = compile(packs);
const host = collect(checker, 'host', packs);
const rules = collect(checker, 'rules', packs);
writeFileSync(SNAPSHOT, JSON.stringify(encode(rules, host), null, 0).replace(/\},"/g, '},\n"') + '\n');
const count = (m: typeof host) => Object.values(m).reduce((n, rows) => n + Object.keys(rows).length, 0);
console.log(`wrote ${SNAPSHOT}: ${count(host)} texts with findings (host), ${count(rules)} (per rule)`);
