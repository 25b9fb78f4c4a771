import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyMessage, CHAT_KINDS, CHAT_TOPICS } from '../../../rules/engine/classify/index.ts';

// Labeled viewer messages written for this classifier (none copied from the shared dev set).
// Each set must stay at or above the bar; every miss is printed so a regression names
// the message that broke.

interface Labeled {
  id: string;
  text: string;
  kind: string;
  topic: string;
}

const SETS = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.jsonl'));

function load(name: string): Labeled[] {
  return readFileSync(new URL(name, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Labeled);
}

/** Recall of one kind; 1 when the set has none of it (nothing to miss). */
function recall(rows: Labeled[], got: Map<string, string>, kind: string): number {
  const of = rows.filter((r) => r.kind === kind);
  return of.length ? of.filter((r) => got.get(r.id) === kind).length / of.length : 1;
}

it('finds the labeled sets', () => expect(SETS.length).toBeGreaterThanOrEqual(4));

describe.each(SETS)('labeled set %s', (name) => {
  const rows = load(name);
  const got = new Map(rows.map((r) => [r.id, classifyMessage(r.text).kind as string]));
  const misses = rows.filter((r) => got.get(r.id) !== r.kind).map((r) => `${r.id} ${r.text}: want ${r.kind}, got ${got.get(r.id)}`);

  it('uses only known labels', () => {
    for (const r of rows) {
      expect(CHAT_KINDS).toContain(r.kind);
      expect(CHAT_TOPICS).toContain(r.topic);
    }
  });

  it('classifies at least 95% of kinds right', () => {
    expect(misses.length / rows.length, misses.join('\n')).toBeLessThanOrEqual(0.05);
  });

  it('recalls at least 90% of risky questions and off-platform solicitations', () => {
    expect(recall(rows, got, 'risky-question')).toBeGreaterThanOrEqual(0.9);
    expect(recall(rows, got, 'off-platform')).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the labeled topic for at least 90% of correctly classified messages', () => {
    const right = rows.filter((r) => got.get(r.id) === r.kind);
    const wrongTopic = right.filter((r) => classifyMessage(r.text).topic !== r.topic);
    expect(wrongTopic.length / right.length, wrongTopic.map((r) => r.text).join('\n')).toBeLessThanOrEqual(0.1);
  });
});
