/**
 * Loads pdf.js for the browser: the library, its worker (bundled by Vite, never
 * fetched from a CDN) and the viewer components, which expect the library on
 * globalThis.pdfjsLib before their module is evaluated. One worker serves every
 * document (pdf.js would otherwise start a new one, and parse its 1 MB of code,
 * for each), and the app warms all of it up while the library is on screen, so
 * opening a source costs only the document itself.
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import 'pdfjs-dist/web/pdf_viewer.css';

type ViewerModule = typeof import('pdfjs-dist/web/pdf_viewer.mjs');

let loading: Promise<{ pdfjs: typeof pdfjs; components: ViewerModule }> | undefined;

let worker: pdfjs.PDFWorker | undefined;

export function loadPdfjs() {
  if (!loading) {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    (globalThis as { pdfjsLib?: unknown }).pdfjsLib = pdfjs;
    loading = import('pdfjs-dist/web/pdf_viewer.mjs').then((components) => ({ pdfjs, components }));
  }
  return loading;
}

/** The worker every document is parsed in; getDocument({ worker }) leaves it running when a document is closed. */
export function pdfWorker(): pdfjs.PDFWorker {
  if (!worker || worker.destroyed) worker = new pdfjs.PDFWorker();
  return worker;
}

/** Loads pdf.js, its viewer and its worker ahead of the first document (called once the app is idle). */
export function warmPdfjs(): void {
  void loadPdfjs()
    .then(() => pdfWorker().promise)
    .catch(() => undefined);
}
