/**
 * Untrusted PDFs are parsed off the calling thread. The PDF checks, decryption,
 * form flattening, trial copy (preparePdf) and the text extraction run in a
 * worker thread with a memory limit and a time limit, so a file built to hang
 * or exhaust a reader is refused with a message naming it while the CLI and
 * the app's main process stay responsive. One worker is kept for the next
 * file; a worker that is killed is replaced on the next call.
 */
import { Worker } from 'node:worker_threads';
import { SanadError, SourceTooComplexError } from '../errors.ts';
import * as errors from '../errors.ts';
import type { PageText } from '../model/index.ts';
import { maxTextThreads } from '../pdf/text-workers.ts';
import type { PreparedPdf } from './pdf.ts';
import type { ImportedPdf } from './pdf-import.ts';
import type { PdfJob, PdfWorkerReply } from './pdf-worker-thread.ts';

export interface PdfWorkerLimits {
  /** Wall-clock seconds one file may take (default 120, or SANAD_PDF_TIMEOUT_S). */
  timeoutSeconds?: number;
  /** Heap of the worker in MB (default 2048, or SANAD_PDF_MEMORY_MB). */
  memoryMb?: number;
}

function envNumber(name: string): number | undefined {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

export function effectiveLimits(limits: PdfWorkerLimits = {}): Required<PdfWorkerLimits> {
  return {
    timeoutSeconds: limits.timeoutSeconds ?? envNumber('SANAD_PDF_TIMEOUT_S') ?? 120,
    memoryMb: limits.memoryMb ?? envNumber('SANAD_PDF_MEMORY_MB') ?? 2048,
  };
}

/** The worker's module: the TypeScript sources need tsx registered first; the compiled app runs the .js. */
function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './pdf-worker-entry.mjs' : './pdf-worker-thread.js', import.meta.url);
}

/** Rebuilds a typed error sent back by the worker (same class, same message, same file). */
function revive(e: { name: string; code: string; message: string; file?: string }): Error {
  const Ctor = (errors as Record<string, unknown>)[e.name];
  const error = new SanadError(e.code, e.message, e.file === undefined ? {} : { file: e.file });
  if (typeof Ctor === 'function' && Ctor.prototype instanceof SanadError) Object.setPrototypeOf(error, Ctor.prototype as object);
  Object.defineProperty(error, 'name', { value: e.name });
  return error;
}

interface Running {
  worker: Worker;
  memoryMb: number;
  /** Settles when the worker has loaded its modules (rejects if it cannot). */
  ready: Promise<void>;
}

let idle: Running | undefined;

function isOutOfMemory(e: unknown): boolean {
  return (e as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

function start(memoryMb: number, textWorkers = 0): Running {
  const worker = new Worker(workerUrl(), { workerData: { textWorkers }, resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 64 } });
  worker.unref();
  const ready = new Promise<void>((resolve, reject) => {
    const done = (outcome: () => void) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      outcome();
    };
    const onMessage = (m: PdfWorkerReply) => m.type === 'ready' && done(resolve);
    const onError = (e: Error) => done(() => reject(e));
    const onExit = (code: number) => done(() => reject(new Error(`the PDF worker exited while loading (${code})`)));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
  ready.catch(() => {});
  return { worker, memoryMb, ready };
}

/** The same job on the calling thread: only when no worker can be started at all (never for a limit). */
async function runHere(job: PdfJob, onProgress?: (done: number, total: number) => void): Promise<unknown> {
  if (job.type === 'prepare') return (await import('./pdf.ts')).preparePdf(job.name, job.bytes);
  if (job.type === 'import') return (await import('./pdf-import.ts')).importPdf(job.name, job.bytes, onProgress);
  return (await import('../pdf/text.ts')).extractText(job.bytes, onProgress);
}

/** Runs one job in a worker under the limits; the file name goes into every error. */
async function run<T>(name: string, job: PdfJob, limits: PdfWorkerLimits, onProgress?: (done: number, total: number) => void): Promise<T> {
  const { timeoutSeconds, memoryMb } = effectiveLimits(limits);
  const reuse = idle && idle.memoryMb === memoryMb ? idle : undefined;
  if (idle && !reuse) void idle.worker.terminate();
  idle = undefined;
  const running = reuse ?? start(memoryMb);
  const { worker } = running;
  worker.ref();
  try {
    await running.ready;
  } catch (error) {
    void worker.terminate();
    if (isOutOfMemory(error)) throw new SourceTooComplexError(name, `it needed more than ${memoryMb} MB of memory to read`);
    // A worker that cannot load (a packaging problem, not the file's) must not stop imports.
    return (await runHere(job, onProgress)) as T;
  }
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void, keep: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (keep) {
        worker.unref();
        idle = running;
      } else {
        void worker.terminate();
      }
      outcome();
    };
    const timer = setTimeout(() => {
      finish(() => reject(new SourceTooComplexError(name, `it took longer than ${timeoutSeconds} seconds to read`)), false);
    }, timeoutSeconds * 1000);
    const onMessage = (m: PdfWorkerReply) => {
      if (m.type === 'progress') onProgress?.(m.done, m.total);
      else if (m.type === 'done') finish(() => resolve(m.result as T), true);
      else if (m.type === 'failed') finish(() => reject(m.error.code ? revive(m.error) : new Error(m.error.message)), true);
    };
    const onError = (e: Error) => {
      const detail = isOutOfMemory(e) ? `it needed more than ${memoryMb} MB of memory to read` : `the reader stopped (${e.message})`;
      finish(() => reject(new SourceTooComplexError(name, detail)), false);
    };
    const onExit = (code: number) => finish(() => reject(new SourceTooComplexError(name, `the reader stopped (exit code ${code})`)), false);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job);
  });
}

/** preparePdf (checks, decryption, flattening, repair, trial copy) in a worker under the limits. */
export function preparePdfInWorker(name: string, bytes: Uint8Array, limits: PdfWorkerLimits = {}): Promise<PreparedPdf> {
  return run<PreparedPdf>(name, { type: 'prepare', name, bytes }, limits);
}

/**
 * What import needs of a PDF in one job under the limits: preparePdf's
 * verdict and document, and the text of every page of that document, with
 * the file parsed once (ingest/pdf-import.ts).
 */
export function importPdfInWorker(
  name: string,
  bytes: Uint8Array,
  onProgress?: (done: number, total: number) => void,
  limits: PdfWorkerLimits = {},
): Promise<ImportedPdf> {
  return run<ImportedPdf>(name, { type: 'import', name, bytes }, limits, onProgress);
}

/**
 * Starts the parsing worker now (it and its extraction workers load pdf-lib and pdfjs meanwhile), for a
 * caller about to import PDFs: the CLI's import verb calls it before opening
 * the workspace. Harmless when one is already idle.
 */
export function warmPdfWorker(limits: PdfWorkerLimits = {}): void {
  const { memoryMb } = effectiveLimits(limits);
  if (idle && idle.memoryMb === memoryMb) return;
  if (idle) void idle.worker.terminate();
  // Its extraction workers start first, for a long file (a short one closes them).
  idle = start(memoryMb, maxTextThreads() - 1);
}

/** The text of every page (pdf/text.ts extractText) in a worker under the limits. */
export function extractTextInWorker(
  name: string,
  pdf: Uint8Array,
  onProgress?: (done: number, total: number) => void,
  limits: PdfWorkerLimits = {},
): Promise<PageText[]> {
  return run<PageText[]>(name, { type: 'extract', name, bytes: pdf }, limits, onProgress);
}

/** Stops the idle worker (tests; the process may also just exit, the worker does not hold it). */
export async function stopPdfWorker(): Promise<void> {
  const w = idle;
  idle = undefined;
  await w?.worker.terminate();
}
