/**
 * Turns one input file into everything the store needs for a new source:
 * the original bytes, the PDF Sanad paginates, the text of every page and
 * validated metadata. Pure with respect to the workspace (nothing is written),
 * so a file that fails here leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import { DamagedSourceError } from '../errors.ts';
import type { PageText, SourceFlag, SourceScope } from '../model/index.ts';
import { extractTextParallel } from '../pdf/text-parallel.ts';
import type { Printer } from '../print/printer.ts';
import type { NewSource } from '../store/index.ts';
import { readInput, type InputFile } from './detect.ts';
import { buildSourceMeta, checkImportMetadata, titleFromName, type ImportMetadata } from './metadata.ts';
import { preparePdf } from './pdf.ts';
import { printRendition, type DeclaredMetadata, type Rendition } from './rendition.ts';

export interface ImportProgress {
  /** Base name of the file being imported. */
  file: string;
  stage: 'reading' | 'rendering' | 'extracting' | 'saving';
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
}

/** Renderers load on demand: jsdom, Readability, marked and postal-mime cost seconds to load. */
async function renditionOf(input: InputFile): Promise<Rendition> {
  switch (input.format) {
    case 'text':
    case 'markdown':
      return (await import('./render-text.ts')).renderText(input.bytes, input.format);
    case 'html':
      return (await import('./render-html.ts')).renderHtml(input.bytes);
    case 'image':
      return (await import('./render-image.ts')).renderImage(input.bytes, input.ext);
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
  /** The text, when it was already read from documentPdf. */
  text?: PageText[];
}

async function documentOf(input: InputFile, sha256: string, options: PrepareOptions, given: ImportMetadata): Promise<Document> {
  const report = (done: number) => options.onProgress?.({ file: input.name, stage: 'rendering', done, total: 1 });
  report(0);
  if (input.format === 'pdf') {
    // The text is read first (on several threads for long files); that reading is also
    // pdfjs's check of the file, and the text is kept when the file is kept as it is.
    const early = await extractTextParallel(input.bytes, { onPage: (done, total) => options.onProgress?.({ file: input.name, stage: 'extracting', done, total }) }).catch(() => undefined);
    const probe = early && { ok: true as const, pages: early.pages.length, pagesLoad: true, encrypted: early.encrypted };
    const pdf = await preparePdf(input.name, input.bytes, probe);
    report(1);
    const declared: DeclaredMetadata = { ...(pdf.title ? { title: pdf.title } : {}), ...(pdf.author ? { author: pdf.author } : {}) };
    const text = early && pdf.documentPdf === input.bytes ? early.pages : undefined;
    return { documentPdf: pdf.documentPdf, flags: pdf.flags, declared, ...(text ? { text } : {}) };
  }
  const rendition = await renditionOf(input);
  // The header of the rendition shows the metadata that will be stored.
  const shown = { ...rendition.declared, ...given };
  const title = shown.title ?? titleFromName(input.name);
  const context = { originalName: input.name, sha256, title, author: shown.author, published: shown.published, url: shown.url };
  const documentPdf = await printRendition(options.printer, rendition, context, title);
  report(1);
  return { documentPdf, flags: [], declared: rendition.declared };
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
    text = doc.text ?? (await extractTextParallel(doc.documentPdf, { onPage: (done, total) => progress?.({ file: input.name, stage: 'extracting', done, total }) })).pages;
  } catch (error) {
    throw new DamagedSourceError(input.name, 'the text of its pages cannot be read', error);
  }
  const flags = [...doc.flags];
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
  });
  return { meta, original: input.bytes, documentPdf: doc.documentPdf, text };
}
