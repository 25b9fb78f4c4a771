// Stable content hashes: a built-in pack is only rewritten when its content changed, and an import
// preview tells "changed" from "unchanged" by comparing hashes of canonical JSON.

/** JSON with object keys sorted, so equal content always gives the same string. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) if (v[k] !== undefined) sorted[k] = v[k];
      return sorted;
    }
    return v;
  });
}

/** 53-bit FNV-1a style hash as base-36; not cryptographic, only a change detector. */
export function hashString(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822519);
  }
  return ((h2 >>> 0) * 2 ** 21 + ((h1 >>> 0) & 0x1fffff)).toString(36);
}

export function hashJson(value: unknown): string {
  return hashString(canonicalJson(value));
}
