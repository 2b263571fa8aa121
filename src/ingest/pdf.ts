/**
 * PDF input: decides what `document.pdf` (the copy Sanad paginates) must be.
 * The original bytes are used as they are when possible; a copy is re-saved
 * only to decrypt an empty-password PDF, flatten filled-in forms so they
 * print, or repair a broken cross-reference table. Files that need a real
 * password, or have lost pages, are refused: nothing is imported half-read.
 * Page trees that reuse nodes or claim absurd counts are refused before
 * anything walks them; every file kept is proven copyable into a bundle by a
 * trial copy (bundle/trial.ts), after rebuilding its page tree if needed.
 */
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFStream } from '@cantoo/pdf-lib';
import { DamagedSourceError, EncryptedSourceError } from '../errors.ts';
import '../pdf/quiet.ts';
import type { SourceFlag } from '../model/index.ts';
import { trialCopy } from '../bundle/trial.ts';
import { dropInvalidAcroForm, hasIntactTrailer, inspectPageTree, MAX_PAGES, probeWithPdfjs, unsafePageTree, type PageTreeReport, type PdfjsProbe } from './pdf-checks.ts';
import { rebuildPageTree } from './pdf-repair.ts';

export interface PreparedPdf {
  documentPdf: Uint8Array;
  flags: SourceFlag[];
  pages: number;
  /** From the PDF's Info dictionary, when set. */
  title?: string;
  author?: string;
}

const LOAD_OPTIONS = { updateMetadata: false, throwOnInvalidObject: false, warnOnInvalidObjects: false };

/** Decrypts with the empty user password when `doc` (loaded ignoring encryption) is encrypted. */
async function decrypted(name: string, bytes: Uint8Array, doc: PDFDocument): Promise<{ doc: PDFDocument; encrypted: boolean }> {
  if (!doc.isEncrypted) return { doc, encrypted: false };
  try {
    // An empty user password opens the file for anyone; pdf-lib decrypts with it.
    return { doc: await PDFDocument.load(bytes, { ...LOAD_OPTIONS, password: '' }), encrypted: true };
  } catch (error) {
    if (/password/i.test(String((error as Error).message))) throw new EncryptedSourceError(name);
    throw new DamagedSourceError(name, 'its encryption cannot be read', error);
  }
}

/**
 * pdf-lib decrypts the objects but copies the file's old cross-reference
 * stream, whose /Encrypt entry makes the saved copy look encrypted again.
 * A second pass drops the trailer entry and the encryption dictionary.
 */
async function dropStaleEncryption(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  const encrypt = doc.context.trailerInfo.Encrypt;
  if (encrypt === undefined) return bytes;
  if (encrypt instanceof PDFRef) doc.context.delete(encrypt);
  delete doc.context.trailerInfo.Encrypt;
  return doc.save({ updateFieldAppearances: false });
}

type Flattening = 'none' | 'flattened' | 'failed';

/** Flattens AcroForm fields into page content; 'failed' leaves the document half-changed (reload it). */
function flattenForms(doc: PDFDocument): Flattening {
  // getForm() would create an empty AcroForm: look before touching.
  if (!doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)) return 'none';
  try {
    const form = doc.getForm();
    if (form.getFields().length === 0) return 'none';
    try {
      form.flatten();
    } catch {
      // Field values the standard fonts cannot encode (e.g. Urdu): keep the
      // appearances the filling application drew rather than regenerating them.
      form.flatten({ updateFieldAppearances: false });
    }
    return 'flattened';
  } catch {
    // e.g. "Tried to remove inexistent field": widgets that sit on no page.
    return 'failed';
  }
}

/** A document-information string, trimmed; undefined when absent, empty or unreadable. */
export function infoString(read: () => string | undefined): string | undefined {
  try {
    const v = read()?.trim();
    return v ? v : undefined;
  } catch {
    return undefined;
  }
}

/** pdf-lib caches the page list it walked: after the tree is rebuilt, it must walk it again. */
function forgetPages(doc: PDFDocument): void {
  (doc as unknown as { pageCache: { invalidate(): void } }).pageCache.invalidate();
}

/** The root's /Count, whatever the tree below it looks like. */
function declaredCount(doc: PDFDocument): number {
  const root = doc.context.lookup(doc.catalog.get(PDFName.of('Pages')));
  const dict = root instanceof PDFDict ? root : root instanceof PDFStream ? root.dict : undefined;
  const count = dict?.get(PDFName.of('Count'));
  return count instanceof PDFNumber ? count.asNumber() : 0;
}

/** The page tree, or undefined when pdf-lib cannot walk it. */
function tryInspect(doc: PDFDocument): PageTreeReport | undefined {
  try {
    return inspectPageTree(doc);
  } catch {
    return undefined;
  }
}

/** Why the bundle could not copy these bytes, or undefined when it can. */
async function trialFailure(pdf: Uint8Array): Promise<string | undefined> {
  try {
    await trialCopy(pdf);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

interface Opened {
  doc: PDFDocument;
  encrypted: boolean;
  tree: PageTreeReport;
  rebuilt: boolean;
  /** A damaged /AcroForm (not a form) was dropped: the copy is a repair. */
  formDropped: boolean;
}

/** Opens (and decrypts) with pdf-lib; a page tree pdf-lib cannot walk, or that loses pages, is rebuilt. */
async function openForSanad(name: string, bytes: Uint8Array, first: PDFDocument, probe: PdfjsProbe): Promise<Opened> {
  const { doc, encrypted } = await decrypted(name, bytes, first);
  // A form entry that is not a form is damage, repaired by dropping it (nothing of a form is lost).
  const formDropped = dropInvalidAcroForm(doc);
  const seen = probe.ok ? probe.pages : 0;
  let tree = tryInspect(doc);
  // What the file says it holds, read before any rebuild: a rebuilt tree must not hide lost pages.
  const declared = tree?.declared ?? declaredCount(doc);
  let rebuilt = false;
  if (!tree || tree.found < Math.max(tree.declared ?? 0, seen) || tree.found === 0) {
    if (rebuildPageTree(doc, MAX_PAGES) > 0) {
      rebuilt = true;
      forgetPages(doc);
      tree = tryInspect(doc);
    }
  }
  if (!tree) throw new DamagedSourceError(name, 'its page list cannot be read');
  const expected = Math.max(declared, seen);
  if (tree.found === 0) throw new DamagedSourceError(name, 'no page could be read');
  if (tree.found < expected) {
    throw new DamagedSourceError(name, `only ${tree.found} of its ${expected} pages could be read; the file is probably cut short`);
  }
  if (tree.missingContent.length > 0) {
    throw new DamagedSourceError(name, `the content of page ${tree.missingContent.join(', ')} is missing`);
  }
  return { doc, encrypted, tree, rebuilt, formDropped };
}

async function saveCopy(name: string, doc: PDFDocument, encrypted: boolean): Promise<Uint8Array> {
  try {
    const saved = await doc.save({ updateFieldAppearances: false });
    return encrypted ? await dropStaleEncryption(saved) : saved;
  } catch (error) {
    throw new DamagedSourceError(name, 'a readable copy could not be written', error);
  }
}

export async function preparePdf(name: string, bytes: Uint8Array): Promise<PreparedPdf> {
  // pdf-lib parses objects without walking the page tree: the tree's shape is
  // checked before pdfjs (which walks it to count pages) or anything else does.
  let first: PDFDocument | undefined;
  let loadError: unknown;
  try {
    first = await PDFDocument.load(bytes, { ...LOAD_OPTIONS, ignoreEncryption: true });
  } catch (error) {
    loadError = error;
  }
  const unsafe = first && unsafePageTree(first);
  if (unsafe) throw new DamagedSourceError(name, unsafe);
  const probe = await probeWithPdfjs(bytes);
  if (!probe.ok && probe.needsPassword) throw new EncryptedSourceError(name);
  if (!first) throw new DamagedSourceError(name, 'its structure cannot be read', loadError);

  let opened = await openForSanad(name, bytes, first, probe);
  const flags: SourceFlag[] = [];
  if (opened.encrypted) flags.push('decrypted');
  const flattening = flattenForms(opened.doc);
  if (flattening === 'flattened') flags.push('forms-flattened');
  if (flattening === 'failed') {
    // Half-flattened: start again from the file and keep the form as it is.
    opened = await openForSanad(name, bytes, await PDFDocument.load(bytes, { ...LOAD_OPTIONS, ignoreEncryption: true }), probe);
    flags.push('forms-not-flattened');
  }
  const { doc, encrypted, tree } = opened;
  const needsRepair = opened.rebuilt || opened.formDropped || !hasIntactTrailer(bytes) || !probe.ok || !probe.pagesLoad || probe.pages !== tree.found;
  if (needsRepair) flags.push('repaired');

  const title = infoString(() => doc.getTitle());
  const author = infoString(() => doc.getAuthor());
  const meta = { ...(title ? { title } : {}), ...(author ? { author } : {}) };
  const rewritten = flags.some((f) => f !== 'forms-not-flattened');
  let documentPdf = rewritten ? await saveCopy(name, doc, encrypted) : bytes;

  // Prove the bundle can copy it, through the bundle's own code; else rebuild the page tree and try again.
  let failure = await trialFailure(documentPdf);
  if (failure && !opened.rebuilt) {
    const again = await PDFDocument.load(documentPdf, { ...LOAD_OPTIONS, ignoreEncryption: true });
    if (rebuildPageTree(again, MAX_PAGES) === tree.found) {
      const candidate = await saveCopy(name, again, false);
      const retry = await trialFailure(candidate);
      if (!retry) {
        documentPdf = candidate;
        if (!flags.includes('repaired')) flags.push('repaired');
      }
      failure = retry;
    }
  }
  if (failure) throw new DamagedSourceError(name, `it cannot be copied into a bundle: ${failure}`);

  if (documentPdf !== bytes && (needsRepair || encrypted)) {
    const check = await probeWithPdfjs(documentPdf);
    if (!check.ok || !check.pagesLoad || check.pages !== tree.found) {
      throw new DamagedSourceError(name, 'the repaired copy is still unreadable');
    }
  }
  return { documentPdf, flags, pages: tree.found, ...meta };
}
