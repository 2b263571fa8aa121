/**
 * A text-extraction worker (see text-parallel.ts). It may be started before
 * the file is known (its pdfjs loads meanwhile); `open` then hands it the
 * shared bytes, the page ranges and a shared counter. It takes ranges from
 * the counter itself (Atomics), so it never waits for the thread that
 * started it, and replies with each range's PageText. A range it cannot read
 * is reported, never thrown: the caller reads it again itself.
 */
import { parentPort } from 'node:worker_threads';
import type { PageText } from '../model/index.ts';
import { openPdf } from './pdfjs.ts';
import { extractPageText } from './text.ts';
import { installSyncInflate } from './sync-inflate.ts';

export interface TextWorkerOpen {
  type: 'open';
  /** The PDF bytes, backed by a SharedArrayBuffer. */
  bytes: Uint8Array;
  ranges: Array<[number, number]>;
  /** Int32Array over a SharedArrayBuffer: [0] is the index of the next range to take. */
  next: Int32Array;
}

export type TextWorkerReply =
  | { type: 'pages'; from: number; pages: PageText[] }
  | { type: 'failed'; from: number; message: string }
  | { type: 'done' };

async function work(m: TextWorkerOpen, port: NonNullable<typeof parentPort>): Promise<void> {
  let doc;
  try {
    doc = await openPdf(m.bytes);
  } catch (cause) {
    // Nothing taken: the other lanes (the caller's among them) read every range.
    port.postMessage({ type: 'failed', from: 0, message: String(cause) } satisfies TextWorkerReply);
    return;
  }
  try {
    for (let i = Atomics.add(m.next, 0, 1); i < m.ranges.length; i = Atomics.add(m.next, 0, 1)) {
      const [from, to] = m.ranges[i]!;
      try {
        const pages: PageText[] = [];
        for (let n = from; n <= to; n++) pages.push(await extractPageText(doc, n));
        port.postMessage({ type: 'pages', from, pages } satisfies TextWorkerReply);
      } catch (cause) {
        port.postMessage({ type: 'failed', from, message: String(cause) } satisfies TextWorkerReply);
      }
    }
  } finally {
    await doc.destroy();
  }
}

const port = parentPort;
if (port) {
  installSyncInflate();
  port.once('message', (m: TextWorkerOpen) => {
    void work(m, port).finally(() => port.postMessage({ type: 'done' } satisfies TextWorkerReply));
  });
}
