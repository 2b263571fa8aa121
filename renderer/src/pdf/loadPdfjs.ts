/**
 * Loads pdf.js for the browser: the library, its worker (bundled by Vite, never
 * fetched from a CDN) and the viewer components, which expect the library on
 * globalThis.pdfjsLib before their module is evaluated. One worker serves every
 * document (pdf.js would otherwise start a new one, and parse its 1 MB of code,
 * for each), and the app warms all of it up while the library is on screen, so
 * opening a source costs only the document itself.
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type Pdfjs = typeof import('pdfjs-dist');
type ViewerModule = typeof import('pdfjs-dist/web/pdf_viewer.mjs');

let loading: Promise<{ pdfjs: Pdfjs; components: ViewerModule }> | undefined;
let library: Pdfjs | undefined;
let worker: import('pdfjs-dist').PDFWorker | undefined;

/**
 * The library is its own chunk, imported here rather than at the top: the app's
 * first screen (the library table) does not parse its ~400 kB.
 */
export function loadPdfjs() {
  loading ??= import('pdfjs-dist').then(async (pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    (globalThis as { pdfjsLib?: unknown }).pdfjsLib = pdfjs;
    library = pdfjs;
    const components = await import('pdfjs-dist/web/pdf_viewer.mjs');
    return { pdfjs, components };
  });
  return loading;
}

/**
 * The worker every document is parsed in; getDocument({ worker }) leaves it
 * running when a document is closed. Call it once loadPdfjs() has resolved.
 */
export function pdfWorker(): import('pdfjs-dist').PDFWorker {
  if (!library) throw new Error('pdf.js is not loaded yet: await loadPdfjs() first.');
  if (!worker || worker.destroyed) worker = new library.PDFWorker();
  return worker;
}

/** Loads pdf.js, its viewer and its worker ahead of the first document (called once the app is idle). */
export function warmPdfjs(): void {
  void loadPdfjs()
    .then(() => pdfWorker().promise)
    .catch(() => undefined);
}
