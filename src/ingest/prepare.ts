/**
 * Turns one input file into everything the store needs for a new source:
 * the original bytes, the PDF Sanad paginates, the text of every page and
 * validated metadata. Pure with respect to the workspace (nothing is written),
 * so a file that fails here leaves nothing behind. What a format does is its
 * module's business (`formats/`); this is the pipeline every format shares:
 * read → module.render → print the rendition → extract text → OCR step → metadata.
 */
import { createHash } from 'node:crypto';
import { DamagedSourceError, SourceTooComplexError } from '../errors.ts';
import { SourceMeta, type OcrInfo, type PageText, type SourceFlag, type SourceScope } from '../model/index.ts';
import type { ImageRendition } from './render-image.ts';
import type { Printer } from '../print/printer.ts';
import type { NewSource } from '../store/index.ts';
import { inputOf, readInput, type InputFile } from './detect.ts';
import type { ChildFile, FormatOutput } from './formats/index.ts';
import { buildSourceMeta, checkImportMetadata, titleFromName, type ImportMetadata } from './metadata.ts';
import { ocrStep, type OcrMode } from './ocr-step.ts';
import type { PdfWorkerLimits } from './pdf-worker.ts';
import type { DeclaredMetadata } from './rendition.ts';

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
  /** Source id of the e-mail this file is attached to. */
  parent?: string;
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
  /** Time and memory limits of the PDF parsing worker (defaults in pdf-worker.ts). */
  pdfLimits?: PdfWorkerLimits;
}

/** A prepared source plus the files it carries (attachments), not yet prepared. */
export interface PreparedSource extends NewSource {
  children: ChildFile[];
}

interface Document {
  documentPdf: Uint8Array;
  /** The text of documentPdf's pages, when the module read it in the same pass. */
  text?: PageText[];
  flags: SourceFlag[];
  declared: DeclaredMetadata;
  /** Every page is a picture (image renditions): OCR reads them all. */
  pictures?: boolean;
  capture?: ImageRendition['capture'];
}

async function documentOf(input: InputFile, sha256: string, options: PrepareOptions, given: ImportMetadata): Promise<Document> {
  const report = (done: number, total = 1) => options.onProgress?.({ file: input.name, stage: 'rendering', done, total });
  report(0);
  const extracting = (done: number, total: number) => options.onProgress?.({ file: input.name, stage: 'extracting', done, total });
  const output: FormatOutput = await input.module.render(
    { name: input.name, bytes: input.bytes, ext: input.ext },
    { printer: options.printer, sha256, given, progress: report, extracting, ...(options.pdfLimits ? { pdfLimits: options.pdfLimits } : {}), ...(options.keepGps ? { keepGps: true } : {}) },
  );
  if ('documentPdf' in output) {
    report(1);
    return { documentPdf: output.documentPdf, flags: output.flags ?? [], declared: output.declared, ...(output.text ? { text: output.text } : {}) };
  }
  const rendition = output.rendition as typeof output.rendition & Partial<Pick<ImageRendition, 'capture' | 'pictures'>>;
  const declared = { ...rendition.declared, ...output.declared };
  // The header of the rendition shows the metadata that will be stored.
  const shown = { ...declared, ...given };
  const title = shown.title ?? titleFromName(input.name);
  const context = { originalName: input.name, sha256, title, author: shown.author, published: shown.published, url: shown.url };
  const { printRendition } = await import('./rendition.ts');
  const documentPdf = await printRendition(options.printer, rendition, context, title);
  report(1);
  return { documentPdf, flags: output.flags ?? [], declared, ...(rendition.pictures ? { pictures: true } : {}), ...(rendition.capture ? { capture: rendition.capture } : {}) };
}

/** Prepares bytes already read (a file, or an attachment of another source). */
export async function prepareInput(input: InputFile, options: PrepareOptions): Promise<PreparedSource> {
  const progress = options.onProgress;
  const given = checkImportMetadata(input.name, options.metadata);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  progress?.({ file: input.name, stage: 'reading', done: 1, total: 1 });

  const doc = await documentOf(input, sha256, options, given);
  let documentPdf = doc.documentPdf;
  let text: PageText[];
  try {
    const onPages = (done: number, total: number) => progress?.({ file: input.name, stage: 'extracting', done, total });
    text = doc.text ?? (await (await import('./pdf-worker.ts')).extractTextInWorker(input.name, documentPdf, onPages, options.pdfLimits));
  } catch (error) {
    if (error instanceof SourceTooComplexError) throw error;
    throw new DamagedSourceError(input.name, 'the text of its pages cannot be read', error);
  }
  let flags = [...doc.flags];
  let ocrInfo: OcrInfo | undefined;
  const hook = ocrStep();
  const mode = options.ocr ?? 'auto';
  if (mode !== 'never' && input.module.ocr === 'pages-without-text') {
    if (hook) {
      // A step registered by the embedding application (tests) replaces the built-in engine.
      ({ documentPdf, text, flags } = await hook({ name: input.name, documentPdf, text, flags, mode, onProgress: (d, total) => progress?.({ file: input.name, stage: 'ocr', done: d, total }) }));
    } else {
      const { applyOcr } = await import('../ocr/apply.ts');
      const done = await applyOcr(documentPdf, text, {
        mode,
        ...(doc.pictures ? { pictures: true } : {}),
        ...(options.ocrLanguages ? { languages: options.ocrLanguages } : {}),
        ...(options.ocrDir ? { ocrDir: options.ocrDir } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: (p) => progress?.({ file: input.name, stage: 'ocr', done: p.done, total: p.total }),
      });
      documentPdf = done.documentPdf;
      text = done.text;
      flags = [...flags, ...done.flags.filter((f) => f !== 'no-text-layer')];
      ocrInfo = done.ocr;
    }
  }
  if (!text.some((p) => p.text.trim().length > 0)) flags.push('no-text-layer');

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
    ...(options.parent ? { parent: options.parent } : {}),
  });
  const extra = { ...doc.capture, ...(ocrInfo ? { ocr: ocrInfo } : {}) };
  const withExtra = Object.keys(extra).length > 0 ? SourceMeta.parse({ ...meta, ...extra }) : meta;
  const children = input.module.children ? await input.module.children({ name: input.name, bytes: input.bytes, ext: input.ext }) : [];
  return { meta: withExtra, original: input.bytes, documentPdf, text, children };
}

export async function prepareSource(file: string, options: PrepareOptions): Promise<PreparedSource> {
  options.onProgress?.({ file: file.split(/[\\/]/).pop() ?? file, stage: 'reading', done: 0, total: 1 });
  return prepareInput(await readInput(file), options);
}

/** Prepares an attachment held in memory. */
export async function prepareBytes(name: string, bytes: Uint8Array, options: PrepareOptions): Promise<PreparedSource> {
  options.onProgress?.({ file: name, stage: 'reading', done: 0, total: 1 });
  return prepareInput(inputOf(name, bytes), options);
}
