import { classifyMessage, CHAT_TOPICS, type ChatTopic } from '../../../rules/engine/classify/index.ts';
import { answerQuestion, type Product } from '../../../rules/engine/product/index.ts';
import type { TextBlock } from '../../../rules/engine/schema.ts';
import { riskyGuide } from './risky-guide.ts';
import { HotWords, PerMinute } from './hot-words.ts';
import type { InsightsSnapshot, QuestionSummary, RiskySummary } from '../../../rules/protocol/chat.ts';
import { currentProduct } from '../products/current.ts';

// Chat insights for one tab: every chat message is classified ONCE (classifyMessage, microseconds)
// and only counters and a few examples are kept, all in bounded structures, so hours of chat at
// 200 messages a second cost the same memory as the first minute. The panel gets aggregates only.

/** Distinct question (and risky question) texts remembered with their counts and answers. */
export const MAX_DISTINCT = 300;
const EXAMPLES = 3;
const RECENT = 5;

interface Distinct {
  text: string;
  count: number;
  topic: ChatTopic;
  answer?: string;
  /** The answer was looked up for the current product (lazily, only for questions on screen). */
  looked?: boolean;
}

const keyOf = (text: string) => text.toLowerCase().replace(/[\s\p{P}\p{S}\d]+/gu, '');

/** A bounded map of distinct texts: when full, a text seen once is forgotten first. */
class DistinctTexts {
  readonly map = new Map<string, Distinct>();

  add(text: string, topic: ChatTopic, fill: (d: Distinct) => void): Distinct | null {
    const key = keyOf(text);
    if (!key) return null;
    const known = this.map.get(key);
    if (known) {
      known.count++;
      return known;
    }
    if (this.map.size >= MAX_DISTINCT) this.evict();
    const d: Distinct = { text: text.trim().slice(0, 120), count: 1, topic };
    fill(d);
    this.map.set(key, d);
    return d;
  }

  private evict() {
    for (const [k, d] of this.map) {
      if (d.count <= 1) {
        this.map.delete(k);
        return;
      }
    }
    const first = this.map.keys().next().value;
    if (first !== undefined) this.map.delete(first);
  }

  top(limit: number, filter: (d: Distinct) => boolean = () => true): Distinct[] {
    return [...this.map.values()].filter(filter).sort((a, b) => b.count - a.count).slice(0, limit);
  }
}

const pushRecent = <T>(list: T[], item: T) => {
  list.push(item);
  if (list.length > RECENT) list.shift();
};

export class ChatInsights {
  total = 0;
  private questionCount = 0;
  private riskyCount = 0;
  private readonly topicCounts = new Map<ChatTopic, number>();
  private readonly questions = new DistinctTexts();
  private readonly risky = new DistinctTexts();
  private complaintCount = 0;
  private readonly complaints: Array<{ text: string; topic: ChatTopic }> = [];
  private offPlatformCount = 0;
  private readonly offPlatform: string[] = [];
  private readonly hot = new HotWords(5);
  private readonly purchases = new PerMinute(15);
  private product: Product | null = null;

  add(text: string, now: number) {
    this.total++;
    const { kind, topic } = classifyMessage(text);
    switch (kind) {
      case 'question':
        this.questionCount++;
        this.topicCounts.set(topic, (this.topicCounts.get(topic) ?? 0) + 1);
        this.questions.add(text, topic, () => {});
        break;
      case 'risky-question':
        this.riskyCount++;
        this.risky.add(text, topic, () => {});
        break;
      case 'complaint':
        this.complaintCount++;
        pushRecent(this.complaints, { text: text.trim().slice(0, 120), topic });
        break;
      case 'off-platform':
        this.offPlatformCount++;
        pushRecent(this.offPlatform, text.trim().slice(0, 120));
        break;
      case 'purchase':
        this.purchases.add(now);
        break;
    }
    // Spam says nothing about what viewers care about.
    if (kind !== 'spam' && kind !== 'off-platform') this.hot.add(text, now);
  }

  /** A new product: known questions are answered again when next shown. */
  setProduct(product: Product | null) {
    if (product === this.product) return;
    this.product = product;
    for (const d of this.questions.map.values()) d.looked = false;
  }

  // FAQ matching costs far more than classifying, so it runs only for the few questions a snapshot
  // shows (at most ~4 snapshots a second), never once per message of a flood.
  private answered(d: Distinct): Distinct {
    if (d.looked) return d;
    d.looked = true;
    const a = this.product ? answerQuestion(this.product, d.text) : null;
    if (a) d.answer = a.answer;
    else delete d.answer;
    return d;
  }

  snapshot(tabId: number | null, now: number): InsightsSnapshot {
    const summary = (d: Distinct): QuestionSummary => ({ text: d.text, count: d.count, topic: d.topic, ...(d.answer ? { answer: d.answer } : {}) });
    const topics = CHAT_TOPICS.map((topic) => ({ topic, count: this.topicCounts.get(topic) ?? 0 }))
      .filter((t) => t.count > 0)
      // Unclassified questions last: a named topic is what the host can act on.
      .sort((a, b) => Number(a.topic === '') - Number(b.topic === '') || b.count - a.count)
      .map((t) => ({ ...t, examples: this.questions.top(EXAMPLES, (d) => d.topic === t.topic).map((d) => summary(this.answered(d))) }));
    const risky = this.risky.top(6).map((d): RiskySummary => ({ text: d.text, count: d.count, topic: d.topic, ...riskyGuide(d.text, this.product) }));
    return {
      type: 'chat-insights',
      tabId,
      total: this.total,
      questions: this.questionCount,
      topics,
      unanswered: this.questions.top(40).filter((d) => !this.answered(d).answer).slice(0, 8).map(summary),
      risky,
      riskyCount: this.riskyCount,
      complaints: { count: this.complaintCount, examples: [...this.complaints].reverse() },
      offPlatform: { count: this.offPlatformCount, examples: [...this.offPlatform].reverse() },
      hotWords: this.hot.top(now, 12),
      purchases: this.purchases.series(now),
      purchaseTotal: this.purchases.total,
      hasProduct: this.product !== null,
    };
  }
}

const MAX_TABS = 8;

/** Insights of every tab with chat (the few most recent), and who to tell when they change. */
export class ChatInsightsHub {
  readonly tabs = new Map<number, ChatInsights>();
  private listeners = new Set<(tabId: number) => void>();

  constructor(private readonly now: () => number = Date.now) {}

  onChange(listener: (tabId: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  of(tabId: number): ChatInsights | undefined {
    return this.tabs.get(tabId);
  }

  /** Chat blocks of a content batch; other sources are ignored here. */
  addBlocks(tabId: number, blocks: readonly TextBlock[], product: Product | null) {
    let tab = this.tabs.get(tabId);
    let any = false;
    const now = this.now();
    for (const b of blocks) {
      if (b.source !== 'chat') continue;
      if (!tab) {
        this.tabs.set(tabId, (tab = new ChatInsights()));
        tab.setProduct(product);
        if (this.tabs.size > MAX_TABS) this.tabs.delete(this.tabs.keys().next().value!);
      }
      tab.add(b.text, now);
      any = true;
    }
    if (any) for (const l of this.listeners) l(tabId);
  }

  setProduct(product: Product | null) {
    for (const [id, tab] of this.tabs) {
      tab.setProduct(product);
      for (const l of this.listeners) l(id);
    }
  }

  forget(tabId: number) {
    this.tabs.delete(tabId);
  }
}

export const chatInsights = new ChatInsightsHub();

/**
 * The one hook live/service.ts calls for every content batch: chat feeds the insights, script and
 * captions tick the product's talking-point checklist.
 */
export function feedInsights(tabId: number, blocks: readonly TextBlock[]) {
  try {
    chatInsights.addBlocks(tabId, blocks, currentProduct.record());
    currentProduct.noteSaid(tabId, blocks);
  } catch (e) {
    // Insights are a side feature: never let them stop the warnings feed.
    console.warn('[livelint] chat insights:', e);
  }
}
