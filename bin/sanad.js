#!/usr/bin/env node
// The `sanad` command. The core is TypeScript run through tsx's loader, so
// `npx sanad` works straight after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
