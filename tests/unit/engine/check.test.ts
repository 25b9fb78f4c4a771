import { describe, expect, it } from 'vitest';
import { compile, loadCompiled, CompileError, verifyPacks, parseMarks, type PackInput } from '../../../rules/engine/index.ts';
import { miniPack } from '../../fixtures/engine/mini-pack.ts';

const checker = compile([miniPack]);
const run = (text: string, ctx = {}, source: 'script' | 'captions' | 'chat' = 'script') =>
  checker.check([{ id: 'b', text, source }], ctx).map((f) => `${f.rule}:${f.match}`);

describe('check', () => {
  it('flags evasions and highlights the whole original stretch', () => {
    for (const t of ['全网最低价', '全 网 最 低 价', '蕞 低 價', 'quan网zui低价', '全網最低價']) {
      const [f] = checker.check([{ id: 'x', text: `今天${t}！` }]);
      expect(f.rule).toBe('mini/lowest-price');
      expect(f.match).toBe(t);
      expect(`今天${t}！`.slice(f.start, f.end)).toBe(t);
    }
  });

  it('passes time words, negations and rule exceptions', () => {
    expect(run('最近很多宝宝问')).toEqual([]);
    expect(run('这不是全网最低价')).toEqual([]);
    expect(run('我们不敢说是最低价')).toEqual([]);
    expect(run('第一步先洗脸')).toEqual([]);
    expect(run('羊毛衫最好手洗')).toEqual([]);
    // A question repeating the claim is still the claim (是不是 is not a negation).
    expect(run('是不是全网最低价')).toEqual(['mini/lowest-price:全网最低价']);
    // Negation does not reach across a clause break.
    expect(run('不用犹豫，全网最低价')).toEqual(['mini/lowest-price:全网最低价']);
  });

  it('collapses overlapping hits of one rule into the longest', () => {
    expect(run('全网最低价')).toEqual(['mini/lowest-price:全网最低价']);
  });

  it('matches patterns and proximity rules', () => {
    expect(run('原价1,299元，今天到手199')).toEqual(['mini/reference-price:原价1,299元，今天到手199']);
    expect(run('穿上保证瘦十斤')).toEqual(['mini/slim-guarantee:保证瘦']);
    expect(run('瘦了也不敢保证')).toEqual([]); // ordered: B before A does not count
    expect(run('保证。瘦')).toEqual([]); // not across a sentence end
  });

  it('scopes rules by product category and text source', () => {
    expect(run('美白精华', { productCategory: 'cosmetics' })).toEqual(['mini/whitening:美白']);
    expect(run('美白精华', { productCategory: 'food' })).toEqual([]);
    expect(run('加微信便宜', {}, 'script')).toEqual([]);
    expect(run('加微信便宜', {}, 'chat')).toEqual(['mini/wechat:加微信']);
  });

  it('raises severity per product category and localises messages', () => {
    const [warn] = checker.check([{ id: 'b', text: '最好的' }], {});
    const [err] = checker.check([{ id: 'b', text: '最好的' }], { productCategory: 'health-food', locale: 'en' });
    expect(warn.severity).toBe('warning');
    expect(err.severity).toBe('error');
    expect(err.message).toBe('Absolute claim');
    expect(warn.basis).toContain('广告法');
  });

  it('applies user suppression: disabled rules, allow phrases, inline markers', () => {
    expect(run('全网最低价', { disabledRules: ['mini/lowest-price'] })).toEqual([]);
    expect(run('全网最低价格战', { allow: ['全网最低价格战'] })).toEqual([]);
    const text = '全网最低价 livelint-ignore\n全网最低价\nlivelint-ignore-next-line: mini/best\n最好的全网最低价';
    const found = checker.check([{ id: 'b', text }]).map((f) => `${f.rule}@${f.start}`);
    // Line 1 ignored entirely; line 2 flagged; line 4 ignores only mini/best.
    expect(found).toEqual([`mini/lowest-price@${text.indexOf('\n') + 1}`, `mini/lowest-price@${text.lastIndexOf('全网')}`]);
  });

  it('applies stored overrides at compile time', () => {
    const c = compile([miniPack], {
      overrides: {
        'mini/lowest-price': { severity: 'warning', extraTerms: ['史低价'], allow: ['最低价格'] },
        'mini/best': { enabled: false },
      },
      allow: ['全网最低价都不敢说'],
    });
    const f = c.check([{ id: 'b', text: '史低价，最好的，最低价格' }]);
    expect(f.map((x) => `${x.rule}:${x.match}:${x.severity}`)).toEqual(['mini/lowest-price:史低价:warning']);
  });

  it('serialises to plain data that loads into an identical checker', () => {
    const data = structuredClone(checker.serialize());
    const loaded = loadCompiled(data);
    const text = '原价999今天只要99，全 网 最 低 价，保证瘦';
    expect(loaded.check([{ id: 'b', text }])).toEqual(checker.check([{ id: 'b', text }]));
  });

  it('refuses malformed packs with a path and a reason', () => {
    const bad = { ...miniPack, rules: [{ ...miniPack.rules[0], category: 'made-up' }] } as unknown as PackInput;
    expect(() => compile([bad])).toThrow(CompileError);
    expect(() => compile([bad])).toThrow(/rules\.0\.category/);
    const badPattern = { ...miniPack, rules: [{ ...miniPack.rules[2], patterns: ['\\N+.*'] }] } as PackInput;
    expect(() => compile([badPattern])).toThrow(/patterns\.0.*literal/);
  });

  it('handles empty, huge and hostile texts', () => {
    expect(run('')).toEqual([]);
    const big = '家人们好'.repeat(50_000) + '全网最低价';
    expect(checker.check([{ id: 'b', text: big }]).map((f) => f.start)).toEqual([200_000]);
    expect(run('\u0000\uffff\ud800')).toEqual([]);
  });
});

describe('rule examples', () => {
  it('parses [[marks]] into spans of the clean text', () => {
    expect(parseMarks('今天[[全网最低价]]，[[最好]]')).toEqual({ text: '今天全网最低价，最好', spans: [[2, 7], [8, 10]] });
  });

  it('passes for a correct pack and reports wrong spans and false alarms', () => {
    expect(verifyPacks([miniPack])).toEqual([]);
    const broken: PackInput = {
      ...miniPack,
      rules: [
        { ...miniPack.rules[0], examples: { flag: ['今天全网[[最低价]]'], pass: ['全网最低价都有'] } } as PackInput['rules'][number],
      ],
    };
    const failures = verifyPacks([broken]);
    expect(failures.map((f) => f.kind).sort()).toEqual(['flag', 'pass']);
    expect(failures.find((f) => f.kind === 'flag')?.reason).toContain('[全网最低价]');
  });
});

describe('reported questions', () => {
  it('does not treat a repeated viewer question as the host claim, but still flags the answer', () => {
    expect(run('有家人问是不是全网最低价，我只能说是本场活动价')).toEqual([]);
    expect(run('好多宝宝问这是不是最低价')).toEqual([]);
    expect(run('有人问是不是最低价，是的，全网最低价')).toEqual(['mini/lowest-price:全网最低价']);
    // 问就是… is a boast, not a question; 问题 is a noun.
    expect(run('问就是全网最低价')).toEqual(['mini/lowest-price:全网最低价']);
    expect(run('价格没问题，全网最低价')).toEqual(['mini/lowest-price:全网最低价']);
  });
});

describe('disbelief frames', () => {
  it('reach a claim several characters later', () => {
    expect(run('千万别相信那些说是全网最低价的')).toEqual([]);
    expect(run('没有哪个主播能做到全网最低价')).toEqual([]);
    expect(run('不是说全网最低价，只是今天有券')).toEqual([]);
    // but an imperative is still not a negation
    expect(run('不要犹豫了全网最低价')).toEqual(['mini/lowest-price:全网最低价']);
  });
});

describe('qualifiers', () => {
  const qualified = compile([
    {
      ...miniPack,
      rules: [{ ...miniPack.rules[4], qualifiers: ['国妆特字', '特殊化妆品'] } as PackInput['rules'][number]],
    },
  ]);
  const q = (text: string) => qualified.check([{ id: 'b', text }], { productCategory: 'cosmetics' }).map((f) => f.match);
  it('a named certificate anywhere in the sentence makes the claim lawful, not in the next sentence', () => {
    expect(q('这个美白精华是有国妆特字号的特殊化妆品')).toEqual([]);
    expect(q('有国妆特字号，这支能美白')).toEqual([]);
    expect(q('这支能美白。特殊化妆品我们下次再上')).toEqual(['美白']);
    expect(q('这支能美白')).toEqual(['美白']);
    expect(q('没有特殊化妆品的证，但是能美白')).toEqual(['美白']);
  });
});

describe('duplicates across rules', () => {
  const twice = compile([
    miniPack,
    { id: 'mini2', name: { zh: '二', en: 'two' }, rules: [{ ...miniPack.rules[0], id: 'mini2/lowest-again' } as PackInput['rules'][number]] },
  ]);
  it('one warning per category and span unless asked for every rule', () => {
    expect(twice.check([{ id: 'b', text: '全网最低价' }]).map((f) => f.rule)).toEqual(['mini/lowest-price']);
    expect(twice.check([{ id: 'b', text: '全网最低价' }], { keepDuplicates: true }).map((f) => f.rule).sort()).toEqual(['mini/lowest-price', 'mini2/lowest-again']);
  });
});

describe('one finding per category and stretch', () => {
  const rule = (id: string, category: 'medical-claim' | 'efficacy-guarantee', terms: string[]) => ({
    id: `dup/${id}`,
    type: 'term' as const,
    category,
    message: { zh: id, en: id },
    basis: '广告法',
    terms,
    examples: { flag: [`[[${terms[0]}]]`], pass: ['好'] },
  });
  const pack: PackInput = {
    id: 'dup',
    name: { zh: '重复', en: 'Dup' },
    rules: [
      rule('cure', 'medical-claim', ['治好失眠']),
      rule('disease', 'medical-claim', ['失眠', '失眠多梦']),
      rule('guarantee', 'efficacy-guarantee', ['保证治好']),
    ],
  };
  const c = compile([pack]);
  const found = (text: string, keepDuplicates = false) => c.check([{ id: 'b', text }], { keepDuplicates }).map((f) => `${f.category}:${f.rule}:${f.match}`);

  it('collapses overlapping spans of one category from different rules into one, covering them all', () => {
    // 治好失眠 (cure) and 失眠多梦 (disease) overlap on 失眠: one medical-claim finding over both,
    // worded by the rule with the longest span (the first listed on a tie).
    expect(found('治好失眠多梦')).toEqual(['medical-claim:dup/cure:治好失眠多梦']);
    expect(found('治好失眠多梦', true)).toEqual(['medical-claim:dup/cure:治好失眠', 'medical-claim:dup/disease:失眠多梦']);
  });

  it('keeps every category a sentence breaks', () => {
    expect(found('保证治好失眠')).toEqual(['efficacy-guarantee:dup/guarantee:保证治好', 'medical-claim:dup/cure:治好失眠']);
  });

  it('keeps separate stretches of one category apart', () => {
    expect(found('失眠，还有失眠')).toEqual(['medical-claim:dup/disease:失眠', 'medical-claim:dup/disease:失眠']);
  });
});
