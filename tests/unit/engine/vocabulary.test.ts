import { describe, expect, it } from 'vitest';
import { compile, CompileError, verifyPacks, type PackInput, type RuleInput, type VocabularyTable } from '../../../rules/engine/index.ts';

// Vocabularies: `@name` in phrase lists expands to the words; in patterns it matches any word and
// can be the required literal; pack-local ones serve only their pack; unknown names are errors.

const builtins: VocabularyTable = {
  disease: { note: 'test diseases', words: ['失眠', '高血压', '三高', '@skin'] },
  skin: { note: 'test skin diseases', words: ['湿疹', '皮炎'] },
  relief: { note: 'test relief words', words: ['就好了', '不复发'] },
  loop: { note: 'a cycle', words: ['甲', '@loop2'] },
  loop2: { note: 'a cycle', words: ['@loop'] },
};

const base = {
  category: 'medical-claim' as const,
  message: { zh: '疾病治疗宣称', en: 'Treatment claim' },
  basis: '广告法 第17条',
};

function pack(rules: RuleInput[], extra: Partial<PackInput> = {}): PackInput {
  return { id: 'v', name: { zh: '词表测试', en: 'Vocabulary test' }, rules, ...extra };
}

const find = (p: PackInput[], text: string, vocabularies: VocabularyTable = builtins) =>
  compile(p, { vocabularies })
    .check([{ id: 'b', text }], { keepDuplicates: true })
    .map((f) => `${f.rule}:${f.match}`);

describe('vocabularies', () => {
  it('expand an @name entry of a term list, nested vocabularies included', () => {
    const p = pack([{ ...base, id: 'v/t', type: 'term', terms: ['@disease', '治病'], examples: { flag: ['[[失眠]]'], pass: ['睡得香'] } }]);
    expect(find([p], '三高和湿疹都能治病')).toEqual(['v/t:三高', 'v/t:湿疹', 'v/t:治病']);
    expect(find([p], '睡得香')).toEqual([]);
  });

  it('expand in proximity sides, exceptions and qualifiers', () => {
    const p = pack([
      {
        ...base,
        id: 'v/p',
        type: 'proximity',
        a: ['@disease'],
        b: ['@relief'],
        within: 6,
        ordered: true,
        exceptions: ['@lawful'],
        examples: { flag: ['[[失眠喝了就好了]]'], pass: ['喝了就好了'] },
      },
    ], { vocabularies: { lawful: ['失眠喝了就好了吗'] } });
    expect(find([p], '高血压喝了就好了')).toEqual(['v/p:高血压喝了就好了']);
    expect(find([p], '失眠喝了就好了吗')).toEqual([]);
  });

  it('match any word in a pattern, and serve as its required literal', () => {
    const p = pack([{ ...base, id: 'v/pat', type: 'pattern', patterns: ['@disease.{0,4}(就好了|没了)'], examples: { flag: ['[[皮炎涂了就好了]]'], pass: ['涂了就好了'] } }]);
    expect(find([p], '皮炎涂了就好了')).toEqual(['v/pat:皮炎涂了就好了']);
    expect(find([p], '晒了就好了')).toEqual([]);
    // @{name} delimits the name when letters follow; \@ is a literal @ (dropped like punctuation).
    const q = pack([{ ...base, id: 'v/q', type: 'pattern', patterns: ['@{skin}zl', '微信\\@'], examples: { flag: ['[[湿疹zl]]'], pass: ['zl'] } }]);
    expect(find([q], '湿疹zl，加微信@')).toEqual(['v/q:湿疹zl', 'v/q:微信']);
  });

  it('a pack-local vocabulary serves its own rules and shadows a built-in one there only', () => {
    const builtinRule = pack([{ ...base, id: 'v/b', type: 'term', terms: ['@disease'], examples: { flag: ['[[失眠]]'], pass: ['好'] } }]);
    const user: PackInput = {
      id: 'u',
      name: { zh: '用户包', en: 'User pack' },
      vocabularies: { disease: ['脚气'], mine: { words: ['灰指甲'], note: 'mine' } },
      rules: [{ ...base, id: 'u/r', type: 'term', terms: ['@disease', '@mine', '@relief'], examples: { flag: ['[[脚气]]'], pass: ['好'] } }],
    };
    const found = find([builtinRule, user], '失眠，脚气，灰指甲，不复发');
    // The built-in rule still matches the built-in @disease (失眠, not 脚气); the user rule its own.
    expect(found).toEqual(['v/b:失眠', 'u/r:脚气', 'u/r:灰指甲', 'u/r:不复发']);
  });

  it('an imported pack compiled alone may name the built-in vocabularies', () => {
    const user = pack([{ ...base, id: 'v/u', type: 'term', terms: ['@relief'], examples: { flag: ['吃了[[就好了]]'], pass: ['吃了会好'] } }]);
    expect(verifyPacks([user], { vocabularies: builtins })).toEqual([]);
  });

  it('refuse unknown names, cycles and bare @ phrases with the rule and the field', () => {
    const bad = (rule: Partial<RuleInput>) =>
      () => compile([pack([{ ...base, id: 'v/x', type: 'term', terms: ['x'], examples: { flag: ['[[x]]'], pass: ['y'] }, ...rule } as RuleInput])], { vocabularies: builtins });
    expect(bad({ terms: ['@nope'] })).toThrow(CompileError);
    expect(bad({ terms: ['@nope'] })).toThrow(/rule v\/x\.terms: unknown vocabulary @nope/);
    expect(bad({ exceptions: ['@nope'] })).toThrow(/rule v\/x\.exceptions: unknown vocabulary @nope/);
    expect(bad({ type: 'pattern', patterns: ['治@nope'] } as Partial<RuleInput>)).toThrow(/rule v\/x\.patterns\.0: .*unknown vocabulary @nope/);
    expect(bad({ terms: ['@loop'] })).toThrow(/names itself \(@loop → @loop2 → @loop\)/);
    expect(bad({ terms: ['@失眠'] })).toThrow(/names a vocabulary/);
    expect(bad({ type: 'pattern', patterns: ['治@'] } as Partial<RuleInput>)).toThrow(/must name a vocabulary/);
    // A literal @ phrase is written \@.
    expect(bad({ terms: ['\\@微信'] })).not.toThrow();
  });

  it('vocabulary words share the one literal pass: a word in two vocabularies is one literal', () => {
    const p = pack([
      { ...base, id: 'v/a', type: 'term', terms: ['@disease'], examples: { flag: ['[[失眠]]'], pass: ['好'] } },
      { ...base, id: 'v/b', type: 'term', terms: ['@skin', '失眠'], examples: { flag: ['[[失眠]]'], pass: ['好'] } },
    ]);
    const c = compile([p], { vocabularies: builtins });
    const lits = c.serialize().literals;
    expect(lits.filter((l) => l === '失眠')).toHaveLength(1);
    expect(lits.filter((l) => l === '湿疹')).toHaveLength(1);
  });
});
