import { describe, expect, it } from 'vitest';
import { compile, SecondOpinion, type ModelData, type PackInput } from '../../../rules/engine/index.ts';
import { features, WINDOW } from '../../../rules/engine/model/features.ts';
import { decodeBase64, encodeBase64, encodeBuckets } from '../../../rules/engine/model/model.ts';

// A hand-built model, independent of the shipped weights: the n-grams of 治好 push medical-claim,
// those of 稳赚 push efficacy-guarantee; everything else stays at a strongly negative bias.
const BITS = 16;
const CATS = ['medical-claim', 'efficacy-guarantee', 'absolute-term'] as const;
function tinyModel(extra: Partial<ModelData> = {}): ModelData {
  const rows = new Map<number, number[]>();
  const push = (word: string, cat: number, q: number) => {
    for (const b of features(word, 0, word.length, undefined, BITS, []).slice()) {
      if (b === features('', 0, 0, undefined, BITS, [])[0]) continue; // the product-category feature
      const r = rows.get(b) ?? [0, 0, 0];
      r[cat] = q;
      rows.set(b, r);
    }
  };
  push('治好', 0, 127);
  push('稳赚', 1, 127);
  push('最棒', 2, -127); // a lawful-looking word the veto can act on
  const buckets = [...rows.keys()].sort((a, b) => a - b);
  const bytes = Uint8Array.from(buckets.flatMap((b) => rows.get(b)!.map((q) => q & 0xff)));
  return {
    format: 1, bits: BITS, maxGram: 3, categories: [...CATS], bias: [-4, -4, 2], thresholds: [0.5, 0.5, 2], scale: 0.2,
    buckets: encodeBuckets(buckets), weights: encodeBase64(bytes), gate: 'category', veto: 0, ...extra,
  };
}

const pack: PackInput = {
  id: 'mini',
  name: { zh: '小包', en: 'Mini' },
  rules: [
    { id: 'mini/cure', type: 'term', category: 'medical-claim', severity: 'error', terms: ['根治'], message: { zh: '疗效', en: 'cure' }, basis: '广告法 第17条', examples: { flag: ['能[[根治]]'], pass: ['好'] } },
    { id: 'mini/best', type: 'term', category: 'absolute-term', severity: 'warning', terms: ['最棒'], message: { zh: '绝对化', en: 'absolute' }, basis: '广告法 第9条', examples: { flag: ['[[最棒]]的'], pass: ['好'] } },
  ],
};

const modelFindings = <T extends { rule: string }>(fs: T[]) => fs.filter((f) => f.rule.startsWith('model.'));

describe('second-opinion model', () => {
  it('raises a warning on a sentence no rule flagged, naming the category and its law', () => {
    const c = compile([pack]).setModel(new SecondOpinion(tinyModel()));
    const fs = c.check([{ id: 'b', text: '我妈喝了三个月就治好了。今天天气不错。' }]);
    const m = modelFindings(fs);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ rule: 'model.medical-claim', category: 'medical-claim', severity: 'warning', match: '我妈喝了三个月就治好了', basis: '广告法 第17条' });
    expect(m[0].message).toContain('可能涉及');
    expect(c.check([{ id: 'b', text: '我妈喝了三个月就治好了' }], { locale: 'en' })[0].message).toMatch(/^May be a medical claim/);
  });

  it('stays silent where a rule already found that category, but adds a category the rules missed', () => {
    const c = compile([pack]).setModel(new SecondOpinion(tinyModel()));
    const one = c.check([{ id: 'b', text: '这个能根治，治好了' }]);
    expect(one.map((f) => f.rule)).toEqual(['mini/cure']);
    const two = c.check([{ id: 'b', text: '能根治，稳赚不赔' }]);
    expect(two.map((f) => f.rule).sort()).toEqual(['mini/cure', 'model.efficacy-guarantee']);
  });

  it('with gate "sentence" speaks only where no rule flagged anything in the sentence', () => {
    const c = compile([pack]).setModel(new SecondOpinion(tinyModel({ gate: 'sentence' })));
    expect(modelFindings(c.check([{ id: 'b', text: '能根治，稳赚不赔' }]))).toEqual([]);
    expect(modelFindings(c.check([{ id: 'b', text: '稳赚不赔的' }]))).toHaveLength(1);
  });

  it('is switched off per check, per rule id, by livelint-ignore, on chat, and by default in compile()', () => {
    const text = '喝了就治好了';
    const on = compile([pack]).setModel(new SecondOpinion(tinyModel()));
    expect(modelFindings(on.check([{ id: 'b', text }]))).toHaveLength(1);
    expect(modelFindings(on.check([{ id: 'b', text }], { model: false }))).toEqual([]);
    expect(modelFindings(on.check([{ id: 'b', text }], { disabledRules: ['model.medical-claim'] }))).toEqual([]);
    expect(modelFindings(on.check([{ id: 'b', text: `${text} // livelint-ignore model.medical-claim` }]))).toEqual([]);
    expect(modelFindings(on.check([{ id: 'b', text, source: 'chat' }]))).toEqual([]);
    expect(modelFindings(compile([pack]).check([{ id: 'b', text }]))).toEqual([]);
  });

  it('leaves a sentence holding an allow-listed phrase alone', () => {
    const c = compile([pack], { allow: ['治好'] }).setModel(new SecondOpinion(tinyModel()));
    expect(modelFindings(c.check([{ id: 'b', text: '喝了就治好了' }]))).toEqual([]);
  });

  it('turns a rule warning into a note (info) where the model reads the sentence as lawful', () => {
    const c = compile([pack]).setModel(new SecondOpinion(tinyModel({ veto: 0.01, bias: [-4, -4, -3] })));
    const [f] = c.check([{ id: 'b', text: '这个真的最棒' }]);
    expect(f).toMatchObject({ rule: 'mini/best', severity: 'info' });
    expect(f.message).toContain('模型判断此句大概率合规');
    // Without the veto the same finding stays a warning.
    expect(compile([pack]).check([{ id: 'b', text: '这个真的最棒' }])[0].severity).toBe('warning');
  });

  it('never waves off a disguised match (spaced, full-width): the host dodged a filter on purpose', () => {
    const c = compile([pack]).setModel(new SecondOpinion(tinyModel({ veto: 0.01, bias: [-4, -4, -3] })));
    for (const text of ['这个真的最 棒', '这个真的最　棒', '这个真的 最-棒']) {
      const [f] = c.check([{ id: 'b', text }]);
      expect(f, text).toMatchObject({ rule: 'mini/best', severity: 'warning' });
    }
    // Written plainly, the same words are vetoed as before.
    expect(c.check([{ id: 'b', text: '这个真的最棒' }])[0].severity).toBe('info');
  });

  it('is deterministic and scores long unpunctuated captions window by window', () => {
    const m = new SecondOpinion(tinyModel());
    const text = '嗯'.repeat(WINDOW * 3) + '治好了' + '啊'.repeat(WINDOW * 3);
    const a = m.score(text, 0, text.length);
    expect(a[0]).toBeGreaterThan(0.5); // found inside one window of a 400-character run
    expect([...m.score(text, 0, text.length)]).toEqual([...a]);
    expect(m.score('嗯'.repeat(WINDOW * 7), 0, WINDOW * 7)[0]).toBeLessThan(0.5);
  });

  it('rejects a malformed model file with a clear error', () => {
    expect(() => new SecondOpinion({ ...tinyModel(), weights: '!!' })).toThrow(/base64/);
    expect(() => new SecondOpinion({ ...tinyModel(), bias: [0] })).toThrow(/one value per category/);
    expect(() => new SecondOpinion({ ...tinyModel(), weights: encodeBase64(new Uint8Array(5)) })).toThrow(/weights for/);
    expect(() => new SecondOpinion({ ...tinyModel(), categories: ['nope'] } as never)).toThrow();
  });

  it('round-trips base64', () => {
    const bytes = Uint8Array.from({ length: 257 }, (_, i) => (i * 37) & 0xff);
    expect([...decodeBase64(encodeBase64(bytes))]).toEqual([...bytes]);
  });

  it('the shipped model loads, and compile({ model: true }) attaches it', () => {
    const c = compile([pack], { model: true });
    expect(c.model()?.categories.length).toBeGreaterThan(10);
  });
});
