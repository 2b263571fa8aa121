/**
 * The PDF worker thread (see pdf-worker.ts): runs one job at a time —
 * preparePdf or text extraction — and replies with the result, progress, or
 * the error (typed errors keep their class name, code, message and file).
 */
import { parentPort } from 'node:worker_threads';
import { isSanadError } from '../errors.ts';
import { extractText } from '../pdf/text.ts';
import { preparePdf } from './pdf.ts';

export type PdfJob = { type: 'prepare'; name: string; bytes: Uint8Array } | { type: 'extract'; name: string; bytes: Uint8Array };

export type PdfWorkerReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: { name: string; code: string; message: string; file?: string } };

async function runJob(job: PdfJob): Promise<unknown> {
  if (job.type === 'prepare') return preparePdf(job.name, job.bytes);
  return extractText(job.bytes, (done, total) => parentPort?.postMessage({ type: 'progress', done, total } satisfies PdfWorkerReply));
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
}
