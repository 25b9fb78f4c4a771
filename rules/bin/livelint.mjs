#!/usr/bin/env node
// The `livelint` command. The CLI is TypeScript sharing the engine with the extension; tsx
// compiles it on the fly (cached), so there is no separate build step to forget after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
