import { describe, expect, it } from 'vitest';
import { answerQuestion, checklist, missingDisclosures } from '../../../rules/engine/index.ts';
import { product } from './helpers.ts';

const protein = product({
  name: '乳清蛋白粉',
  category: 'health-food',
  price: { live: 168 },
  registrations: { healthFood: { number: '国食健注G20200123', functions: ['有助于增强免疫力'] } },
  facts: [{ attribute: '净含量', value: '900', unit: 'g' }, { attribute: '产地', value: '新西兰' }],
  sellingPoints: [
    { text: '一勺含蛋白质20克', priority: 1, says: ['20克蛋白'] },
    { text: '原味不甜', priority: 3 },
  ],
  disclosures: [{ text: '预售商品，付款后7天内发货', kind: 'presale', says: ['7天内发货', '七天内发货'] }],
  faq: [
    { questions: ['怎么吃/怎么冲/用量'], answer: '每天一勺，约30克，温水冲调' },
    { questions: ['孕妇 能吃/可以吃'], answer: '孕妇、乳母请咨询医生后食用' },
  ],
});

describe('checklist of what is still unsaid', () => {
  it('adds the legal 本品不能代替药物 for health food and lists priority-1 points only', () => {
    const items = checklist(protein, []);
    expect(items.map((i) => i.text)).toEqual(['本品不能代替药物', '预售商品，付款后7天内发货', '一勺含蛋白质20克']);
    expect(items.every((i) => !i.said)).toBe(true);
  });
  it('ticks items as the session text grows, with the words that count', () => {
    const session = ['大家好，这款蛋白粉20克蛋白一勺搞定', '付款后七天内发货哈'];
    expect(missingDisclosures(protein, session).map((i) => i.text)).toEqual(['本品不能代替药物']);
    session.push('保健食品不是药物，不能代替药物治疗疾病');
    expect(missingDisclosures(protein, session)).toEqual([]);
  });
  it('spelling variants of the disclosure count (spaces, traditional characters)', () => {
    expect(missingDisclosures(protein, ['本品 不能代替 藥物', '20克蛋白', '7天内发货'])).toEqual([]);
  });
  it('a manager-listed health-food disclosure replaces the built-in one', () => {
    const p = product({ ...protein, disclosures: [{ text: '保健食品不是药物，不能代替药物治疗疾病', kind: 'health-food' }] });
    expect(checklist(p, []).map((i) => i.text)).not.toContain('本品不能代替药物');
  });
});

describe('FAQ answers', () => {
  it.each([
    ['这个怎么吃啊', '每天一勺，约30克，温水冲调'],
    ['一天用量多少', '每天一勺，约30克，温水冲调'],
    ['孕妇可以吃吗？', '孕妇、乳母请咨询医生后食用'],
    ['孕婦能吃嗎', '孕妇、乳母请咨询医生后食用'],
  ])('%s', (q, a) => {
    expect(answerQuestion(protein, q)?.answer).toBe(a);
  });
  it('needs every word of a pattern: 孕妇 alone does not answer the 能吃 question', () => {
    expect(answerQuestion(protein, '孕妇')?.entry).not.toBe(1);
  });
  it('falls back to the facts and the price', () => {
    expect(answerQuestion(protein, '多重啊')?.answer).toBe('净含量：900g');
    expect(answerQuestion(protein, '哪里产的')?.answer).toBe('产地：新西兰');
    expect(answerQuestion(protein, '多少钱')?.answer).toBe('直播间到手价168元');
  });
  it('returns null for questions nothing answers', () => {
    expect(answerQuestion(protein, '主播今天穿的什么牌子')).toBeNull();
    expect(answerQuestion(protein, '')).toBeNull();
  });
  it('catches a reworded question by character overlap', () => {
    const p = product({ name: 'x', category: 'daily', faq: [{ questions: ['可以机洗吗'], answer: '可以机洗，建议洗衣袋' }] });
    expect(answerQuestion(p, '能不能机洗')?.answer).toBe('可以机洗，建议洗衣袋');
  });
});
