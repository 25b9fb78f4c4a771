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

/** GBK bytes for the handful of characters the test uses (Node's TextEncoder only writes UTF-8). */
class TextEncoderGbk {
  private static readonly TABLE: Record<string, number[]> = {
    今: [0xbd, 0xf1], 天: [0xcc, 0xec], 全: [0xc8, 0xab], 网: [0xcd, 0xf8], 最: [0xd7, 0xee], 低: [0xb5, 0xcd], 价: [0xbc, 0xdb], '！': [0xa3, 0xa1],
  };
  encode(s: string): number[] {
    return [...s].flatMap((c) => TextEncoderGbk.TABLE[c] ?? [c.charCodeAt(0)]);
  }
}

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

  it('reads scripts saved as GBK, UTF-16 or with a BOM, counts columns from the BOM-less text, and refuses binary', () => {
    const line = '今天 全网最低价！\n';
    const files: Array<[string, Buffer]> = [
      ['gbk.txt', Buffer.from(new TextEncoderGbk().encode(line))],
      ['utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(line, 'utf16le')])],
      ['bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(line)])],
    ];
    for (const [name, bytes] of files) {
      const f = join(dir, name);
      writeFileSync(f, bytes);
      const r = cli(['check', '--no-builtin', '--pack', pack, f]);
      expect({ name, code: r.code, out: r.out.trim() }).toMatchObject({ code: 1, out: expect.stringMatching(/^1:4 错误 mini\/lowest-price 「全网最低价」/) });
    }
    const bin = join(dir, 'image.png');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const r = cli(['check', '--no-builtin', '--pack', pack, bin]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/image\.png: 无法识别文件编码/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('gives code-point columns after emoji, and finds every hit on one long line', () => {
    const long = '😀'.repeat(3) + '全网最低价' + '，好'.repeat(20_000) + '全网最低价';
    const r = cli(['check', '--no-builtin', '--pack', pack, '--format', 'json', '-'], long + '\n');
    const cols = JSON.parse(r.out).findings.map((f: { column: number }) => f.column);
    expect(cols).toEqual([4, 4 + 5 + 40_000]);
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
