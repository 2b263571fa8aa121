/**
 * The one place pdfjs-dist is loaded in Node: the legacy build (the modern one
 * assumes a browser), with local font and CMap data so nothing is fetched.
 */
import { join } from 'node:path';
import { keepNatives } from './natives.ts';
import { deferCanvasForPdfjs } from './canvas.ts';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { packageDir } from '../paths.ts';

export type { PDFDocumentProxy };

// pdfjs is imported dynamically, after the built-ins are kept: a static import
// would be evaluated before this module's body (and a bundler hoists it above
// code inlined from natives.ts), so the "natives" kept would be the polyfills.
const natives = keepNatives();
// The native canvas module pdfjs requires as it loads is loaded when rendering first needs it.
deferCanvasForPdfjs();
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
// Loading the worker here (it sets globalThis.pdfjsWorker, which pdfjs uses
// instead of importing it on first open) lets its polyfills be undone too.
// (It ships no types: the specifier is typed as a plain string so TypeScript does not look for them.)
await import('pdfjs-dist/legacy/build/pdf.worker.mjs' as string);
natives.restore();

const root = packageDir('pdfjs-dist');
const dataUrls = {
  standardFontDataUrl: join(root, 'standard_fonts') + '/',
  cMapUrl: join(root, 'cmaps') + '/',
  wasmUrl: join(root, 'wasm') + '/',
};

export interface OpenPdfOptions {
  password?: string;
}

/**
 * Opens PDF bytes with pdfjs. The bytes are copied because pdfjs transfers
 * (detaches) the buffer it is given.
 */
export async function openPdf(bytes: Uint8Array, options: OpenPdfOptions = {}): Promise<PDFDocumentProxy> {
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    ...dataUrls,
    cMapPacked: true,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    enableXfa: false,
    verbosity: 0,
    ...(options.password === undefined ? {} : { password: options.password }),
  });
  return task.promise;
}

export const PasswordException = pdfjs.PasswordResponses;
export { pdfjs };
