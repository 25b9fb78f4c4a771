import { describe, expect, it } from 'vitest';
import { findCycles, importGraph, rel } from './import-graph.ts';

// An import circle makes three files one unit a reader has to hold at once (and a type-only circle
// is still one); the shared piece belongs in its own file both sides import.

describe('import circles', () => {
  it('none in entrypoints/ or components/', () => {
    const cycles = findCycles(importGraph(['entrypoints', 'components'])).map((c) => c.map(rel).join(' -> '));
    expect(cycles).toEqual([]);
  });

  it('finds a circle of three and a file importing itself, and passes a diamond', () => {
    const g = new Map<string, string[]>([
      ['define', ['blocks', 'dom-read', 'types']],
      ['blocks', ['types']],
      ['dom-read', ['types', 'define']],
      ['types', []],
      ['self', ['self']],
    ]);
    expect(findCycles(g)).toEqual([['define', 'dom-read', 'define'], ['self', 'self']]);
    const diamond = new Map<string, string[]>([
      ['a', ['b', 'c']],
      ['b', ['d']],
      ['c', ['d']],
      ['d', []],
    ]);
    expect(findCycles(diamond)).toEqual([]);
  });
});
