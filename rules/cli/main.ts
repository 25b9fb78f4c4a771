import { runCheck } from './check.ts';
import { runVerify } from './verify.ts';
import { runBuild } from './build.ts';
import { InputError } from './pack-files.ts';
import { CompileError } from '../engine/index.ts';

const USAGE = `livelint — 直播话术体检 (checks live-stream selling speech against Chinese advertising law, locally)

Usage:
  livelint check [--format text|json] [--category <product-category>] [--pack FILE|DIR]... [--no-builtin] [--no-model]
                 [--product FILE [--today YYYY-MM-DD]] [--source script|captions|chat] [--locale zh|en] [FILE|-]
  livelint check --jsonl        reads {"id","text","productCategory"?} lines, writes {"id","findings"} lines
  livelint classify --jsonl     reads {"id","text"} lines, writes {"id","kind","topic"} lines
  livelint verify [PACK...]     runs every rule's embedded examples (default: built-in packs)
  livelint build [--check]      compiles rules/packs/*/ into rules/packs/builtin.json

Exit codes: 0 no error finding, 1 an error-severity finding (check), 2 bad input or unreadable file, 3 internal error.`;

/** Runs one CLI invocation; returns the exit code. Bad input never prints a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'check':
        return await runCheck(rest);
      case 'verify':
        return runVerify(rest);
      case 'build':
        return runBuild(rest);
      case 'classify': {
        const { runClassify } = await import('./classify.ts');
        if (!rest.includes('--jsonl')) throw new InputError('classify reads JSON lines: use livelint classify --jsonl');
        return await runClassify(process.stdin, process.stdout, process.stderr);
      }
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(USAGE + '\n');
        return cmd === undefined ? 2 : 0;
      default:
        throw new InputError(`unknown command "${cmd}" (try livelint --help)`);
    }
  } catch (e) {
    if (e instanceof InputError || e instanceof CompileError) {
      process.stderr.write(`livelint: ${e.message}\n`);
      return 2;
    }
    // A file system or stream error (EACCES, EIO, EPIPE): one line, never a stack trace.
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code) {
      process.stderr.write(`livelint: ${(e as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`livelint: internal error: ${(e as Error)?.message ?? String(e)} (please report it)\n`);
    return 3;
  }
}
