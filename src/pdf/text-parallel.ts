/**
 * Page text of a long PDF on several threads. pdfjs parses on the thread
 * that calls it, so one document's pages are extracted on one core; here
 * worker threads open the same (shared) bytes with their own pdfjs and take
 * contiguous page ranges from a queue while the calling thread takes its
 * share. The result is the same PageText[] extractText gives, in page order.
 * Used by import (and callable from any thread, e.g. an import worker).
 */
import { availableParallelism } from 'node:os';
import { isMainThread, resourceLimits, Worker } from 'node:worker_threads';
import type { PageText } from '../model/index.ts';
import { openPdf } from './pdfjs.ts';
import { extractPageText } from './text.ts';
import type { TextWorkerReply, TextWorkerRequest } from './text-worker.ts';

/** Below this many pages a worker costs more to start (it loads its own pdfjs) than it saves. */
export const MIN_PAGES_FOR_WORKERS = 120;
/** Pages per range handed out. */
const RANGE = 24;

export interface ExtractOptions {
  /** Threads, the calling one included (default: one per core, at most 4; 1 = no workers). SANAD_TEXT_THREADS overrides. */
  workers?: number;
  onPage?: (done: number, total: number) => void;
}

export interface ExtractedText {
  pages: PageText[];
  /** What pdfjs said of the file while reading it (import's checks reuse it instead of opening the file again). */
  encrypted: boolean;
}

export function defaultTextThreads(pages: number): number {
  const override = Number(process.env.SANAD_TEXT_THREADS);
  if (Number.isInteger(override) && override >= 1) return override;
  if (pages < MIN_PAGES_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(4, availableParallelism()));
}

function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './text-worker-entry.mjs' : './text-worker.js', import.meta.url);
}

/** Extracts every page; throws what pdfjs throws (a password, a page that cannot be read). */
export async function extractTextParallel(bytes: Uint8Array, options: ExtractOptions = {}): Promise<ExtractedText> {
  const doc = await openPdf(bytes);
  try {
    const total = doc.numPages;
    const meta = await doc.getMetadata().catch(() => undefined);
    const filter = (meta?.info as { EncryptFilterName?: unknown } | undefined)?.EncryptFilterName;
    const encrypted = filter !== undefined && filter !== null;
    const threads = Math.max(1, Math.floor(options.workers ?? defaultTextThreads(total)));
    const pages = new Array<PageText>(total);
    let done = 0;
    const finished = () => options.onPage?.(++done, total);
    const ranges: Array<[number, number]> = [];
    const size = threads > 1 ? RANGE : total;
    for (let from = 1; from <= total; from += size) ranges.push([from, Math.min(total, from + size - 1)]);
    const queue = ranges.slice();
    let failed: unknown;

    const mainLane = async () => {
      for (let r = queue.shift(); r && failed === undefined; r = queue.shift()) {
        for (let n = r[0]; n <= r[1]; n++) {
          pages[n - 1] = await extractPageText(doc, n);
          finished();
        }
        // Let the workers' replies in between ranges.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };

    const workerLane = async () => {
      const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
      shared.set(bytes);
      // Called from a worker with limits (import's PDF worker), the helpers get the same limits.
      const limits = isMainThread ? {} : { resourceLimits };
      const worker = new Worker(workerUrl(), { workerData: { bytes: shared }, ...limits });
      const ask = (m: TextWorkerRequest) =>
        new Promise<TextWorkerReply>((resolve, reject) => {
          const onMessage = (reply: TextWorkerReply) => {
            worker.off('error', reject);
            worker.off('exit', onExit);
            resolve(reply);
          };
          const onExit = (code: number) => reject(new Error(`text worker exited (${code})`));
          worker.once('message', onMessage);
          worker.once('error', reject);
          worker.once('exit', onExit);
          worker.postMessage(m);
        });
      try {
        for (let r = queue.shift(); r && failed === undefined; r = queue.shift()) {
          let reply: TextWorkerReply;
          try {
            reply = await ask({ from: r[0], to: r[1] });
          } catch {
            // The worker is gone: the calling thread does this range.
            queue.unshift(r);
            return;
          }
          if (reply.type === 'error') {
            queue.unshift(r);
            return;
          }
          reply.pages.forEach((p, k) => {
            pages[r[0] + k - 1] = p;
            finished();
          });
        }
      } finally {
        await worker.terminate();
      }
    };

    const lanes = [mainLane(), ...Array.from({ length: threads - 1 }, () => workerLane().catch(() => undefined))];
    await Promise.all(lanes).catch((e: unknown) => {
      failed = e;
    });
    if (failed !== undefined) throw failed;
    // Ranges given back by a worker that stopped after the main lane finished.
    for (let r = queue.shift(); r; r = queue.shift()) {
      for (let n = r[0]; n <= r[1]; n++) {
        pages[n - 1] = await extractPageText(doc, n);
        finished();
      }
    }
    return { pages, encrypted };
  } finally {
    await doc.destroy();
  }
}
