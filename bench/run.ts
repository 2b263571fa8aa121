/**
 * `npm run bench [-- import|build|ocr] [--pages N] [--keep DIR]`: runs the
 * benchmarks and prints their results as JSON on stdout (progress goes to
 * stderr). With no name import and build run (ocr, scale and corpus only when named; corpus writes
 * the whole-process comparison's files and workspace into --keep DIR), each in a fresh Node process so one's memory
 * high-water mark does not leak into the other's, and the output is an array.
 */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AppBenchResult, runAppBench } from './app.ts';
import { BuildBenchResult, filesForPages, runBuildBench } from './build.ts';
import { CorpusSetupResult, runCorpusSetup } from './compare-corpus.ts';
import { ImportBenchResult, runImportBench } from './import.ts';
import { OcrBenchResult, runOcrBench } from './ocr.ts';
import { ScaleBenchResult, runScaleBench } from './scale.ts';
import { installSyncInflate } from '../src/pdf/sync-inflate.ts';

const BenchName = z.enum(['import', 'build', 'scale', 'ocr', 'app', 'corpus']);
type BenchName = z.infer<typeof BenchName>;

const USAGE =
  'usage: npm run bench [-- import|build|scale|ocr|app] [--pages N] [--runs N] [--sizes 40,200,1000] [--keep DIR]\n       npm run bench -- corpus --keep DIR [--pages N]   (comparison corpus and workspace, kept in DIR)';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parse(argv: string[]): { names: BenchName[]; pages: number | undefined; runs: number | undefined; sizes: number[] | undefined; keep: string | undefined } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { pages: { type: 'string' }, runs: { type: 'string' }, sizes: { type: 'string' }, keep: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const names = positionals.map((p) => {
    const parsed = BenchName.safeParse(p);
    return parsed.success ? parsed.data : fail(`Unknown benchmark "${p}": name import, build, scale, ocr, app or corpus.`);
  });
  let pages: number | undefined;
  if (values.pages !== undefined) {
    pages = Number(values.pages);
    if (!Number.isInteger(pages) || pages < 1) fail(`--pages must be a positive whole number, not "${values.pages}".`);
  }
  let runs: number | undefined;
  if (values.runs !== undefined) {
    runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 0) fail(`--runs must be a whole number, not "${values.runs}".`);
  }
  let sizes: number[] | undefined;
  if (values.sizes !== undefined) {
    sizes = values.sizes.split(',').map(Number);
    if (!sizes.every((n) => Number.isInteger(n) && n > 0)) fail(`--sizes must be whole numbers separated by commas, not "${values.sizes}".`);
  }
  // The scale run takes a long while, so it runs only when named.
  return { names: names.length ? [...new Set(names)] : ['import', 'build'], pages, runs, sizes, keep: values.keep };
}

async function runOne(name: BenchName, pages: number | undefined, keep: string | undefined, sizes?: number[], runs?: number): Promise<unknown> {
  const log = (line: string) => process.stderr.write(`[bench ${name}] ${line}\n`);
  const dir = keep ? `${keep}/${name}` : undefined;
  if (name === 'corpus') {
    // Not a timing: the files and workspace that bench/compare-python-bundler.sh times from outside.
    if (!keep) fail('The corpus is written for later use: give --keep DIR.');
    return runCorpusSetup({ dir: keep, ...(pages ? { files: filesForPages(pages) } : {}), log });
  }
  if (dir) await mkdir(dir, { recursive: true });
  if (name === 'ocr') {
    log(`OCR of ${pages ?? 6} clean and ${pages ?? 6} noisy 300 dpi pages`);
    return runOcrBench({ ...(pages ? { pages } : {}), ...(dir ? { dir } : {}), log });
  }
  if (name === 'app') return runAppBench({ ...(sizes?.[0] ? { sources: sizes[0] } : {}), ...(pages ? { pages } : {}), ...(dir ? { dir } : {}), log });
  if (name === 'scale') return runScaleBench({ ...(sizes ? { sizes } : {}), ...(dir ? { dir } : {}), log });
  if (name === 'import') {
    log(`importing a ${pages ?? 500}-page PDF`);
    return runImportBench({ ...(pages ? { pages } : {}), ...(dir ? { dir } : {}), ...(runs !== undefined ? { processRuns: runs } : {}) });
  }
  // The build runs in this process as it does in `sanad build`'s, where bin/sanad.js gives pdfjs zlib's inflate.
  installSyncInflate();
  return runBuildBench({ ...(pages ? { files: filesForPages(pages) } : {}), ...(dir ? { dir } : {}), ...(runs !== undefined ? { processRuns: runs } : {}), log });
}

/** Runs one benchmark in a child Node process (same loader flags) and returns its parsed JSON. */
function runInChild(name: BenchName, argv: string[]): unknown {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [...process.execArgv, script, name, ...argv], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`The ${name} benchmark failed (exit ${child.status}).`);
  const schema =
    name === 'import'
      ? ImportBenchResult
      : name === 'scale'
        ? ScaleBenchResult
        : name === 'ocr'
          ? OcrBenchResult
          : name === 'app'
            ? AppBenchResult
            : name === 'corpus'
              ? CorpusSetupResult
              : BuildBenchResult;
  return schema.parse(JSON.parse(child.stdout));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const { names, pages, runs, sizes, keep } = parse(argv);
  if (names.length === 1) {
    const result = await runOne(names[0]!, pages, keep, sizes, runs);
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return;
  }
  const rest = argv.filter((a) => !BenchName.safeParse(a).success);
  const results = names.map((name) => runInChild(name, rest));
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
