/**
 * Page text of a long PDF on several threads. pdfjs parses on the thread
 * that calls it, so one document's pages are extracted on one core; here
 * worker threads open the same (shared) bytes with their own pdfjs and take
 * contiguous page ranges from a shared counter (Atomics) while the calling
 * thread takes its share, so a worker never waits for a busy caller. Workers
 * may be started early (`startTextWorkers`) so their pdfjs loads while the
 * file is being checked. The result is the same PageText[] extractText
 * gives, in page order; a range a worker could not read is read again here.
 * Used by import (and callable from any thread, e.g. the PDF parsing worker).
 */
import type { Worker } from 'node:worker_threads';
import type { PageText } from '../model/index.ts';
import { openPdf } from './pdfjs.ts';
import { extractPageText } from './text.ts';
import type { TextWorkerOpen, TextWorkerReply } from './text-worker.ts';
import { hasStopped, maxTextThreads, spawnTextWorker, threadOverride, type TextWorkers } from './text-workers.ts';

export { maxTextThreads, startTextWorkers, type TextWorkers } from './text-workers.ts';

/** Below this many pages a worker costs more to start (it loads its own pdfjs) than it saves. */
export const MIN_PAGES_FOR_WORKERS = 120;
/** Pages per range handed out. */
const RANGE = 16;

export interface ExtractOptions {
  /** Threads, the calling one included (default: one per core, at most 4; 1 = no workers). SANAD_TEXT_THREADS overrides. */
  workers?: number;
  onPage?: (done: number, total: number) => void;
  /** Workers already started (startTextWorkers); used first, and closed when done. */
  started?: TextWorkers;
  /**
   * The page count another reader found (import's pdf-lib parse): the workers then get their
   * ranges at once, before this thread opens the file with pdfjs, instead of after. If pdfjs
   * counts otherwise, the extraction fails (import then goes the full way).
   */
  expectedPages?: number;
}

export interface ExtractedText {
  pages: PageText[];
  /** What pdfjs said of the file while reading it (import's checks reuse it instead of opening the file again). */
  encrypted: boolean;
}

export function defaultTextThreads(pages: number): number {
  const override = threadOverride();
  if (override) return override;
  if (pages < MIN_PAGES_FOR_WORKERS) return 1;
  return maxTextThreads();
}

/** Runs one worker over the shared queue; resolves when it has finished (or stopped), never rejects. */
function workerLane(worker: Worker, open: TextWorkerOpen, take: (from: number, pages: PageText[]) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    if (hasStopped(worker)) {
      resolve();
      return;
    }
    const stop = () => {
      worker.off('message', onMessage);
      worker.off('error', stop);
      worker.off('exit', stop);
      resolve();
    };
    const onMessage = (reply: TextWorkerReply) => {
      if (reply.type === 'pages') take(reply.from, reply.pages);
      else if (reply.type === 'done') stop();
      // 'failed': the range stays empty and is read again by the caller.
    };
    worker.on('message', onMessage);
    worker.once('error', stop);
    worker.once('exit', stop);
    worker.postMessage(open);
  });
}

/** The shared work of one extraction: page ranges, a counter the threads take them from, and the results. */
class Lanes {
  readonly ranges: Array<[number, number]> = [];
  readonly next = new Int32Array(new SharedArrayBuffer(4));
  readonly pages: Array<PageText | undefined>;
  readonly extra: Worker[] = [];
  readonly lanes: Array<Promise<void>> = [];
  private done = 0;

  constructor(
    readonly total: number,
    readonly threads: number,
    private readonly onPage?: (done: number, total: number) => void,
  ) {
    this.pages = new Array<PageText | undefined>(total);
    const size = threads > 1 ? RANGE : Math.max(1, total);
    for (let from = 1; from <= total; from += size) this.ranges.push([from, Math.min(total, from + size - 1)]);
  }

  set(n: number, page: PageText): void {
    if (n < 1 || n > this.total || this.pages[n - 1] !== undefined) return;
    this.pages[n - 1] = page;
    this.onPage?.(++this.done, this.total);
  }

  /** Hands the ranges to the helper threads (the started ones first), which begin at once. */
  dispatch(bytes: Uint8Array, started: TextWorkers | undefined): void {
    const helpers = Math.min(this.threads - 1, Math.max(0, this.ranges.length - 1));
    if (helpers <= 0) return;
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
    shared.set(bytes);
    const pool = (started?.workers ?? []).slice(0, helpers);
    while (pool.length < helpers) {
      const w = spawnTextWorker();
      this.extra.push(w);
      pool.push(w);
    }
    const open: TextWorkerOpen = { type: 'open', bytes: shared, ranges: this.ranges, next: this.next };
    const take = (from: number, got: PageText[]) => got.forEach((p, k) => this.set(from + k, p));
    for (const w of pool) this.lanes.push(workerLane(w, open, take));
  }
}

/** Ends the helper threads: those this extraction spawned, and the started ones it was given. */
async function closeHelpers(work: Lanes | undefined, started: TextWorkers | undefined): Promise<void> {
  await Promise.all([...(work?.extra ?? []).map((w) => w.terminate()), started?.close()]);
}

function threadsFor(options: ExtractOptions, pages: number): number {
  return Math.max(1, Math.floor(options.workers ?? defaultTextThreads(pages)));
}

/** Extracts every page; throws what pdfjs throws (a password, a page that cannot be read). */
export async function extractTextParallel(bytes: Uint8Array, options: ExtractOptions = {}): Promise<ExtractedText> {
  const started = options.started;
  const expected = options.expectedPages;
  // With the count known, the helpers start on their ranges while this thread opens the file.
  let work = expected !== undefined && expected > 0 ? new Lanes(expected, threadsFor(options, expected), options.onPage) : undefined;
  work?.dispatch(bytes, started);
  let doc;
  try {
    doc = await openPdf(bytes);
  } catch (error) {
    await closeHelpers(work, started);
    throw error;
  }
  try {
    const total = doc.numPages;
    if (work && total !== work.total) throw new Error(`pdfjs finds ${total} pages where ${work.total} were expected`);
    const meta = await doc.getMetadata().catch(() => undefined);
    const filter = (meta?.info as { EncryptFilterName?: unknown } | undefined)?.EncryptFilterName;
    const encrypted = filter !== undefined && filter !== null;
    if (!work) {
      work = new Lanes(total, threadsFor(options, total), options.onPage);
      work.dispatch(bytes, started);
    }
    const { ranges, next, lanes, pages } = work;
    // The calling thread's own lane, yielding between ranges so the workers' replies come in.
    for (let i = Atomics.add(next, 0, 1); i < ranges.length; i = Atomics.add(next, 0, 1)) {
      const [from, to] = ranges[i]!;
      for (let n = from; n <= to; n++) work.set(n, await extractPageText(doc, n));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(lanes);
    // Ranges a worker could not read, or took and then stopped: read here (a real fault throws).
    for (let n = 1; n <= total; n++) if (pages[n - 1] === undefined) work.set(n, await extractPageText(doc, n));
    return { pages: pages as PageText[], encrypted };
  } finally {
    await closeHelpers(work, started);
    await doc.destroy();
  }
}
