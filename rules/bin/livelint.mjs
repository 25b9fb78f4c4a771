#!/usr/bin/env node
// The `livelint` command. The CLI is TypeScript sharing the engine with the extension; tsx
// compiles it on the fly (cached), so there is no separate build step to forget after `npm install`.
import { register } from 'tsx/esm/api';

// `livelint check big.txt | head` closes the pipe early: stop quietly, as other Unix tools do.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`livelint: ${e.message}\n`);
  process.exit(2);
});
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
