import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { miniPack } from '../../fixtures/engine/mini-pack.ts';

const bin = new URL('../../../rules/bin/livelint.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'livelint-cli-'));
const pack = join(dir, 'mini.json');
writeFileSync(pack, JSON.stringify(miniPack));

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('livelint CLI', { timeout: 90_000 }, () => {
  it('prints line:col severity rule message with the suggestion, exit 1 on an error finding', () => {
    const r = cli(['check', '--no-builtin', '--pack', pack, '-'], '开场没问题\n今天 全网最低价！\n');
    expect(r.code).toBe(1);
    expect(r.out.trim()).toMatch(/^2:4 错误 mini\/lowest-price 「全网最低价」.*价格法 第14条.*直播间专属价/);
  });

  it('exits 0 when only warnings or nothing are found', () => {
    expect(cli(['check', '--no-builtin', '--pack', pack, '-'], '最近很多宝宝问\n').code).toBe(0);
    expect(cli(['check', '--no-builtin', '--pack', pack, '-'], '这是最好的\n').code).toBe(0);
  });

  it('--format json gives the Finding contract with line and column', () => {
    const r = cli(['check', '--no-builtin', '--pack', pack, '--format', 'json', '-'], '蕞 低 價\n');
    const { findings } = JSON.parse(r.out);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'mini/lowest-price', category: 'false-price', severity: 'error', start: 0, end: 5, match: '蕞 低 價', line: 1, column: 1 });
  });

  it('--jsonl answers one row per input, in order, honouring productCategory', () => {
    const input = [
      { id: 'a', text: '美白精华', productCategory: 'cosmetics' },
      { id: 'b', text: '美白精华', productCategory: 'food' },
      { id: 'c', text: '全网最低价' },
    ].map((o) => JSON.stringify(o)).join('\n');
    const r = cli(['check', '--jsonl', '--no-builtin', '--pack', pack], input);
    expect(r.code).toBe(0);
    const rows = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((x) => [x.id, x.findings.map((f: { rule: string }) => f.rule)])).toEqual([
      ['a', ['mini/whitening']],
      ['b', []],
      ['c', ['mini/lowest-price']],
    ]);
  });

  it('bad input: one clear line naming the file and field, exit 2, no stack trace', () => {
    const missing = cli(['check', '--no-builtin', '--pack', join(dir, 'nope.yaml'), '-'], '');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope\.yaml: no such file/);
    const badPack = join(dir, 'bad.json');
    writeFileSync(badPack, JSON.stringify({ ...miniPack, rules: [{ ...miniPack.rules[0], severity: 'fatal' }] }));
    const malformed = cli(['check', '--no-builtin', '--pack', badPack, '-'], '');
    expect(malformed.code).toBe(2);
    expect(malformed.err).toMatch(/bad\.json: rules\.0\.severity/);
    const cat = cli(['check', '--category', 'cars', '-'], '');
    expect(cat.code).toBe(2);
    expect(cat.err).toMatch(/--category: unknown product category "cars"/);
    for (const r of [missing, malformed, cat]) expect(r.err).not.toMatch(/\n\s+at /);
    const jsonl = cli(['check', '--jsonl', '--no-builtin', '--pack', pack], '{"id":1,"text":5}\n');
    expect(jsonl.code).toBe(2);
    expect(jsonl.err).toMatch(/stdin line 1: field "text"/);
  });

  it('verify reports failing examples with exit 1', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...miniPack, rules: [{ ...miniPack.rules[0], examples: { flag: ['[[最近]]'], pass: ['x'] } }] }));
    const r = cli(['verify', broken]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAIL mini\/lowest-price \(flag\)/);
    expect(cli(['verify', pack]).code).toBe(0);
  });
});
