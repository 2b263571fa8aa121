/**
 * The import benchmark (issue 2, item 8): a generated long PDF imported into a
 * fresh workspace through the real import path (reading, checks, text
 * extraction, saving), timed, with peak memory and — when poppler is
 * installed — the ratio to `pdftotext` on the same file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { importFiles } from '../src/ingest/index.ts';
import { ChromiumPrinter } from '../src/print/chromium.ts';
import { initWorkspace, openWorkspace } from '../src/store/index.ts';
import { makeBigPdf } from './big-pdf.ts';
import { comparison, round, secondsSince, startRssSampler, timeTool } from './measure.ts';

const ToolComparison = z.object({ seconds: z.number().nonnegative(), ratio: z.number().nonnegative() }).nullable();

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
});
export type ImportBenchResult = z.infer<typeof ImportBenchResult>;

export interface ImportBenchOptions {
  /** Pages in the generated PDF (default 500). */
  pages?: number;
  /** Scratch folder (default: a new temp folder, removed afterwards). */
  dir?: string;
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
    });
  } finally {
    await printer.close();
    if (!options.dir) await rm(dir, { recursive: true, force: true });
  }
}
