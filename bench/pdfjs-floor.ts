/**
 * The floor under the import goal (issue 10, item 5: `sanad import` within 2× pdftotext, whole
 * process): pdfjs alone reading the text of every page, as a whole process, with nothing of Sanad's
 * import around it (no checks, no trial copy, no storage, no index). Each of THREADS worker threads
 * loads pdfjs as Sanad loads it (`src/pdf/pdfjs.ts`, zlib's inflate as in Sanad's PDF threads), opens
 * the file and asks getTextContent for its share of the pages, so the figure is what pdfjs itself
 * needs on this machine when the work splits perfectly. An import built on pdfjs cannot be faster.
 *
 *   node dist/bench/pdfjs-floor.js FILE [THREADS]   (THREADS default: the cores, at most 4)
 *
 * Prints one JSON line: pages, threads, characters read (a check that the text was read).
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

interface Share {
  file: string;
  /** Which of `threads` equal, consecutive shares of the pages this thread reads (0-based). */
  index: number;
  threads: number;
}

async function readShare(share: Share): Promise<{ pages: number; chars: number; total: number }> {
  const { installSyncInflate } = await import('../src/pdf/sync-inflate.ts');
  installSyncInflate();
  const { openPdf } = await import('../src/pdf/pdfjs.ts');
  const doc = await openPdf(new Uint8Array(readFileSync(share.file)));
  const total = doc.numPages;
  const per = Math.ceil(total / share.threads);
  const first = share.index * per + 1;
  const last = Math.min(total, first + per - 1);
  let chars = 0;
  for (let n = first; n <= last; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item) chars += item.str.length;
    page.cleanup();
  }
  await doc.destroy();
  return { pages: Math.max(0, last - first + 1), chars, total };
}

/** This script for its threads; from the TypeScript sources, an entry that registers tsx first. */
function threadUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./pdfjs-floor-entry.mjs', import.meta.url) : new URL(import.meta.url);
}

if (!isMainThread) {
  const result = await readShare(workerData as Share);
  parentPort?.postMessage(result);
} else {
  const [file, threadsArg] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: pdfjs-floor FILE [THREADS]\n');
    process.exit(2);
  }
  const threads = threadsArg ? Number(threadsArg) : Math.min(4, availableParallelism());
  if (!Number.isInteger(threads) || threads < 1) {
    process.stderr.write(`THREADS must be a positive whole number, not "${threadsArg}".\n`);
    process.exit(2);
  }
  if (!existsSync(file)) {
    process.stderr.write(`${file} does not exist: give the path of a PDF.\n`);
    process.exit(2);
  }
  const results = await Promise.all(
    Array.from({ length: threads }, (_, index) =>
      new Promise<{ pages: number; chars: number; total: number }>((resolve, reject) => {
        const worker = new Worker(threadUrl(), { workerData: { file, index, threads } satisfies Share });
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => code !== 0 && reject(new Error(`a pdfjs thread exited with code ${code}`)));
      }),
    ),
  );
  const pages = results.reduce((n, r) => n + r.pages, 0);
  const total = results[0]?.total ?? 0;
  if (pages !== total) throw new Error(`The threads read ${pages} of ${total} pages.`);
  process.stdout.write(`${JSON.stringify({ pages, threads, chars: results.reduce((n, r) => n + r.chars, 0) })}\n`);
}
