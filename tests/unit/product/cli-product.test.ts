import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

// `livelint check --product FILE` end to end: the real CLI process on the sample products and scripts.
const ROOT = new URL('../../../', import.meta.url).pathname;
const FIX = 'tests/fixtures/products/';

function livelint(...args: string[]) {
  const r = spawnSync(process.execPath, ['rules/bin/livelint.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('livelint check --product', () => {
  it('flags each wrong fact in the T-shirt script and names the recorded fact', () => {
    const r = livelint('check', '--today', '2026-11-03', '--product', FIX + 'tshirt.json', FIX + 'tshirt-wrong.txt');
    expect(r.code).toBe(1);
    expect(r.out).toContain('1:13 错误 product/composition 「100%纯棉」商品信息为 95%棉 5%氨纶，说成了 100%纯棉');
    expect(r.out).toMatch(/2:1 错误 product\/price 「原价899」商品信息为 划线价399元/);
    expect(r.out).toMatch(/product\/price 「一折」.*≈ 2\.5折/);
    expect(r.out).toMatch(/product\/origin 「产地新疆」商品信息为 产地广东佛山/);
    expect(r.out).toMatch(/product\/forbidden-claim 「永不变形」/);
    expect(r.out).toMatch(/-:- 提示 product\/missing-disclosure 尚未说明：赠品袜子数量有限，送完即止/);
  }, 60_000);

  it('passes the lawful version of the same script (exit 0, nothing printed)', () => {
    const r = livelint('check', '--today', '2026-11-03', '--product', FIX + 'tshirt.json', FIX + 'tshirt-ok.txt');
    expect(r.err).toBe('');
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  }, 60_000);

  it('reads a spreadsheet CSV product, JSON output carries the checklist', () => {
    const r = livelint('check', '--today', '2026-11-03', '--format', 'json', '--product', FIX + 'nuts.csv', FIX + 'nuts-wrong.txt');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out);
    const rules = out.findings.map((f: { rule: string }) => f.rule);
    for (const id of ['product/net-content', 'product/shelf-life', 'product/origin', 'product/price', 'product/forbidden-claim', 'product/missing-disclosure']) expect(rules).toContain(id);
    const net = out.findings.find((f: { rule: string }) => f.rule === 'product/net-content');
    expect(net).toMatchObject({ line: 1, match: '500克', category: 'product-mismatch', severity: 'error' });
    expect(out.checklist.map((i: { text: string; said: boolean }) => [i.text, i.said])).toEqual([
      ['预售商品，付款后7天内发货', false],
      ['每天一小袋，7种坚果果干', false],
    ]);
  }, 60_000);

  it('reads a GBK CSV saved by Excel on Chinese Windows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'livelint-product-'));
    const file = join(dir, 'nuts-gbk.csv');
    writeFileSync(file, iconv.encode(readFileSync(join(ROOT, FIX, 'nuts.csv'), 'utf8'), 'gbk'));
    const r = livelint('check', '--today', '2026-11-03', '--product', file, FIX + 'nuts-wrong.txt');
    expect(r.code).toBe(1);
    expect(r.out).toContain('product/net-content 「500克」');
  }, 60_000);

  it('registered 美白 passes, unregistered 淡斑 is flagged; health food beyond its function is flagged', () => {
    const s = livelint('check', '--today', '2026-11-03', '--product', FIX + 'serum.json', FIX + 'serum-script.txt');
    expect(s.out).not.toContain('美白」');
    expect(s.out).toContain('product/cosmetic-registration 「淡斑」');
    const h = livelint('check', '--today', '2026-11-03', '--product', FIX + 'protein.json', FIX + 'protein-script.txt');
    expect(h.out).toContain('product/health-function 「降血糖」');
    expect(h.out).toContain('尚未说明：本品不能代替药物');
  }, 60_000);

  it('warns when the 划线价 was last charged more than 7 days before --today', () => {
    const r = livelint('check', '--today', '2026-12-20', '--product', FIX + 'tshirt.json', FIX + 'tshirt-ok.txt');
    expect(r.code).toBe(0);
    expect(r.out).toContain('-:- 警告 product/reference-price-date 划线价399元最后实际成交在 2026-10-31，距今50天');
    expect(livelint('check', '--today', '2026-13-01', '--product', FIX + 'tshirt.json', FIX + 'tshirt-ok.txt').code).toBe(2);
  }, 60_000);

  it('bad product files exit 2 with file: field: reason', () => {
    const a = livelint('check', '--today', '2026-11-03', '--product', FIX + 'bad-category.json', FIX + 'tshirt-ok.txt');
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/^livelint: tests\/fixtures\/products\/bad-category\.json: category: .*price\.live: must be a number/);
    const b = livelint('check', '--today', '2026-11-03', '--product', FIX + 'bad-row.csv', FIX + 'tshirt-ok.txt');
    expect(b.code).toBe(2);
    expect(b.err).toContain('bad-row.csv: row 5, kind: unknown kind "hello"');
    const c = livelint('check', '--today', '2026-11-03', '--product', FIX + 'missing.json', FIX + 'tshirt-ok.txt');
    expect(c.code).toBe(2);
    expect(c.err).toContain('missing.json: no such file');
    expect(a.out + b.out + c.out).toBe('');
  }, 60_000);
});
