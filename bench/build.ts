/**
 * The build benchmark (issue 3, item 8): a generated corpus imported into a
 * fresh workspace, a case with every file in its bundle and excerpts tagged
 * by quote, then the full bundle build (index, schedule, stamps, bookmarks,
 * links, highlights, verification) timed on its own, with peak memory, output
 * size, a per-stage breakdown and — when qpdf is installed — the ratio to a
 * plain `qpdf --empty --pages … --` merge of the same files.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { importFiles } from '../src/ingest/index.ts';
import { addSourcesToCase, buildCase, createCase, tagQuote } from '../src/ops/index.ts';
import { ChromiumPrinter } from '../src/print/chromium.ts';
import type { Printer } from '../src/print/printer.ts';
import { PACKAGE_ROOT } from '../src/paths.ts';
import { initWorkspace, openWorkspace } from '../src/store/index.ts';
import { makeCorpus } from './corpus.ts';
import { comparison, pairedRuns, round, secondsSince, stageTimer, startRssSampler, timeProcess, timeTool } from './measure.ts';

export const BENCH_TAGS = ['Threat patterns/Targeted killings', 'Internal relocation risk/Karachi', 'Karachi-traced threats'];
const CASE_SLUG = 'bench-case';

/** The JSON line the build benchmark prints. */
export const BuildBenchResult = z.object({
  bench: z.literal('build'),
  sources: z.number().int().positive(),
  /** Pages of the source files (the corpus). */
  sourcePages: z.number().int().positive(),
  /** Pages of the built bundle (sources plus generated parts). */
  pages: z.number().int().positive(),
  excerpts: z.number().int().nonnegative(),
  /** The build alone (buildCase: load, plan, render parts, assemble, verify, write). */
  seconds: z.number().positive(),
  /** Corpus generation, import, case and tagging (not part of `seconds`). */
  setupSeconds: z.number().nonnegative(),
  peakRssMB: z.number().positive(),
  /** RSS just before the timed run (modules loaded; under tsx, pdfjs alone adds ~150 MB). */
  baselineRssMB: z.number().positive(),
  maxRssKB: z.number().int().positive(),
  outputMB: z.number().positive(),
  volumes: z.number().int().positive(),
  stages: z.array(z.object({ stage: z.string(), seconds: z.number().nonnegative() })),
  /** Generated parts printed through Chromium during the build, and the seconds spent waiting for them. */
  printing: z.object({ calls: z.number().int().nonnegative(), seconds: z.number().nonnegative() }),
  qpdf: z.object({ seconds: z.number().nonnegative(), ratio: z.number().nonnegative() }).nullable(),
  /** The same build as a user runs it: `sanad build` as a whole process, in turn with qpdf's merge; null when asked for no runs. */
  wholeProcess: z
    .object({
      runs: z.number().int().positive(),
      /** Median wall-clock seconds of `node bin/sanad.js --workspace WS build bench-case --out FRESH/bundle.pdf` (a first build each time: no earlier report). */
      sanadSeconds: z.number().positive(),
      /** Median peak memory of that Node process in MB (GNU time; Chromium's processes are not counted), or null without it. */
      sanadMaxRssMB: z.number().positive().nullable(),
      /** Median seconds of `qpdf --empty --pages FILES -- out.pdf` as a process, or null without qpdf. */
      qpdfSeconds: z.number().nonnegative().nullable(),
      /** Median of the run-by-run ratios sanad / qpdf. */
      ratio: z.number().nonnegative().nullable(),
    })
    .nullable(),
});
export type BuildBenchResult = z.infer<typeof BuildBenchResult>;

export interface BuildBenchOptions {
  /** Number of source PDFs (default 40). */
  files?: number;
  /** Pages per source (default 25). */
  pagesPerFile?: number;
  /** Excerpts to tag (default 200). */
  excerpts?: number;
  /** Scratch folder (default: a new temp folder, removed afterwards). */
  dir?: string;
  /** Called with a line of progress text during setup and build (stderr in the CLI). */
  log?: (line: string) => void;
  /** Whole-process runs of `sanad build` and of qpdf, in turn, after the in-process build (default 3; 0 skips them). */
  processRuns?: number;
}

/** Builds the case with the `sanad` command `runs` times into fresh folders, qpdf's merge in between. */
async function wholeProcess(wsDir: string, files: string[], dir: string, runs: number): Promise<BuildBenchResult['wholeProcess']> {
  const bin = join(PACKAGE_ROOT, 'bin', 'sanad.js');
  const { toolSeconds, ...rest } = await pairedRuns(
    runs,
    async (i) => timeProcess(process.execPath, [bin, '--workspace', wsDir, 'build', CASE_SLUG, '--out', join(dir, `out-process-${i}`, 'bundle.pdf')]),
    () => timeTool('qpdf', ['--empty', '--pages', ...files, '--', join(dir, 'qpdf-merged.pdf')]),
  );
  return { ...rest, qpdfSeconds: toolSeconds };
}

/** Files × 25 pages for a target page count (e.g. 10,000 → 400 files). */
export function filesForPages(pages: number, pagesPerFile = 25): number {
  return Math.max(1, Math.round(pages / pagesPerFile));
}

/** Wraps a printer to count its calls and the time spent in them. */
export function countingPrinter(inner: Printer): Printer & { calls: number; seconds: number } {
  const counted = {
    calls: 0,
    seconds: 0,
    async printHtml(...args: Parameters<Printer['printHtml']>) {
      const start = performance.now();
      try {
        return await inner.printHtml(...args);
      } finally {
        counted.calls++;
        counted.seconds += secondsSince(start);
      }
    },
    close: () => inner.close(),
  };
  return counted;
}

export async function runBuildBench(options: BuildBenchOptions = {}): Promise<BuildBenchResult> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'sanad-bench-build-')));
  const log = options.log ?? (() => {});
  const printer = new ChromiumPrinter();
  try {
    const setupStart = performance.now();
    log('generating the corpus');
    const corpus = await makeCorpus(join(dir, 'corpus'), {
      files: options.files ?? 40,
      pagesPerFile: options.pagesPerFile ?? 25,
      withImage: true,
      quotes: options.excerpts ?? 200,
    });
    const wsDir = join(dir, 'ws');
    await initWorkspace(wsDir);
    const ws = await openWorkspace(wsDir);
    let result;
    let seconds: number;
    let stages;
    let memory;
    try {
      log(`importing ${corpus.files.length} files`);
      const imported = await importFiles(ws, corpus.files, { printer });
      const idOf = new Map(corpus.files.map((f, i) => [f, imported[i]!.source.id]));
      await createCase(ws, { slug: CASE_SLUG, title: 'Benchmark appeal', appellant: 'A. Appellant', reference: 'PA/00000/2026' });
      await addSourcesToCase(ws, CASE_SLUG, [...idOf.values()]);
      log(`tagging ${corpus.quotes.length} excerpts`);
      for (const [i, q] of corpus.quotes.entries()) {
        await tagQuote(ws, { sourceId: idOf.get(q.file)!, quote: q.quote, page: q.page, tags: [BENCH_TAGS[i % BENCH_TAGS.length]!], createTags: true });
      }
      // Launch Chromium before the clock starts: the app keeps its printer open between builds.
      await printer.printHtml('<p>warm-up</p>', { paper: 'A4' });
      const setupSeconds = secondsSince(setupStart);
      log(`building (setup took ${round(setupSeconds, 1)} s)`);
      const timer = stageTimer('write');
      let lastStage = '';
      const onProgress = (p: { stage: string; done: number; total: number }) => {
        if (p.stage !== lastStage) log(`build stage: ${(lastStage = p.stage)}`);
        timer.onProgress(p);
      };
      const counted = countingPrinter(printer);
      const sampler = startRssSampler();
      const start = performance.now();
      const startMicros = process.hrtime.bigint() / 1000n;
      result = await buildCase(ws, CASE_SLUG, { printer: counted, out: join(dir, 'out', 'bundle.pdf'), onProgress });
      seconds = secondsSince(start);
      // Same monotonic clock as a --cpu-prof profile's sample times: lets a profile be cut to the build.
      log(`build window (monotonic µs): ${startMicros}-${process.hrtime.bigint() / 1000n}`);
      memory = sampler.stop();
      stages = timer.finish();
      const outputBytes = (await Promise.all(result.files.map((f) => stat(f)))).reduce((n, s) => n + s.size, 0);
      log(`merging the same files with qpdf`);
      const qpdfSeconds = timeTool('qpdf', ['--empty', '--pages', ...corpus.files, '--', join(dir, 'qpdf-merged.pdf')]);
      // The command line opens the workspace itself: close it here first.
      await ws.close();
      const runs = options.processRuns ?? 3;
      if (runs > 0) log(`sanad build as a whole process, ${runs} times in turn with qpdf`);
      const processes = runs > 0 ? await wholeProcess(wsDir, corpus.files, dir, runs) : null;
      return BuildBenchResult.parse({
        bench: 'build',
        sources: corpus.files.length,
        sourcePages: corpus.pages,
        pages: result.report.pages,
        excerpts: result.report.excerpts.length,
        seconds: round(seconds),
        setupSeconds: round(setupSeconds),
        peakRssMB: memory.peakRssMB,
        baselineRssMB: memory.baselineRssMB,
        maxRssKB: memory.maxRssKB,
        outputMB: round(outputBytes / (1024 * 1024), 2),
        volumes: result.files.length,
        stages,
        printing: { calls: counted.calls, seconds: round(counted.seconds) },
        qpdf: comparison(seconds, qpdfSeconds),
        wholeProcess: processes,
      });
    } finally {
      await ws.close();
    }
  } finally {
    await printer.close();
    if (!options.dir) await rm(dir, { recursive: true, force: true });
  }
}
