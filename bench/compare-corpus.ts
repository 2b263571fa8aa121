/**
 * The corpus for the whole-process comparison with a Python bundler (issue 10,
 * item 4): the build benchmark's 40 PDFs × 25 pages, but no excerpts, written
 * into a kept folder together with a ready workspace whose case holds all of
 * them, so that `node bin/sanad.js --workspace DIR/ws build bench-case` can be
 * timed from outside as a whole process, side by side with another bundler
 * given the same files (`DIR/index.csv` lists them in order, with a title and
 * a date, in the index-CSV shape such bundlers take).
 */
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { importFiles } from '../src/ingest/index.ts';
import { addSourcesToCase, createCase } from '../src/ops/index.ts';
import { ChromiumPrinter } from '../src/print/chromium.ts';
import { initWorkspace, openWorkspace } from '../src/store/index.ts';
import { makeCorpus } from './corpus.ts';
import { round, secondsSince } from './measure.ts';

export const COMPARE_CASE_SLUG = 'bench-case';

export const CorpusSetupResult = z.object({
  bench: z.literal('corpus'),
  dir: z.string(),
  /** The PDFs, in bundle order (`DIR/corpus/corpus-NN.pdf`). */
  files: z.array(z.string()),
  sourcePages: z.number().int().positive(),
  /** The Sanad workspace (`DIR/ws`) and the case whose bundle holds every file. */
  workspace: z.string(),
  caseSlug: z.string(),
  /** `filename,title,date,section` rows, one per file, in bundle order. */
  indexCsv: z.string(),
  setupSeconds: z.number().nonnegative(),
});
export type CorpusSetupResult = z.infer<typeof CorpusSetupResult>;

export interface CorpusSetupOptions {
  /** Folder to write into (kept): `corpus/`, `ws/` and `index.csv` go there. */
  dir: string;
  /** Number of source PDFs (default 40). */
  files?: number;
  /** Pages per source (default 25). */
  pagesPerFile?: number;
  log?: (line: string) => void;
}

/** One CSV field, quoted when it holds a comma, a quote or a line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export async function runCorpusSetup(options: CorpusSetupOptions): Promise<CorpusSetupResult> {
  const log = options.log ?? (() => {});
  const start = performance.now();
  const fileCount = options.files ?? 40;
  log(`generating ${fileCount} PDFs × ${options.pagesPerFile ?? 25} pages`);
  const corpus = await makeCorpus(join(options.dir, 'corpus'), {
    files: fileCount,
    pagesPerFile: options.pagesPerFile ?? 25,
    withImage: true,
    quotes: 0,
  });
  const wsDir = join(options.dir, 'ws');
  await initWorkspace(wsDir);
  const ws = await openWorkspace(wsDir);
  const printer = new ChromiumPrinter();
  try {
    log(`importing ${corpus.files.length} files into ${wsDir}`);
    const imported = await importFiles(ws, corpus.files, { printer });
    await createCase(ws, { slug: COMPARE_CASE_SLUG, title: 'Benchmark appeal', appellant: 'A. Appellant', reference: 'PA/00000/2026' });
    await addSourcesToCase(ws, COMPARE_CASE_SLUG, imported.map((r) => r.source.id));
  } finally {
    await printer.close();
    await ws.close();
  }
  // The corpus's own titles (makeCorpus's "Benchmark country report N") and one date a file.
  const rows = corpus.files.map((file, i) => {
    const day = String((i % 28) + 1).padStart(2, '0');
    return [basename(file), `Benchmark country report ${i + 1}`, `2026-01-${day}`, '0'].map(csvField).join(',');
  });
  const indexCsv = join(options.dir, 'index.csv');
  await writeFile(indexCsv, ['filename,title,date,section', ...rows].join('\n') + '\n');
  return CorpusSetupResult.parse({
    bench: 'corpus',
    dir: options.dir,
    files: corpus.files,
    sourcePages: corpus.pages,
    workspace: wsDir,
    caseSlug: COMPARE_CASE_SLUG,
    indexCsv,
    setupSeconds: round(secondsSince(start)),
  });
}
