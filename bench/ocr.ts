/**
 * OCR benchmark (issue 8, item 8): throughput in pages per minute on 300 dpi
 * A4 scans of known text, beside the `tesseract` command line on the same
 * images (same number of parallel jobs as our worker threads, one thread
 * each), and accuracy as character error rate (CER) on clean and noisy scans
 * for both. Goal: within 1.5× native tesseract's time; CER under 2 % on clean
 * 300 dpi text.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { createOcrEngine } from '../src/ocr/engine.ts';
import { resolveLanguages } from '../src/ocr/languages.ts';
import { textImage } from '../test/ingest/ocr-fixtures.ts';
import { round, secondsSince } from './measure.ts';
import { sentenceFor } from './sentences.ts';

export const OcrBenchResult = z.object({
  pages: z.number(),
  workers: z.number(),
  startupSeconds: z.number(),
  ours: z.object({ seconds: z.number(), pagesPerMinute: z.number(), cerClean: z.number(), cerNoisy: z.number() }),
  tesseract: z.object({ seconds: z.number(), pagesPerMinute: z.number(), cerClean: z.number(), cerNoisy: z.number(), ratio: z.number() }).nullable(),
});
export type OcrBenchResult = z.infer<typeof OcrBenchResult>;

/**
 * Lines of a page: 30 sentences at 11 pt, about 2,100 characters. The generator's
 * "Item F009-P000-L000:" prefix is left out: with it the lines ran past the
 * page's edge, and page segmentation read the prefixes as a column of their own,
 * so both engines scored a meaningless ~47 % error rate.
 */
function linesOf(page: number): string[] {
  return Array.from({ length: 30 }, (_, i) => sentenceFor(9, page, i).replace(/^Item [^:]+: /, ''));
}

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Levenshtein distance / reference length. */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const a = normalise(reference);
  const b = normalise(hypothesis);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return a.length === 0 ? 0 : prev[b.length]! / a.length;
}

function nativeTesseract(image: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', [image, 'stdout', '-l', 'eng', '--psm', '3', '--dpi', '300'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? resolve(null) : reject(e)));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`tesseract exited ${code}`))));
  });
}

/** Runs `task` over `items` with `parallel` at a time, keeping order. */
async function pool<T, R>(items: T[], parallel: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]!);
    }
  }));
  return out;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

export async function runOcrBench(options: { pages?: number; workers?: number; dir?: string; log?: (line: string) => void } = {}): Promise<OcrBenchResult> {
  const pages = options.pages ?? 6;
  const workers = options.workers ?? 2;
  const log = options.log ?? (() => {});
  const dir = options.dir ?? await mkdtemp(join(tmpdir(), 'sanad-bench-ocr-'));
  try {
    log(`drawing ${pages} clean and ${pages} noisy 300 dpi A4 pages`);
    const clean = Array.from({ length: pages }, (_, p) => ({ file: textImage(join(dir, `clean-${p}.png`), linesOf(p), { pointsize: 11 }), truth: linesOf(p).join('\n') }));
    const noisy = Array.from({ length: pages }, (_, p) => ({ file: textImage(join(dir, `noisy-${p}.png`), linesOf(p), { pointsize: 11, noise: true }), truth: linesOf(p).join('\n') }));

    const start = performance.now();
    const engine = await createOcrEngine({ languages: await resolveLanguages(['eng'], undefined), workers });
    const startupSeconds = secondsSince(start);
    const text = (r: Awaited<ReturnType<typeof engine.recognize>>) => r.lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n');
    log('tesseract.js on the clean pages');
    const t0 = performance.now();
    const oursClean = await pool(clean, workers, async (p) => text(await engine.recognize(new Uint8Array(await readFile(p.file)))));
    const oursSeconds = secondsSince(t0);
    const oursNoisy = await pool(noisy, workers, async (p) => text(await engine.recognize(new Uint8Array(await readFile(p.file)))));
    await engine.terminate();

    log('tesseract command line on the same pages');
    const t1 = performance.now();
    const nativeClean = await pool(clean, workers, (p) => nativeTesseract(p.file));
    const nativeSeconds = secondsSince(t1);
    const installed = nativeClean.every((t) => t !== null);
    const nativeNoisy = installed ? await pool(noisy, workers, (p) => nativeTesseract(p.file)) : [];

    const cer = (truths: { truth: string }[], got: (string | null)[]) => round(100 * mean(truths.map((t, i) => characterErrorRate(t.truth, got[i] ?? ''))), 2);
    return {
      pages,
      workers,
      startupSeconds: round(startupSeconds),
      ours: { seconds: round(oursSeconds), pagesPerMinute: round((60 * pages) / oursSeconds, 1), cerClean: cer(clean, oursClean), cerNoisy: cer(noisy, oursNoisy) },
      tesseract: installed
        ? { seconds: round(nativeSeconds), pagesPerMinute: round((60 * pages) / nativeSeconds, 1), cerClean: cer(clean, nativeClean), cerNoisy: cer(noisy, nativeNoisy), ratio: round(oursSeconds / nativeSeconds, 2) }
        : null,
    };
  } finally {
    if (!options.dir) await rm(dir, { recursive: true, force: true });
  }
}
