/**
 * A text-extraction worker (see text-parallel.ts): opens the shared bytes
 * with its own pdfjs once and replies to each page range with its PageText.
 * Errors are replied, never thrown, so the caller can take the range back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PageText } from '../model/index.ts';
import { openPdf } from './pdfjs.ts';
import { extractPageText } from './text.ts';

export interface TextWorkerRequest {
  from: number;
  to: number;
}
export type TextWorkerReply = { type: 'pages'; pages: PageText[] } | { type: 'error'; message: string };

const port = parentPort;
if (port) {
  const doc = openPdf((workerData as { bytes: Uint8Array }).bytes);
  doc.catch(() => {});
  let queue = Promise.resolve();
  port.on('message', (m: TextWorkerRequest) => {
    queue = queue.then(async () => {
      try {
        const d = await doc;
        const pages: PageText[] = [];
        for (let n = m.from; n <= m.to; n++) pages.push(await extractPageText(d, n));
        port.postMessage({ type: 'pages', pages } satisfies TextWorkerReply);
      } catch (cause) {
        port.postMessage({ type: 'error', message: String(cause) } satisfies TextWorkerReply);
      }
    });
  });
}
