/**
 * The one place pdfjs-dist is loaded in Node: the legacy build (the modern one
 * assumes a browser), with local font and CMap data so nothing is fetched.
 */
import { join } from 'node:path';
// Order matters: natives.ts keeps the built-ins before pdfjs's polyfills replace them.
import { restoreNatives } from './natives.ts';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
// Loading the worker here (it sets globalThis.pdfjsWorker, which pdfjs uses
// instead of importing it on first open) lets its polyfills be undone too.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { packageDir } from '../paths.ts';

export type { PDFDocumentProxy };

restoreNatives();

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
