import { describe, expect, it } from 'vitest';
import { compile, CompileError, verifyPacks, type PackInput, type RuleInput } from '../../../rules/engine/index.ts';
import { matchFrame } from '../../../rules/engine/matchers/frame.ts';

// Frames: ordered chains of slots with gaps, scope, unless and negation; proximity is a frame of two.

const base = {
  category: 'medical-claim' as const,
  message: { zh: '疾病治疗宣称', en: 'Treatment claim' },
  basis: '广告法 第17条',
  examples: { flag: ['[[失眠喝了就好了]]'], pass: ['喝了就好了'] },
};

function frame(extra: Partial<Extract<RuleInput, { type: 'frame' }>> = {}): PackInput {
  return {
    id: 'f',
    name: { zh: '框架测试', en: 'Frame test' },
    vocabularies: { disease: ['失眠', '高血压', '湿疹'], relief: ['就好了', '好了', '不复发'] },
    rules: [{ ...base, id: 'f/cure', type: 'frame', parts: [['@disease'], ['@relief']], within: 8, ...extra } as RuleInput],
  };
}

const run = (p: PackInput, text: string) =>
  compile([p])
    .check([{ id: 'b', text }], { keepDuplicates: true })
    .map((f) => f.match);

describe('frame rules', () => {
  it('flag the slots in order, the span running from the first slot to the last', () => {
    const p = frame();
    expect(run(p, '我家老人失眠喝了两周就好了')).toEqual(['失眠喝了两周就好了']);
    expect(run(p, '就好了，失眠')).toEqual([]); // wrong order
    expect(run(frame({ ordered: false }), '喝了就好了的失眠')).toEqual(['就好了的失眠']);
  });

  it('respect the gap between slots, per gap when given a list', () => {
    expect(run(frame({ within: 2 }), '失眠喝了就好了')).toEqual(['失眠喝了就好了']);
    expect(run(frame({ within: 1 }), '失眠喝了就好了')).toEqual([]);
    const three = frame({ parts: [['@disease'], ['喝了', '吃了'], ['@relief']], within: [3, 0] });
    expect(run(three, '失眠的人喝了就好了')).toEqual(['失眠的人喝了就好了']);
    expect(run(three, '失眠的人喝了马上就好了')).toEqual([]); // second gap is 0
    expect(run(three, '失眠的那些人喝了就好了')).toEqual([]); // first gap is at most 3
  });

  it('keep every slot in one clause by default, or one sentence when asked', () => {
    expect(run(frame(), '失眠，喝了就好了')).toEqual([]);
    expect(run(frame({ scope: 'sentence' }), '失眠，喝了就好了')).toEqual(['失眠，喝了就好了']);
    expect(run(frame({ scope: 'sentence' }), '失眠。喝了就好了')).toEqual([]);
  });

  it('are vetoed by an unless phrase anywhere in the clause, not in the next one', () => {
    const p = frame({ unless: ['吗', '能不能'] });
    expect(run(p, '失眠喝了就好了吗')).toEqual([]);
    expect(run(p, '能不能让失眠喝了就好了')).toEqual([]);
    expect(run(p, '失眠喝了就好了，你问能不能')).toEqual(['失眠喝了就好了']);
  });

  it('honour a negation before any slot, unless the rule is not negatable', () => {
    expect(run(frame(), '不是说失眠喝了就好了')).toEqual([]);
    expect(run(frame(), '失眠喝了不会好了')).toEqual([]);
    expect(run(frame({ negatable: false }), '失眠喝了不会好了')).toEqual(['失眠喝了不会好了']);
  });

  it('never let one hit fill two slots, and take the earliest start when several could begin', () => {
    const same = frame({ parts: [['好了'], ['好了']], within: 4 });
    expect(run(same, '好了')).toEqual([]);
    expect(run(same, '好了好了')).toEqual(['好了好了']);
    // 高血压 and 失眠 can both start the chain: the span runs from the earlier one.
    expect(run(frame(), '高血压失眠喝了就好了')).toEqual(['高血压失眠喝了就好了']);
    // 好了 inside 就好了 is not a second relief after the first.
    expect(run(frame(), '湿疹就好了')).toEqual(['湿疹就好了']);
  });

  it('verify their examples through the generic example runner', () => {
    expect(verifyPacks([frame()])).toEqual([]);
    const wrong = frame({ examples: { flag: ['[[失眠]]喝了就好了'], pass: ['失眠好了'] } });
    expect(verifyPacks([wrong]).map((f) => f.kind).sort()).toEqual(['flag', 'pass']);
  });

  it('refuse malformed frames with a path', () => {
    expect(() => compile([frame({ parts: [['@disease']] })])).toThrow(/parts.*two slots/);
    expect(() => compile([frame({ within: [3, 4] })])).toThrow(/within.*one gap per pair/);
    expect(() => compile([frame({ ordered: false, parts: [['a'], ['b'], ['c'], ['d'], ['e']] })])).toThrow(/at most 4 slots/);
    expect(() => compile([frame({ parts: [['@disease'], ['@nope']] })])).toThrow(CompileError);
    expect(() => compile([frame({ parts: [['@disease'], ['@nope']] })])).toThrow(/rule f\/cure\.parts\.1: unknown vocabulary @nope/);
  });
});

describe('matchFrame', () => {
  const brk = (n: number) => new Int32Array(n).fill(-1);
  it('reports one span per last-slot hit from the earliest admissible start', () => {
    const got: Array<[number, number]> = [];
    const a = { starts: [0, 3, 20], ends: [2, 5, 22] };
    const b = { starts: [7, 30], ends: [9, 32] };
    matchFrame([a, b], [a, b], { gaps: [5], ordered: true }, brk(40), (s, e) => got.push([s, e]));
    // b@7: a@0 ends 2 (gap 5) and a@3 ends 5 (gap 2) both admissible -> start 0. b@30: a@20 gap 8 > 5.
    expect(got).toEqual([[0, 9]]);
  });

  it('is linear: 200,000 hits on each side finish without a pairwise loop', () => {
    const n = 200_000;
    const a = { starts: Array.from({ length: n }, (_, i) => i * 4), ends: Array.from({ length: n }, (_, i) => i * 4 + 1) };
    const b = { starts: Array.from({ length: n }, (_, i) => i * 4 + 2), ends: Array.from({ length: n }, (_, i) => i * 4 + 3) };
    let count = 0;
    // Every a is within 40 of every b around it: a pairwise loop would visit ~10 pairs per b, a
    // quadratic one 2e10; the count proves each b is reported exactly once.
    matchFrame([a, b], [a, b], { gaps: [40], ordered: true }, brk(n * 4), () => count++);
    expect(count).toBe(n);
  });
});
