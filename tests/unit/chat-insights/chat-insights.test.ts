import { describe, expect, it } from 'vitest';
import { ChatInsights, ChatInsightsHub, MAX_DISTINCT } from '../../../entrypoints/background/chat/insights.ts';
import { insightsSnapshotSchema } from '../../../rules/protocol/chat.ts';
import { parseProduct } from '../../../rules/engine/product/index.ts';

const MASK = parseProduct({
  name: '补水面膜',
  category: 'cosmetics',
  price: { live: 59.9 },
  faq: [{ questions: ['敏感肌 能用/可以用'], answer: '经过敏感肌测试，敏感肌可以用' }],
});
const T0 = Date.UTC(2026, 10, 25, 6, 0, 0);

describe('ChatInsights', () => {
  it('groups questions by topic with counts, answers from the FAQ, and collects the unanswered', () => {
    const c = new ChatInsights();
    c.setProduct(MASK);
    for (let i = 0; i < 3; i++) c.add('这个面膜敏感肌能用吗', T0);
    c.add('什么时候发货', T0);
    c.add('包邮吗', T0);
    const s = insightsSnapshotSchema.parse(c.snapshot(7, T0));
    expect(s.total).toBe(5);
    const shipping = s.topics.find((t) => t.topic === '发货');
    expect(shipping?.count).toBe(2);
    const sensitive = s.topics.flatMap((t) => t.examples).find((q) => q.text.includes('敏感肌'));
    expect(sensitive).toMatchObject({ count: 3, answer: '经过敏感肌测试，敏感肌可以用' });
    // No FAQ entry about shipping: collected for the manager.
    expect(s.unanswered.map((q) => q.text)).toContain('什么时候发货');
    expect(s.unanswered.map((q) => q.text)).not.toContain('这个面膜敏感肌能用吗');
  });

  it('lists named topics by count, unclassified questions last', () => {
    const c = new ChatInsights();
    // A product question no topic fits (colours), asked most often: still listed after the named topics.
    for (let i = 0; i < 5; i++) c.add(`这个有别的颜色吗${'?'.repeat(i)}`, T0);
    c.add('包邮吗', T0);
    c.add('多少钱', T0);
    c.add('多少钱啊', T0);
    const topics = c.snapshot(null, T0).topics.map((t) => t.topic);
    expect(topics.at(-1)).toBe('');
    expect(topics[0]).toBe('价格');
  });

  it('answers known questions again when the product is chosen later', () => {
    const c = new ChatInsights();
    c.add('敏感肌可以用吗', T0);
    expect(c.snapshot(null, T0).topics.flatMap((t) => t.examples)[0]?.answer).toBeUndefined();
    c.setProduct(MASK);
    expect(c.snapshot(null, T0).topics.flatMap((t) => t.examples)[0]?.answer).toContain('敏感肌');
  });

  it('flags risky questions with what not to say and a lawful answer', () => {
    const c = new ChatInsights();
    c.setProduct(MASK);
    c.add('能治湿疹吗', T0);
    c.add('是不是全网最便宜', T0);
    const s = c.snapshot(null, T0);
    expect(s.riskyCount).toBe(2);
    const cure = s.risky.find((r) => r.text === '能治湿疹吗')!;
    expect(cure.avoid.zh).toContain('能治');
    expect(cure.answer.zh).toContain('不能治疗');
    const cheapest = s.risky.find((r) => r.text.includes('全网最便宜'))!;
    expect(cheapest.avoid.zh).toContain('全网最低');
    // The lawful answer uses the record's live price.
    expect(cheapest.answer.zh).toContain('59.9');
  });

  it('counts complaints, off-platform solicitations and purchases per minute', () => {
    const c = new ChatInsights();
    c.add('发货太慢了，等了一周', T0);
    c.add('加微信发你优惠券', T0);
    c.add('已拍', T0);
    c.add('已拍 三号链接', T0 + 60_000);
    c.add('拍了两盒', T0 + 60_000);
    const s = c.snapshot(null, T0 + 60_000);
    expect(s.complaints.count).toBe(1);
    expect(s.offPlatform).toEqual({ count: 1, examples: ['加微信发你优惠券'] });
    expect(s.purchases.slice(-2)).toEqual([1, 2]);
    expect(s.purchaseTotal).toBe(3);
  });

  it('keeps memory bounded under a flood of distinct questions', () => {
    const c = new ChatInsights();
    for (let i = 0; i < 5000; i++) c.add(`这件衣服什么尺码合适${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉戌亥'[Math.floor(i / 10) % 12]}${String.fromCharCode(0x4e00 + (i % 3000))}吗`, T0);
    const distinct = (c as unknown as { questions: { map: Map<string, unknown> } }).questions.map;
    expect(distinct.size).toBeLessThanOrEqual(MAX_DISTINCT);
    // Counts stay exact even when examples are evicted.
    expect(c.snapshot(null, T0).questions).toBe(5000);
  });

  it('takes a 2,000-message flood with a product chosen and keeps every message counted', () => {
    const lines = ['这个面膜敏感肌能用吗', '多少钱', '能治湿疹吗', '加我微信私聊', '发货快吗', '已拍', '哈哈哈', '是不是全网最便宜', '上次买的漏液了', '主播好美'];
    const c = new ChatInsights();
    c.setProduct(MASK);
    for (let i = 0; i < 2000; i++) c.add(`${lines[i % lines.length]}${i}`, T0);
    expect(c.snapshot(null, T0).total).toBe(2000);
  });
});

describe('ChatInsightsHub', () => {
  it('reads only chat blocks and tells listeners which tab changed', () => {
    const hub = new ChatInsightsHub(() => T0);
    const changed: number[] = [];
    hub.onChange((id) => changed.push(id));
    hub.addBlocks(3, [{ id: 's', text: '能治湿疹', source: 'script' }], null);
    expect(changed).toEqual([]);
    hub.addBlocks(3, [{ id: 'c1', text: '包邮吗', source: 'chat' }], null);
    expect(changed).toEqual([3]);
    expect(hub.of(3)?.total).toBe(1);
  });
});
