import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { classifyMessage } from '../engine/classify/index.ts';

// `livelint classify --jsonl`: one {"id","text"} per stdin line in, one {"id","kind","topic"} per
// line out, in order, streamed (a session log can be large). A bad line is reported with its line
// number and field and skipped; the good lines are still classified ("nothing lost"), and the exit
// code is 2 so a pipeline notices.

/** What is wrong with a parsed line, or null when it is a usable {"id","text"}. */
function problem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object {"id","text"}';
  const o = value as Record<string, unknown>;
  if (!('id' in o)) return 'field "id" is missing';
  if (typeof o.id !== 'string' && typeof o.id !== 'number') return 'field "id" must be a string or a number';
  if (!('text' in o)) return 'field "text" is missing';
  if (typeof o.text !== 'string') return 'field "text" must be a string';
  return null;
}

export async function runClassify(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  errors: NodeJS.WritableStream,
): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let bad = 0;
  for await (const raw of lines) {
    lineNo++;
    const line = raw.trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      bad++;
      errors.write(`livelint classify: line ${lineNo}: not valid JSON (expected {"id","text"})\n`);
      continue;
    }
    const wrong = problem(value);
    if (wrong) {
      bad++;
      errors.write(`livelint classify: line ${lineNo}: ${wrong}\n`);
      continue;
    }
    const { id, text } = value as { id: string | number; text: string };
    const { kind, topic } = classifyMessage(text);
    if (!output.write(JSON.stringify({ id, kind, topic }) + '\n')) await once(output, 'drain');
  }
  return bad > 0 ? 2 : 0;
}
