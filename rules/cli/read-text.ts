import { readFileSync, statSync } from 'node:fs';
import { decodeText } from '../io/decode.ts';
import { InputError } from './pack-files.ts';

// Every text the CLI reads (scripts, packs) goes through the same decoder as the extension's imports:
// UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030. A binary file or an unknown encoding is
// refused with one line instead of being checked as garbage (which printed nothing and exited 0).

/** Larger scripts are not speech; a bound keeps a mistaken path (a disk image) from filling memory. */
const MAX_BYTES = 256 * 1024 * 1024;

function decoded(bytes: Uint8Array, name: string): string {
  const d = decodeText(bytes, name);
  if (d.text === undefined) throw new InputError(`${name}: ${d.issues[0]?.reason ?? 'unreadable'}`);
  return d.text;
}

/** A file's text, or an InputError naming the file (missing, a folder, unreadable, binary). */
export function readTextFile(file: string): string {
  let bytes: Buffer;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new InputError(`${file}: is a folder, not a text file`);
    if (st.size > MAX_BYTES) throw new InputError(`${file}: ${st.size} bytes is too large to be a script (at most ${MAX_BYTES})`);
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? (e as Error).message})`}`);
  }
  return decoded(bytes, file);
}

/** All of standard input, decoded the same way. */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += b.length;
    if (total > MAX_BYTES) throw new InputError(`stdin: more than ${MAX_BYTES} bytes`);
    parts.push(b);
  }
  return decoded(Buffer.concat(parts), 'stdin');
}

/** Lines without their terminators (\n, \r\n, a lone \r), as readline splits them. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Columns as a host counts them (code points from 1) for many offsets into one line, in one pass:
 * the old per-finding [...slice] rescanned the line for every finding (a 55k-char line took 5 s).
 */
export function columnsOf(line: string): (offset: number) => number {
  let astral = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) { astral = true; break; }
  }
  if (!astral) return (offset) => offset + 1;
  // Code points before each UTF-16 offset, built once per line that needs it.
  const before = new Uint32Array(line.length + 1);
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    before[i] = n;
    const c = line.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && line.charCodeAt(i - 1) >= 0xd800 && line.charCodeAt(i - 1) <= 0xdbff)) n++;
  }
  before[line.length] = n;
  return (offset) => before[Math.max(0, Math.min(offset, line.length))] + 1;
}
