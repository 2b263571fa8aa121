/**
 * One pass over an imported PDF, in the parsing worker: the checks, the trial
 * copy and the text of every page, with the file parsed once by each library.
 * Most PDFs are kept byte-for-byte: pdf-lib parses the file once (page-tree
 * bomb check, encryption, forms, page tree, trailer, Info) and that same
 * parse is the donor of the trial copy; pdfjs opens it once per thread to
 * extract the text, which also proves every page loads and counts them. The
 * extraction workers start while pdf-lib parses, and extraction runs while
 * the trial copy does. Anything unusual (encrypted, a form, a damaged tree
 * or trailer, a page count the readers disagree on, a page pdfjs cannot
 * read, a failed trial) goes the full way: preparePdf (decrypt, flatten,
 * repair, refuse) and then extraction of the copy it decides on, so every
 * file gets exactly the verdict preparePdf gives.
 */
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { DamagedSourceError, SourceTooComplexError } from '../errors.ts';
import type { PageText } from '../model/index.ts';
import '../pdf/quiet.ts';
import { extractTextParallel, MIN_PAGES_FOR_WORKERS } from '../pdf/text-parallel.ts';
import { maxTextThreads, startTextWorkers, takeSpare, type TextWorkers } from '../pdf/text-workers.ts';
import { DONOR_LOAD_OPTIONS, trialCopyOf } from '../bundle/trial.ts';
import { hasIntactTrailer, inspectPageTree, unsafePageTree } from './pdf-checks.ts';
import { infoString, preparePdf, type PreparedPdf } from './pdf.ts';

export interface ImportedPdf {
  prepared: PreparedPdf;
  /** The text of every page of `prepared.documentPdf`, in order. */
  text: PageText[];
}

type Progress = (done: number, total: number) => void;

/** Below this size a file is unlikely to have MIN_PAGES_FOR_WORKERS pages: workers start only once it is parsed. */
const EARLY_WORKERS_BYTES = 256 * 1024;

/** A form with at least one field: preparePdf flattens it (or keeps it, flagged). */
function hasFormFields(doc: PDFDocument): boolean {
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!form) return false;
  const fields = form.lookupMaybe(PDFName.of('Fields'), PDFArray);
  return fields === undefined || fields.size() > 0;
}

/** The page count when `doc` can be kept as it is without preparePdf's repairs, else undefined. */
function keepable(bytes: Uint8Array, doc: PDFDocument): number | undefined {
  if (doc.isEncrypted || !hasIntactTrailer(bytes)) return undefined;
  try {
    // A form, or a form entry that is not one (damage preparePdf repairs).
    if (hasFormFields(doc)) return undefined;
    const tree = inspectPageTree(doc);
    if (tree.found === 0 || tree.declared !== tree.found || tree.missingContent.length > 0) return undefined;
    return tree.found;
  } catch {
    return undefined;
  }
}

/** Why the trial copy failed, or undefined when it succeeded. */
async function trialFailure(donor: PDFDocument): Promise<unknown> {
  try {
    await trialCopyOf(donor);
    return undefined;
  } catch (error) {
    return error ?? new Error('the trial copy failed');
  }
}

/** The text of `pdf` (the document preparePdf decided on), errors named after the file. */
async function extract(name: string, pdf: Uint8Array, onPage?: Progress, started?: TextWorkers): Promise<PageText[]> {
  try {
    return (await extractTextParallel(pdf, { ...(onPage ? { onPage } : {}), ...(started ? { started } : {}) })).pages;
  } catch (error) {
    if (error instanceof SourceTooComplexError) throw error;
    throw new DamagedSourceError(name, 'the text of its pages cannot be read', error);
  }
}

/** The full way: preparePdf's verdict, then the text of the document it returns. */
async function fullWay(name: string, bytes: Uint8Array, onPage?: Progress): Promise<ImportedPdf> {
  const prepared = await preparePdf(name, bytes);
  return { prepared, text: await extract(name, prepared.documentPdf, onPage) };
}

/** Checks, trial copy and text of one PDF; throws the typed error preparePdf would, naming the file. */
export async function importPdf(name: string, bytes: Uint8Array, onPage?: Progress): Promise<ImportedPdf> {
  const helpers = maxTextThreads() - 1;
  // Extraction workers load pdfjs while pdf-lib parses; they get no bytes before the bomb check.
  let early: TextWorkers | undefined = takeSpare() ?? (helpers > 0 && bytes.byteLength >= EARLY_WORKERS_BYTES ? startTextWorkers(helpers) : undefined);
  try {
    let doc: PDFDocument;
    try {
      doc = await PDFDocument.load(bytes, { ...DONOR_LOAD_OPTIONS, parseSpeed: ParseSpeeds.Fastest });
    } catch {
      return await fullWay(name, bytes, onPage);
    }
    // Before pdfjs or anything else walks the page tree.
    const unsafe = unsafePageTree(doc);
    if (unsafe) throw new DamagedSourceError(name, unsafe);
    const pages = keepable(bytes, doc);
    if (pages === undefined) return await fullWay(name, bytes, onPage);

    const title = infoString(() => doc.getTitle());
    const author = infoString(() => doc.getAuthor());
    if (pages < MIN_PAGES_FOR_WORKERS && early) {
      void early.close();
      early = undefined;
    }
    const started = early ?? (helpers > 0 && pages >= MIN_PAGES_FOR_WORKERS ? startTextWorkers(helpers) : undefined);
    early = undefined;
    // The trial copy (pdf-lib, this thread) and the extraction (pdfjs, the workers and this thread) run together.
    // The extraction is asked for first: given pdf-lib's page count, it hands the workers their ranges at
    // once, before the trial copy's long synchronous stretches hold this thread.
    const extraction = extractTextParallel(bytes, { ...(onPage ? { onPage } : {}), ...(started ? { started } : {}), expectedPages: pages }).then(
      (r) => r,
      () => undefined,
    );
    const [failure, extracted] = await Promise.all([trialFailure(doc), extraction]);
    if (failure !== undefined || !extracted || extracted.encrypted || extracted.pages.length !== pages) {
      // preparePdf decides (repair, or refusal with its reason); the text is then read from its copy.
      return await fullWay(name, bytes, onPage);
    }
    const prepared: PreparedPdf = { documentPdf: bytes, flags: [], pages, ...(title ? { title } : {}), ...(author ? { author } : {}) };
    return { prepared, text: extracted.pages };
  } finally {
    await early?.close();
  }
}
