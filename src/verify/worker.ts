/**
 * A verification worker thread: opens one volume's bytes with its own pdfjs
 * and checks the page batches it is sent, replying with the failures of each
 * page (see pool.ts). Any error is reported back, never thrown, so the pool
 * can hand the range to the main thread.
 */
import { parentPort } from 'node:worker_threads';
import type { BuildReport } from '../bundle/report.ts';
import { openPdf, type PDFDocumentProxy } from '../pdf/pdfjs.ts';
import { checkBatch, type PageBatch } from './batches.ts';

/** The volume the following ranges belong to (the bytes are shared, not copied). */
export interface OpenVolumeMessage {
  type: 'volume';
  volume: number;
  bytes: Uint8Array;
  report: BuildReport;
  name: string;
  firstPage: number;
  lastPage: number;
}

/** Check a batch of pages of the current volume with pdfjs (see batches.ts). */
export interface CheckRangeMessage extends PageBatch {
  type: 'check';
  volume: number;
}

export type WorkerRequest = OpenVolumeMessage | CheckRangeMessage;

export type WorkerReply = { type: 'ready' } | { type: 'checked'; failures: string[][] } | { type: 'error'; message: string };

interface OpenVolume {
  message: OpenVolumeMessage;
  doc: Promise<PDFDocumentProxy>;
}

const port = parentPort;
let current: OpenVolume | undefined;

async function closeCurrent(): Promise<void> {
  const doc = await current?.doc.catch(() => undefined);
  current = undefined;
  await doc?.destroy();
}

async function check(m: CheckRangeMessage): Promise<WorkerReply> {
  if (!current || current.message.volume !== m.volume) return { type: 'error', message: `volume ${m.volume} was not sent to this worker` };
  const { report, name, firstPage, lastPage } = current.message;
  const doc = await current.doc;
  const { pages, stampPages, annotations, stampOnly } = m;
  const failures = await checkBatch({ doc, report, name, firstPage, lastPage }, { pages, stampPages, ...(annotations ? { annotations } : {}), ...(stampOnly ? { stampOnly } : {}) });
  return { type: 'checked', failures };
}

if (port) {
  // One request at a time: the pool waits for each reply before sending more.
  let queue = Promise.resolve();
  port.on('message', (m: WorkerRequest) => {
    queue = queue.then(async () => {
      if (m.type === 'volume') {
        await closeCurrent();
        current = { message: m, doc: openPdf(m.bytes) };
        current.doc.catch(() => {});
        return;
      }
      const reply = await check(m).catch((cause: unknown): WorkerReply => ({ type: 'error', message: String(cause) }));
      port.postMessage(reply);
    });
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
}
