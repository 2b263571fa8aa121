/**
 * Loads pdf.js for the browser: the library, its worker (bundled by Vite, never
 * fetched from a CDN) and the viewer components, which expect the library on
 * globalThis.pdfjsLib before their module is evaluated.
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import 'pdfjs-dist/web/pdf_viewer.css';

type ViewerModule = typeof import('pdfjs-dist/web/pdf_viewer.mjs');

let loading: Promise<{ pdfjs: typeof pdfjs; components: ViewerModule }> | undefined;

export function loadPdfjs() {
  if (!loading) {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    (globalThis as { pdfjsLib?: unknown }).pdfjsLib = pdfjs;
    loading = import('pdfjs-dist/web/pdf_viewer.mjs').then((components) => ({ pdfjs, components }));
  }
  return loading;
}
