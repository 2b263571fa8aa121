/**
 * Bundles the command line and its worker threads into dist/cli/ with esbuild
 * (`npm run build:cli`, which `npm ci` runs through `prepare`).
 *
 * Why a bundle rather than tsc's file-per-module output: Node 20 loads ES
 * modules one file at a time, and the CLI's own ~250 modules plus pdf-lib's
 * ~190 and zod's cost more to find, read and link than to run (`sanad --help`
 * 0.45 s as files, 0.25 s bundled). The pure-JavaScript libraries go into the
 * bundle; packages with native code, data files or their own workers
 * (pdfjs-dist, playwright-core, better-sqlite3, @napi-rs/canvas, sharp,
 * tesseract.js, jsdom, …) stay in node_modules and are imported as usual.
 *
 * Code splitting keeps the verbs' heavy modules in their own chunks, loaded on
 * demand as before. The worker entries are named as the modules that start
 * them expect beside themselves (`new URL('./worker.js', import.meta.url)`).
 * The Handlebars templates are compiled ahead into templates.cjs
 * (build/precompile-templates.mjs, loaded by src/templates/render.ts).
 */
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompiledModule } from './precompile-templates.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'cli');

/** Libraries bundled: plain JavaScript with no files of their own to find at run time. */
const BUNDLED = new Set(['@cantoo/pdf-lib', 'approx-string-match', 'commander', 'date-fns', 'fflate', 'handlebars', 'zod']);

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const external = Object.keys(pkg.dependencies)
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    main: 'src/cli/main.ts',
    // bin/sanad.js loads this first (it starts the printing thread for the verbs that print).
    prestart: 'src/cli/prestart.ts',
    // verify/pool.ts, ingest/pdf-worker.ts, pdf/text-workers.ts and print/thread-printer.ts start these by these names.
    worker: 'src/verify/worker.ts',
    'pdf-worker-thread': 'src/ingest/pdf-worker-thread.ts',
    'text-worker': 'src/pdf/text-worker.ts',
    'print-worker': 'src/print/print-worker.ts',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  // Bundled CommonJS (handlebars, commander) calls require() for Node's own modules.
  banner: { js: "import { createRequire as __sanadRequire } from 'node:module'; const require = __sanadRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
});

// The templates compiled ahead of time, beside the chunk that renders them (src/templates/render.ts
// loads ./templates.cjs when it exists), by the Handlebars the bundle holds.
const Handlebars = createRequire(import.meta.url)('handlebars');
writeFileSync(join(outdir, 'templates.cjs'), precompiledModule(join(root, 'templates'), Handlebars));
