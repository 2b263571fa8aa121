/**
 * Starting text-extraction workers (text-worker.ts), kept apart from
 * text-parallel.ts so a thread can start them before it loads pdfjs itself:
 * the parsing worker, started early for an import, starts its extraction
 * workers first (`keepSpare`), and the import takes them (`takeSpare`) once
 * the file has passed its checks. Light: no pdfjs here.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, resourceLimits, Worker } from 'node:worker_threads';

/** Workers started ahead of the file (their pdfjs loads meanwhile); give them to extractTextParallel or close them. */
export interface TextWorkers {
  readonly workers: Worker[];
  close(): Promise<void>;
}

/** SANAD_TEXT_THREADS, when set to a whole number ≥ 1. */
export function threadOverride(): number | undefined {
  const override = Number(process.env.SANAD_TEXT_THREADS);
  return Number.isInteger(override) && override >= 1 ? override : undefined;
}

/** Threads a long file gets: one per core, at most 4 (or SANAD_TEXT_THREADS). */
export function maxTextThreads(): number {
  return threadOverride() ?? Math.max(1, Math.min(4, availableParallelism()));
}

function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './text-worker-entry.mjs' : './text-worker.js', import.meta.url);
}

/** Workers that have exited (a started worker may fail to load before it is used). */
const stopped = new WeakSet<Worker>();

export function hasStopped(worker: Worker): boolean {
  return stopped.has(worker);
}

export function spawnTextWorker(): Worker {
  // Called from a worker with limits (import's PDF worker), the helpers get the same limits.
  const limits = isMainThread ? {} : { resourceLimits };
  const worker = new Worker(workerUrl(), limits);
  worker.on('error', () => {});
  worker.once('exit', () => stopped.add(worker));
  return worker;
}

/** Starts `count` extraction workers now; they wait for the bytes. */
export function startTextWorkers(count: number): TextWorkers {
  const workers = Array.from({ length: Math.max(0, count) }, spawnTextWorker);
  return {
    workers,
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

let spare: TextWorkers | undefined;

/** Starts `count` workers now for the next long file of this thread (see takeSpare). */
export function keepSpare(count: number): void {
  if (spare || count < 1) return;
  spare = startTextWorkers(count);
}

/** The workers keepSpare started, if still unused; the caller owns them. */
export function takeSpare(): TextWorkers | undefined {
  const s = spare;
  spare = undefined;
  return s;
}
