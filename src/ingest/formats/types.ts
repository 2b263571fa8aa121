/**
 * The one interface every input format implements (pandoc readers, Zotero
 * translators): detect the bytes, turn them into the PDF Sanad paginates
 * (a rendition printed through a template, or a PDF of its own), declare the
 * metadata the file carries, and optionally yield child files (an e-mail's
 * attachments) that become sources of their own. `prepareSource` only talks
 * to this interface, so adding a format is one new module plus one line in
 * `formats/index.ts`.
 */
import type { ImportMetadata, PageText, SourceFlag, SourceFormat } from '../../model/index.ts';
import type { PdfWorkerLimits } from '../pdf-worker.ts';
import type { Printer } from '../../print/printer.ts';
import type { DeclaredMetadata, Rendition } from '../rendition.ts';

/** A file being imported: its base name and bytes, and the module that recognised it. */
export interface FormatInput {
  /** Base name shown to the user and stored as originalName. */
  name: string;
  bytes: Uint8Array;
  /** Lower-case extension of the stored original, e.g. "pdf", "docx" (no dot). */
  ext: string;
}

/** What `detect` answers when it recognises the bytes. */
export interface Detected {
  /** Extension for the stored original (no dot). */
  ext: string;
}

/** Everything a module may need while rendering. */
export interface FormatContext {
  printer: Printer;
  sha256: string;
  /** The caseworker's metadata (already validated); it wins over what the file declares. */
  given: ImportMetadata;
  /** Reports rendering progress of this one file (done out of total). */
  progress: (done: number, total: number) => void;
  /** Reports text extraction progress (pages done out of total), for a module that returns `text`. */
  extracting?: (done: number, total: number) => void;
  /** Time and memory limits of the PDF parsing worker (defaults in pdf-worker.ts). */
  pdfLimits?: PdfWorkerLimits;
  /** Keep a photo's GPS position (default: dropped; it can locate a family). */
  keepGps?: boolean;
}

/**
 * The result of rendering. Either `rendition` (template data printed by the
 * pipeline through `templates/<template>.hbs` with the provenance line) or
 * `documentPdf` (a PDF the module made itself: a PDF input, a LibreOffice
 * conversion), with `text` when the module read the text of its pages in
 * the same pass (the PDF module: the file is parsed once), which the
 * pipeline then uses instead of extracting it again.
 */
export type FormatOutput =
  | { rendition: Rendition; flags?: SourceFlag[]; declared?: DeclaredMetadata }
  | { documentPdf: Uint8Array; flags?: SourceFlag[]; declared: DeclaredMetadata; text?: PageText[] };

/** A file carried inside another (an e-mail attachment, a chat's document); imported as its own source. */
export interface ChildFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Whether the pipeline's OCR step should look at this format's pages:
 * `pages-without-text` for scans and photos (PDF, images), `never` for
 * renditions made from text (they always have a text layer).
 */
export type OcrWish = 'pages-without-text' | 'never';

export interface SourceFormatModule {
  /** Unique module id, e.g. "pdf", "docx", "msg", "whatsapp". */
  id: string;
  /** The `format` stored in the source's metadata. */
  format: SourceFormat;
  /** What a caseworker calls it, for messages and the import dialog ("Word document"). */
  label: string;
  /** Extensions (lower case, no dot) the import dialog and drop zone accept for this module. */
  extensions: readonly string[];
  /**
   * Recognises `bytes` named `name`, or returns undefined. Must be cheap and
   * never throw: magic bytes first, the name only where the format has no
   * signature. Modules are asked in registry order; the first answer wins.
   */
  detect(bytes: Uint8Array, name: string): Detected | undefined;
  /** Produces the document Sanad paginates. Heavy libraries load here, on demand. */
  render(input: FormatInput, context: FormatContext): Promise<FormatOutput>;
  /** Files carried inside this one (attachments), each imported as a source with `parent` set. */
  children?(input: FormatInput): Promise<ChildFile[]>;
  /** Default `never`. */
  ocr?: OcrWish;
}
