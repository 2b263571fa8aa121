#!/usr/bin/env node
// The `sanad` command. It runs the bundled JavaScript in dist/cli/ (built by
// `npm run build:cli`, which `npm ci` runs through `prepare`), so starting it
// costs no TypeScript transpiling and little module loading. Without the
// bundle (a fresh checkout before install, or SANAD_FROM_SOURCE=1 while
// developing) it runs the TypeScript sources through tsx's loader instead.
import { existsSync } from 'node:fs';

const bundled = new URL('../dist/cli/main.js', import.meta.url);
let main, installSyncInflate;
if (process.env.SANAD_FROM_SOURCE !== '1' && existsSync(bundled)) {
  // A verb that prints starts its printing thread, an import of PDFs its parsing worker, before the rest loads (src/cli/prestart.ts).
  (await import(new URL('../dist/cli/prestart.js', import.meta.url).href)).prestartFor(process.argv.slice(2));
  ({ main, installSyncInflate } = await import(bundled.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main, installSyncInflate } = await import('../src/cli/main.ts'));
}
// This process runs only the core: its pdfjs inflates with zlib directly (src/cli/main.ts).
installSyncInflate();
process.exitCode = await main(process.argv);
