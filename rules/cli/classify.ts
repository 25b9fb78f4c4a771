import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { classifyMessage } from '../engine/classify/index.ts';

// `livelint classify --jsonl`: one {"id","text"} per stdin line in, one {"id","kind","topic"} per
// line out, in order, streamed (a session log can be large). A bad line is reported with its line
// number and field and skipped; the good lines are still classified ("nothing lost"), and the exit
// code is 2 so a pipeline notices.

const lineSchema = z.object({
  id: z.union([z.string(), z.number()], { error: 'must be a string or a number' }),
  text: z.string({ error: 'must be a string' }),
});

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue.path.length ? issue.path.join('.') : '(line)';
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  return `field "${field}" ${missing ? 'is missing' : issue.message}`;
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
    const parsed = lineSchema.safeParse(value);
    if (!parsed.success) {
      bad++;
      errors.write(`livelint classify: line ${lineNo}: ${describe(parsed.error)}\n`);
      continue;
    }
    const { kind, topic } = classifyMessage(parsed.data.text);
    if (!output.write(JSON.stringify({ id: parsed.data.id, kind, topic }) + '\n')) await once(output, 'drain');
  }
  return bad > 0 ? 2 : 0;
}
