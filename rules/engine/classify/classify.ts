import { isReportedComplaint, isStrongComplaint, negativeReportTopic } from './complaint.ts';
import { foldChat } from './fold.ts';
import type { ChatClass } from './kinds.ts';
import { isOffPlatform } from './off-platform.ts';
import { isPurchase } from './purchase.ts';
import { isOffTopic, isRequest, questionForm } from './question-form.ts';
import { riskyTopic } from './risky.ts';
import { isSpam } from './spam.ts';
import { topicOf } from './topic.ts';

// One pass of a handful of precompiled regexes over a short folded string: a few microseconds per
// message, so the panel keeps up with 200 messages a second. The order is the priority a host
// needs: what must never be answered (off-platform, risky) outranks what can wait.

const BODY_STATS = /\d{2,3}\s*(?:斤|kg|公斤|cm)|^1[4-9]\d[\s/,，]+\d{2,3}$/;

const other = (): ChatClass => ({ kind: 'other', topic: '' });

export function classifyMessage(text: string): ChatClass {
  const f = foldChat(text);
  const c = f.compact;

  if (isOffPlatform(f)) return { kind: 'off-platform', topic: topicOf(c) };
  if (isSpam(f)) return { kind: 'spam', topic: '' };
  // Nothing but punctuation or a few emoji (???, 🌹): a reaction, not a question.
  if (c.length === 0) return other();
  // A stated grievance outranks a risky word in it (吃了没效果 还说能治 → complaint).
  if (isStrongComplaint(c)) return { kind: 'complaint', topic: topicOf(c) };

  const q = questionForm(f);
  const risky = riskyTopic(c, q.tagged);
  if (risky !== null) return { kind: 'risky-question', topic: risky };
  if (isReportedComplaint(c, q.question)) return { kind: 'complaint', topic: topicOf(c) };

  if (q.question) {
    const topic = topicOf(c);
    if (topic === '' && isOffTopic(f)) return other();
    return { kind: 'question', topic };
  }
  const grievance = negativeReportTopic(c, q.question, topicOf);
  if (grievance !== null) return { kind: 'complaint', topic: grievance };
  if (isPurchase(c)) return { kind: 'purchase', topic: '' };
  // Bare body measurements (165 110斤) are a request for a size.
  if (BODY_STATS.test(f.text)) return { kind: 'question', topic: '尺码' };
  if (isRequest(f)) return { kind: 'question', topic: topicOf(c) };
  return other();
}

/** Classifies many messages; the result is index-aligned with the input. */
export function classifyMessages(texts: readonly string[]): ChatClass[] {
  const out = new Array<ChatClass>(texts.length);
  for (let i = 0; i < texts.length; i++) out[i] = classifyMessage(texts[i]);
  return out;
}
