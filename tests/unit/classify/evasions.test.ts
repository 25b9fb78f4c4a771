import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../../../rules/engine/classify/index.ts';
import { foldChat } from '../../../rules/engine/classify/fold.ts';

describe('folding', () => {
  it('folds full width and case, and keeps the question mark', () => {
    const f = foldChat('ＶＸ多少？');
    expect(f.text).toBe('vx多少?');
    expect(f.compact).toBe('vx多少');
  });

  it('folds traditional to simplified', () => {
    expect(foldChat('這個能治濕疹嗎').text).toBe('这个能治湿疹吗');
  });

  it('does not fold simplified characters into variants', () => {
    // The shared table maps 台->臺 and 么->幺; chat matching must not inherit that.
    expect(foldChat('什么台').text).toBe('什么台');
    expect(foldChat('麼').text).toBe('么');
  });

  it('expands whole pinyin-initial words only', () => {
    expect(foldChat('sm时候fh').text).toBe('什么时候发货');
    expect(foldChat('s m码').text).toBe('s m码');
  });

  it('counts emoji and drops them from the compact form', () => {
    const f = foldChat('两件已拍✅🔥');
    expect(f.emoji).toBe(2);
    expect(f.compact).toBe('两件已拍');
  });
});

describe('off-platform evasions', () => {
  it.each([
    'v x 发一下',
    '➕v详聊',
    '+V:abc123',
    '薇信多少',
    '威信号',
    'wei xin',
    '加个v',
    '主播VX',
    'ｗｘ同号',
    '139 8888 6666',
    '一三九八八八八六六六六',
    '扣扣号发下',
    '某宝搜同款',
    '拼夕夕更便宜',
    '私下交易可以吗',
    '有q群吗',
  ])('%s', (text) => {
    expect(classifyMessage(text).kind).toBe('off-platform');
  });

  it('does not flag a URL as a WeChat id', () => {
    expect(classifyMessage('点击领取 www.xx.com').kind).toBe('spam');
  });
});

describe('robustness', () => {
  it.each(['', '   ', '？？？', '🌹', '\u0000', 'a'.repeat(5000), '啊'.repeat(10000)])('does not throw on %j', (text) => {
    const got = classifyMessage(text);
    expect(typeof got.kind).toBe('string');
  });

  it('treats empty and punctuation-only messages as other', () => {
    expect(classifyMessage('')).toEqual({ kind: 'other', topic: '' });
    expect(classifyMessage('。。。')).toEqual({ kind: 'other', topic: '' });
  });
});

describe('repeated initials', () => {
  it('expands ypyp like yp', () => {
    expect(foldChat('ypyp').text).toBe('已拍已拍');
    expect(classifyMessage('ypyp').kind).toBe('purchase');
  });

  it('leaves a run that only starts like an initial', () => {
    expect(foldChat('ypx').text).toBe('ypx');
  });
});

describe('Cantonese and English viewers', () => {
  it('folds Cantonese written forms to the Mandarin the cues know', () => {
    expect(foldChat('呢個係唔係最平').text).toBe('这个是不是最便宜');
    expect(foldChat('幾多錢 點買').text).toBe('多少钱 怎么买');
    expect(foldChat('有冇貨').text).toBe('有没有货');
  });
  it('leaves Mandarin words that share a character alone', () => {
    expect(foldChat('联系方式').text).toBe('联系方式');
    expect(foldChat('平台发货吗').text).toBe('平台发货吗');
    expect(foldChat('一点点').text).toBe('一点点');
  });
  it('reads whole English words, not parts of them', () => {
    expect(foldChat('can cure eczema?').text).toBe('can 治 湿疹?');
    expect(foldChat('curent').text).toBe('curent');
  });
});
