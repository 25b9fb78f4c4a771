import type { Pack } from '../engine/schema.ts';
import { hashString } from './hash.ts';
import { decodeText, type Decoded } from './decode.ts';
import type { ImportIssue } from './issues.ts';
import { parseCsvPack } from './parse-csv.ts';
import { parseJsonPacks } from './parse-json.ts';
import { parseYamlPacks } from './parse-yaml.ts';

// Entry point of every import: bytes of a file in, valid packs or located issues out. Never throws:
// whatever a user drops on the import box becomes either packs or a list of reasons.

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportFormat = 'json' | 'yaml' | 'csv';

export interface ParsedImport {
  file: string;
  format?: ImportFormat;
  encoding?: Decoded['encoding'];
  packs: Pack[];
  issues: ImportIssue[];
}

export function formatOf(file: string, text: string): ImportFormat {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  const head = text.trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  return /^[^\n:]*,/.test(head) ? 'csv' : 'yaml';
}

/** A pack id for a CSV file: the ASCII part of its name, or a hash of the name when it is all Chinese. */
export function packIdFromFileName(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const ascii = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return ascii && /^[a-z0-9]/.test(ascii) ? `custom-${ascii}` : `custom-${hashString(base)}`;
}

export function parseImportFile(
  file: string,
  bytes: Uint8Array,
  csv?: { packId?: string; name?: { zh: string; en: string } },
): ParsedImport {
  try {
    if (bytes.length > MAX_IMPORT_BYTES) {
      return { file, packs: [], issues: [{ file, reason: `文件过大（上限 20 MB）/ file too large (20 MB max)` }] };
    }
    const decoded = decodeText(bytes, file);
    if (decoded.text === undefined) return { file, packs: [], issues: decoded.issues };
    const format = formatOf(file, decoded.text);
    const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || file;
    const result =
      format === 'json'
        ? parseJsonPacks(decoded.text, file)
        : format === 'yaml'
          ? parseYamlPacks(decoded.text, file)
          : parseCsvPack(decoded.text, file, {
              packId: csv?.packId ?? packIdFromFileName(file),
              name: csv?.name ?? { zh: base, en: base },
            });
    return { file, format, encoding: decoded.encoding, ...result };
  } catch (error) {
    // A parser bug must not take the page down: report it as an issue of this file.
    return { file, packs: [], issues: [{ file, reason: `无法读取 / cannot read: ${(error as Error)?.message ?? String(error)}` }] };
  }
}
