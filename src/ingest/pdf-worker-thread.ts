/**
 * The PDF worker thread (see pdf-worker.ts): runs one job at a time —
 * preparePdf, text extraction, or both in one pass (importPdf) — and replies
 * with the result, progress, or the error (typed errors keep their class
 * name, code, message and file). Started early for an import (workerData
 * `textWorkers`), it starts its extraction workers before loading pdf-lib and
 * pdfjs itself, so all of them load at once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isSanadError } from '../errors.ts';
import { keepSpare } from '../pdf/text-workers.ts';
import { installSyncInflate } from '../pdf/sync-inflate.ts';

export type PdfJob = { type: 'prepare' | 'extract' | 'import'; name: string; bytes: Uint8Array };

export type PdfWorkerReply =
  | { type: 'ready' }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: { name: string; code: string; message: string; file?: string } };

// This thread only reads PDFs: pdfjs inflates with zlib directly (pdf/sync-inflate.ts).
if (parentPort) installSyncInflate();
keepSpare(Number((workerData as { textWorkers?: number } | undefined)?.textWorkers ?? 0));
const [{ extractTextParallel }, { preparePdf }, { importPdf }] = await Promise.all([
  import('../pdf/text-parallel.ts'),
  import('./pdf.ts'),
  import('./pdf-import.ts'),
]);

async function runJob(job: PdfJob): Promise<unknown> {
  if (job.type === 'prepare') return preparePdf(job.name, job.bytes);
  // Long files are read on several threads (each under this worker's memory limit; they end with it).
  const onPage = (done: number, total: number) => parentPort?.postMessage({ type: 'progress', done, total } satisfies PdfWorkerReply);
  if (job.type === 'import') return importPdf(job.name, job.bytes, onPage);
  return (await extractTextParallel(job.bytes, { onPage })).pages;
}

const port = parentPort;
if (port) {
  port.on('message', (job: PdfJob) => {
    runJob(job).then(
      (result) => port.postMessage({ type: 'done', result } satisfies PdfWorkerReply),
      (error: unknown) => {
        const e = isSanadError(error)
          ? { name: error.name, code: error.code, message: error.message, ...(error.file === undefined ? {} : { file: error.file }) }
          : { name: 'Error', code: '', message: error instanceof Error ? error.message : String(error) };
        port.postMessage({ type: 'failed', error: e } satisfies PdfWorkerReply);
      },
    );
  });
  port.postMessage({ type: 'ready' } satisfies PdfWorkerReply);
}
