/**
 * Turns one input file into everything the store needs for a new source:
 * the original bytes, the PDF Sanad paginates, the text of every page and
 * validated metadata. Pure with respect to the workspace (nothing is written),
 * so a file that fails here leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import { DamagedSourceError } from '../errors.ts';
import { SourceMeta, type PageText, type SourceFlag, type SourceScope } from '../model/index.ts';
import { applyOcr } from '../ocr/apply.ts';
import type { OcrMode } from '../ocr/pages.ts';
import type { ImageRendition } from './render-image.ts';
import { extractText } from '../pdf/text.ts';
import type { Printer } from '../print/printer.ts';
import type { NewSource } from '../store/index.ts';
import { readInput, type InputFile } from './detect.ts';
import { buildSourceMeta, checkImportMetadata, titleFromName, type ImportMetadata } from './metadata.ts';
import { preparePdf } from './pdf.ts';
import { printRendition, type DeclaredMetadata, type Rendition } from './rendition.ts';

export interface ImportProgress {
  /** Base name of the file being imported. */
  file: string;
  stage: 'reading' | 'rendering' | 'extracting' | 'ocr' | 'saving';
  done: number;
  total: number;
}

export interface PrepareOptions {
  printer: Printer;
  scope: SourceScope;
  metadata?: ImportMetadata;
  /** Import time recorded in the metadata (tests pass a fixed one). */
  now?: Date;
  onProgress?: (p: ImportProgress) => void;
  /** OCR: `auto` (default) reads pages without text and pictures; `always` every page; `never` none. */
  ocr?: OcrMode;
  /** Tesseract language codes (default ["eng"]); others load from `ocrDir`. */
  ocrLanguages?: string[];
  /** The workspace's `ocr/` folder of extra `.traineddata` files. */
  ocrDir?: string;
  /** Keep a photo's GPS position (default: dropped). */
  keepGps?: boolean;
  /** Cancels OCR (the import of this file then fails with OcrCancelledError; nothing is saved). */
  signal?: AbortSignal;
}

/** Renderers load on demand: jsdom, Readability, marked and postal-mime cost seconds to load. */
async function renditionOf(input: InputFile, options: PrepareOptions): Promise<Rendition & Partial<Pick<ImageRendition, 'capture' | 'pictures'>>> {
  switch (input.format) {
    case 'text':
    case 'markdown':
      return (await import('./render-text.ts')).renderText(input.bytes, input.format);
    case 'html':
      return (await import('./render-html.ts')).renderHtml(input.bytes);
    case 'image':
      return (await import('./render-image.ts')).renderImage(input.bytes, input.ext, { name: input.name, keepGps: options.keepGps === true });
    case 'email':
      return (await import('./render-email.ts')).renderEmail(input.bytes);
    case 'pdf':
      throw new Error('PDF input has no rendition');
  }
}

interface Document {
  documentPdf: Uint8Array;
  flags: SourceFlag[];
  declared: DeclaredMetadata;
  /** Every page is a picture (OCR reads them all). */
  pictures?: boolean;
  capture?: ImageRendition['capture'];
}

async function documentOf(input: InputFile, sha256: string, options: PrepareOptions, given: ImportMetadata): Promise<Document> {
  const report = (done: number) => options.onProgress?.({ file: input.name, stage: 'rendering', done, total: 1 });
  report(0);
  if (input.format === 'pdf') {
    const pdf = await preparePdf(input.name, input.bytes);
    report(1);
    const declared: DeclaredMetadata = { ...(pdf.title ? { title: pdf.title } : {}), ...(pdf.author ? { author: pdf.author } : {}) };
    return { documentPdf: pdf.documentPdf, flags: pdf.flags, declared };
  }
  const rendition = await renditionOf(input, options);
  // The header of the rendition shows the metadata that will be stored.
  const shown = { ...rendition.declared, ...given };
  const title = shown.title ?? titleFromName(input.name);
  const context = { originalName: input.name, sha256, title, author: shown.author, published: shown.published, url: shown.url };
  const documentPdf = await printRendition(options.printer, rendition, context, title);
  report(1);
  return { documentPdf, flags: [], declared: rendition.declared, ...(rendition.pictures ? { pictures: true } : {}), ...(rendition.capture ? { capture: rendition.capture } : {}) };
}

export async function prepareSource(file: string, options: PrepareOptions): Promise<NewSource> {
  const progress = options.onProgress;
  progress?.({ file: file.split(/[\\/]/).pop() ?? file, stage: 'reading', done: 0, total: 1 });
  const input = await readInput(file);
  const given = checkImportMetadata(input.name, options.metadata);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  progress?.({ file: input.name, stage: 'reading', done: 1, total: 1 });

  const doc = await documentOf(input, sha256, options, given);
  let text: PageText[];
  try {
    text = await extractText(doc.documentPdf, (done, total) => progress?.({ file: input.name, stage: 'extracting', done, total }));
  } catch (error) {
    throw new DamagedSourceError(input.name, 'the text of its pages cannot be read', error);
  }
  const ocr = await applyOcr(doc.documentPdf, text, {
    mode: options.ocr ?? 'auto',
    ...(doc.pictures ? { pictures: true } : {}),
    ...(options.ocrLanguages ? { languages: options.ocrLanguages } : {}),
    ...(options.ocrDir ? { ocrDir: options.ocrDir } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (p) => progress?.({ file: input.name, stage: 'ocr', done: p.done, total: p.total }),
  });
  text = ocr.text;
  const flags = [...doc.flags, ...ocr.flags];

  const meta = buildSourceMeta({
    name: input.name,
    sha256,
    format: input.format,
    ext: input.ext,
    scope: options.scope,
    pages: text.length,
    flags,
    given,
    declared: doc.declared,
    now: options.now ?? new Date(),
  });
  const extra = { ...doc.capture, ...(ocr.ocr ? { ocr: ocr.ocr } : {}) };
  const withExtra = Object.keys(extra).length > 0 ? SourceMeta.parse({ ...meta, ...extra }) : meta;
  return { meta: withExtra, original: input.bytes, documentPdf: ocr.documentPdf, text };
}
