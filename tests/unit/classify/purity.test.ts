import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The classifier runs in the service worker, in tests and in Node: it may import only zod and
// its own engine files, and must not touch browser or Node globals.

const dir = new URL('../../../rules/engine/classify/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('classifier purity', () => {
  it.each(files)('%s imports only zod and engine files', (file) => {
    const src = readFileSync(new URL(file, dir), 'utf8');
    const specifiers = [...src.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const s of specifiers) expect(s === 'zod' || /^\.\.?\/.*\.ts$/.test(s), `${file}: ${s}`).toBe(true);
    expect(src).not.toMatch(/\b(?:document|window|chrome|browser|process|require)\s*[.(]/);
  });
});
