import { describe, expect, it } from 'vitest';
import { compile } from '../../../rules/engine/index.ts';
import { loadBuiltinPacks } from '../../../rules/cli/pack-files.ts';
import { parseScript, scoreScripts, scoreSentences } from '../../corpus/score-lib.ts';

const checker = compile(loadBuiltinPacks());

describe('corpus scoring', () => {
  it('strips inline span marks and keeps offsets into the clean text', () => {
    const { text, spans } = parseScript('家人们[[全网最低价]]{false-price}，[[最后三单]]{pressure-tactic,false-price}了');
    expect(text).toBe('家人们全网最低价，最后三单了');
    expect(spans).toEqual([
      { start: 3, end: 8, categories: ['false-price'] },
      { start: 9, end: 13, categories: ['pressure-tactic', 'false-price'] },
    ]);
  });

  it('counts a lawful row flagged as a clean false alarm and a missed category as a false negative', () => {
    const s = scoreSentences(
      [
        { id: 'a', text: '这是全网最低价', product_category: 'food', expect: ['false-price'] },
        { id: 'b', text: '这是全网最低价', product_category: 'food', expect: [] },
        { id: 'c', text: '今天天气不错', product_category: 'food', expect: ['superstition'] },
      ],
      checker,
    );
    expect(s.perCategory.get('false-price')).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(s.perCategory.get('superstition')).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(s.cleanFalseAlarm).toBe(1);
    expect(s.misses.map((m) => m.id)).toEqual(['b', 'c']);
  });

  it('scores script spans line by line: a caught span, a missed span and a stray finding', () => {
    const s = scoreScripts(
      [{ id: 's', product_category: 'food', text: '开场了\n这是[[全网最低价]]{false-price}\n[[今天天气不错]]{superstition}\n全网最低价' }],
      checker,
    );
    expect(s.spans).toBe(2);
    expect(s.spanRecall).toBe(0.5);
    expect(s.findingPrecision).toBe(0.5);
    expect(s.missed).toEqual([{ id: 's', words: '今天天气不错', category: 'superstition' }]);
  });
});
