import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runClassify } from '../../../rules/cli/classify.ts';

async function run(lines: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const output = new PassThrough();
  const errors = new PassThrough();
  let out = '';
  let err = '';
  output.on('data', (d) => (out += d));
  errors.on('data', (d) => (err += d));
  const code = await runClassify(Readable.from([lines.join('\n')]), output, errors);
  return { code, out: out.split('\n').filter(Boolean), err };
}

describe('livelint classify --jsonl', () => {
  it('writes one result per input line, in order, with the id unchanged', async () => {
    const { code, out, err } = await run([
      JSON.stringify({ id: 'a', text: '孕妇能吃吗' }),
      JSON.stringify({ id: 7, text: 'vx多少' }),
      JSON.stringify({ id: 'c', text: '已拍' }),
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.map((l) => JSON.parse(l))).toEqual([
      { id: 'a', kind: 'risky-question', topic: '功效' },
      { id: 7, kind: 'off-platform', topic: '' },
      { id: 'c', kind: 'purchase', topic: '' },
    ]);
  });

  it('skips blank lines and accepts CRLF', async () => {
    const { code, out } = await run([JSON.stringify({ id: 'x', text: '多少钱' }) + '\r', '', '  ']);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
  });

  it('reports a malformed line by number and field, keeps the good lines, exits 2', async () => {
    const { code, out, err } = await run([
      JSON.stringify({ id: '1', text: '多少钱' }),
      '{"id": "2", "text": ',
      JSON.stringify({ id: '3' }),
      JSON.stringify({ id: '4', text: 42 }),
      JSON.stringify({ text: '没有 id' }),
      JSON.stringify({ id: '6', text: '已拍' }),
    ]);
    expect(code).toBe(2);
    expect(out.map((l) => JSON.parse(l).id)).toEqual(['1', '6']);
    const errLines = err.trim().split('\n');
    expect(errLines).toHaveLength(4);
    expect(errLines[0]).toMatch(/line 2: not valid JSON/);
    expect(errLines[1]).toMatch(/line 3: field "text" is missing/);
    expect(errLines[2]).toMatch(/line 4: field "text" must be a string/);
    expect(errLines[3]).toMatch(/line 5: field "id" is missing/);
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('rejects a line that is JSON but not an object', async () => {
    const { code, err } = await run(['[1,2]', '"text"']);
    expect(code).toBe(2);
    expect(err).toMatch(/line 1: /);
    expect(err).toMatch(/line 2: /);
  });

  it('streams large input without losing lines', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ id: i, text: i % 2 ? '多少钱' : '已拍' }));
    const { code, out } = await run(lines);
    expect(code).toBe(0);
    expect(out).toHaveLength(5000);
    expect(JSON.parse(out[4999]).id).toBe(4999);
  });
});
