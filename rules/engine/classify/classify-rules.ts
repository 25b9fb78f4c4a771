import { isReportedComplaint, isStrongComplaint, negativeReportTopic } from './complaint.ts';
import type { FoldedChat } from './fold.ts';
import type { ChatClass } from './kinds.ts';
import { isOffPlatform } from './off-platform.ts';
import { isPurchase } from './purchase.ts';
import { isOffTopic, isRequest, questionForm } from './question-form.ts';
import { riskyTopic } from './risky.ts';
import { isSpam } from './spam.ts';
import { topicOf } from './topic.ts';

// The hand-written reading of a message: one pass of a handful of precompiled regexes over a short
// folded string. The order is the priority a host needs: what must never be answered
// (off-platform, risky) outranks what can wait. Every cue it looked at is also returned, so the
// learned layer (chat-model.ts) can weigh the same evidence instead of only the verdict.

const BODY_STATS = /\d{2,3}\s*(?:斤|kg|公斤|cm)|^1[4-9]\d[\s/,，]+\d{2,3}$/;

export interface RuleReading {
  verdict: ChatClass;
  /** Names of the cues that fired (off, spam, strong, risky:功效, q, tag, reported, ...). */
  cues: string[];
}

export function readByRules(f: FoldedChat): RuleReading {
  const c = f.compact;
  const cues: string[] = [];
  const off = isOffPlatform(f);
  const spam = isSpam(f);
  const strong = c.length > 0 && isStrongComplaint(c);
  const q = questionForm(f);
  const risky = c.length > 0 ? riskyTopic(c, q.tagged) : null;
  const reported = isReportedComplaint(c, q.question);
  const topic = topicOf(c);
  const grievance = negativeReportTopic(c, q.question, topicOf);
  const purchase = isPurchase(c);
  const body = BODY_STATS.test(f.text);
  const request = isRequest(f);
  const offTopic = isOffTopic(f);
  if (off) cues.push('off');
  if (spam) cues.push('spam');
  if (strong) cues.push('strong');
  if (risky !== null) cues.push(`risky:${risky}`);
  if (q.question) cues.push('q');
  if (q.tagged) cues.push('tag');
  if (reported) cues.push('reported');
  if (grievance !== null) cues.push('grievance');
  if (purchase) cues.push('purchase');
  if (body) cues.push('body');
  if (request) cues.push('request');
  if (offTopic) cues.push('offtopic');
  if (c.length === 0) cues.push('empty');
  if (f.emoji > 0) cues.push('emoji');
  cues.push(`topic:${topic}`, `len:${Math.min(6, Math.floor(c.length / 5))}`);

  let verdict: ChatClass;
  if (off) verdict = { kind: 'off-platform', topic };
  else if (spam) verdict = { kind: 'spam', topic: '' };
  // Nothing but punctuation or a few emoji (???, 🌹): a reaction, not a question.
  else if (c.length === 0) verdict = { kind: 'other', topic: '' };
  // A stated grievance outranks a risky word in it (吃了没效果 还说能治 → complaint).
  else if (strong) verdict = { kind: 'complaint', topic };
  else if (risky !== null) verdict = { kind: 'risky-question', topic: risky };
  else if (reported) verdict = { kind: 'complaint', topic };
  else if (q.question) verdict = topic === '' && offTopic ? { kind: 'other', topic: '' } : { kind: 'question', topic };
  else if (grievance !== null) verdict = { kind: 'complaint', topic: grievance };
  else if (purchase) verdict = { kind: 'purchase', topic: '' };
  // Bare body measurements (165 110斤) are a request for a size.
  else if (body) verdict = { kind: 'question', topic: '尺码' };
  else if (request) verdict = { kind: 'question', topic };
  else verdict = { kind: 'other', topic: '' };
  cues.push(`rule:${verdict.kind}`);
  return { verdict, cues };
}
