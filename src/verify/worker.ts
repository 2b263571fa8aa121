/**
 * A verification worker thread: opens one volume's bytes with its own pdfjs
 * and checks the page batches it is sent, replying with the failures of each
 * page (see pool.ts). Any error is reported back, never thrown, so the pool
 * can hand the range to the main thread.
 */
import { parentPort } from 'node:worker_threads';
import type { BuildReport } from '../bundle/report.ts';
import { openPdf, type PDFDocumentProxy } from '../pdf/pdfjs.ts';
import { checkBatch } from './volume.ts';

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

/** Check these pages (1-based) of the current volume with pdfjs; `stampPages` need the pdfjs stamp check too. */
export interface CheckRangeMessage {
  type: 'check';
  volume: number;
  pages: number[];
  stampPages: number[];
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
  const failures = await checkBatch({ doc, report, name, firstPage, lastPage }, { pages: m.pages, stampPages: m.stampPages });
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
