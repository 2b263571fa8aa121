/**
 * The import benchmark (issue 2, item 8): a generated long PDF imported into a
 * fresh workspace through the real import path (reading, checks, text
 * extraction, saving), timed, with peak memory and — when poppler is
 * installed — the ratio to `pdftotext` on the same file. Then the same
 * import as a whole process, as a user runs it (`node bin/sanad.js import`
 * into a fresh workspace: start-up, module loading and exit included),
 * several times in turn with `pdftotext` as a whole process, medians quoted.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.ts';
import { z } from 'zod';
import { importFiles } from '../src/ingest/index.ts';
import { ChromiumPrinter } from '../src/print/chromium.ts';
import { initWorkspace, openWorkspace } from '../src/store/index.ts';
import { makeBigPdf } from './big-pdf.ts';
import { defaultTextThreads } from '../src/pdf/text-parallel.ts';
import { comparison, median, pairedRuns, round, secondsSince, startRssSampler, timeProcess, timeTool } from './measure.ts';

const ToolComparison = z.object({ seconds: z.number().nonnegative(), ratio: z.number().nonnegative() }).nullable();

/** `sanad import` and `pdftotext` as whole processes, run in turn; medians. */
const WholeProcess = z.object({
  runs: z.number().int().positive(),
  /** Median wall-clock seconds of `node bin/sanad.js --workspace FRESH import FILE`. */
  sanadSeconds: z.number().positive(),
  /** Median peak memory of that process in MB (GNU time), or null without it. */
  sanadMaxRssMB: z.number().positive().nullable(),
  /** Median seconds of `pdftotext FILE /dev/null`, or null when poppler is not installed. */
  pdftotextSeconds: z.number().nonnegative().nullable(),
  /** Median of the run-by-run ratios sanad / pdftotext (the goal: at most 2). */
  ratio: z.number().nonnegative().nullable(),
  /**
   * The floor under that goal (bench/pdfjs-floor.ts): median seconds of a process that only has pdfjs
   * read every page's text, on as many threads as Sanad's import uses, as Sanad loads it. Null when
   * its compiled script is missing (a run under tsx).
   */
  pdfjsFloorSeconds: z.number().positive().nullable(),
  /** pdfjsFloorSeconds / pdftotextSeconds: the best ratio an import built on pdfjs could reach here. */
  pdfjsFloorRatio: z.number().nonnegative().nullable(),
});

/** The JSON line the import benchmark prints. */
export const ImportBenchResult = z.object({
  bench: z.literal('import'),
  pages: z.number().int().positive(),
  seconds: z.number().positive(),
  pagesPerSecond: z.number().positive(),
  peakRssMB: z.number().positive(),
  /** RSS just before the timed run (modules loaded; under tsx, pdfjs alone adds ~150 MB). */
  baselineRssMB: z.number().positive(),
  maxRssKB: z.number().int().positive(),
  /** Seconds to generate the PDF (not part of `seconds`). */
  setupSeconds: z.number().nonnegative(),
  pdftotext: ToolComparison,
  /** The whole-process comparison; null when asked for no runs. */
  wholeProcess: WholeProcess.nullable(),
});
export type ImportBenchResult = z.infer<typeof ImportBenchResult>;

export interface ImportBenchOptions {
  /** Pages in the generated PDF (default 500). */
  pages?: number;
  /** Scratch folder (default: a new temp folder, removed afterwards). */
  dir?: string;
  /** Whole-process runs of `sanad import` and of pdftotext, in turn (default 5; 0 skips them). */
  processRuns?: number;
}

/** The compiled floor script beside this one (dist/bench/pdfjs-floor.js), or undefined under tsx. */
function floorScript(): string | undefined {
  const here = fileURLToPath(new URL('./pdfjs-floor.js', import.meta.url));
  return import.meta.url.endsWith('.js') && existsSync(here) ? here : undefined;
}

/** Median whole-process seconds of pdfjs alone reading `pdf` on `threads` threads (bench/pdfjs-floor.ts). */
function pdfjsFloor(pdf: string, runs: number, threads: number): number | null {
  const script = floorScript();
  if (!script || runs === 0) return null;
  return round(median(Array.from({ length: runs }, () => timeProcess(process.execPath, [script, pdf, String(threads)]).seconds)));
}

/** Imports `pdf` with the `sanad` command into `runs` fresh workspaces, pdftotext in between. */
async function wholeProcess(pdf: string, pages: number, dir: string, runs: number): Promise<z.infer<typeof WholeProcess>> {
  const bin = join(PACKAGE_ROOT, 'bin', 'sanad.js');
  const { toolSeconds, ...rest } = await pairedRuns(
    runs,
    async (i) => {
      const ws = join(dir, `ws-process-${i}`);
      await initWorkspace(ws);
      const run = timeProcess(process.execPath, [bin, '--workspace', ws, 'import', pdf]);
      await rm(ws, { recursive: true, force: true });
      return run;
    },
    () => timeTool('pdftotext', [pdf, '/dev/null']),
  );
  // The floor on the threads Sanad's import reads a file this long with.
  const floor = pdfjsFloor(pdf, runs, defaultTextThreads(pages));
  return {
    ...rest,
    pdftotextSeconds: toolSeconds,
    pdfjsFloorSeconds: floor,
    pdfjsFloorRatio: floor !== null && toolSeconds ? round(floor / toolSeconds, 2) : null,
  };
}

export async function runImportBench(options: ImportBenchOptions = {}): Promise<ImportBenchResult> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'sanad-bench-import-')));
  const printer = new ChromiumPrinter(); // the PDF path never prints, so Chromium is never launched
  try {
    const setupStart = performance.now();
    const pdf = join(dir, 'long-report.pdf');
    const pages = await makeBigPdf(pdf, options.pages ?? 500);
    const wsDir = join(dir, 'ws');
    await initWorkspace(wsDir);
    const ws = await openWorkspace(wsDir);
    const setupSeconds = secondsSince(setupStart);
    let imported;
    const sampler = startRssSampler();
    const start = performance.now();
    try {
      imported = await importFiles(ws, [pdf], { printer });
    } finally {
      await ws.close();
    }
    const seconds = secondsSince(start);
    const memory = sampler.stop();
    const counted = imported[0]?.source.pages;
    if (counted !== pages) throw new Error(`The import counted ${counted} pages in a ${pages}-page PDF.`);
    const runs = options.processRuns ?? 5;
    return ImportBenchResult.parse({
      bench: 'import',
      pages,
      seconds: round(seconds),
      pagesPerSecond: round(pages / seconds, 1),
      peakRssMB: memory.peakRssMB,
      baselineRssMB: memory.baselineRssMB,
      maxRssKB: memory.maxRssKB,
      setupSeconds: round(setupSeconds),
      pdftotext: comparison(seconds, timeTool('pdftotext', [pdf, '/dev/null'])),
      wholeProcess: runs > 0 ? await wholeProcess(pdf, pages, dir, runs) : null,
    });
  } finally {
    await printer.close();
    if (!options.dir) await rm(dir, { recursive: true, force: true });
  }
}
