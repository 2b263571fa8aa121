#!/usr/bin/env node
// The `sanad` command. It runs the compiled JavaScript in dist/ (built by
// `npm run build:cli`, which `npm ci` runs through `prepare`), so starting it
// costs no TypeScript transpiling. Without dist/ (a fresh checkout before
// install, or SANAD_FROM_SOURCE=1 while developing) it runs the TypeScript
// sources through tsx's loader instead.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
let main;
if (process.env.SANAD_FROM_SOURCE !== '1' && existsSync(compiled)) {
  ({ main } = await import(compiled.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
