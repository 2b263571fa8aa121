/**
 * PDF input: decides what `document.pdf` (the copy Sanad paginates) must be.
 * The original bytes are used as they are when possible; a copy is re-saved
 * only to decrypt an empty-password PDF, flatten filled-in forms so they
 * print, or repair a broken cross-reference table. Files that need a real
 * password, or have lost pages, are refused: nothing is imported half-read.
 */
import { PDFDict, PDFDocument, PDFName, PDFRef } from '@cantoo/pdf-lib';
import { DamagedSourceError, EncryptedSourceError } from '../errors.ts';
import type { SourceFlag } from '../model/index.ts';
import { hasIntactTrailer, inspectPageTree, probeWithPdfjs, type PdfjsProbe } from './pdf-checks.ts';

export interface PreparedPdf {
  documentPdf: Uint8Array;
  flags: SourceFlag[];
  pages: number;
  /** From the PDF's Info dictionary, when set. */
  title?: string;
  author?: string;
}

async function loadWithPdfLib(name: string, bytes: Uint8Array): Promise<{ doc: PDFDocument; encrypted: boolean }> {
  const options = { updateMetadata: false, throwOnInvalidObject: false, warnOnInvalidObjects: false };
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ...options, ignoreEncryption: true });
  } catch (error) {
    throw new DamagedSourceError(name, 'its structure cannot be read', error);
  }
  if (!doc.isEncrypted) return { doc, encrypted: false };
  try {
    // An empty user password opens the file for anyone; pdf-lib decrypts with it.
    return { doc: await PDFDocument.load(bytes, { ...options, password: '' }), encrypted: true };
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

/** Flattens AcroForm fields into page content; false when there is no form. */
function flattenForms(doc: PDFDocument): boolean {
  // getForm() would create an empty AcroForm: look before touching.
  if (!doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)) return false;
  const form = doc.getForm();
  if (form.getFields().length === 0) return false;
  try {
    form.flatten();
  } catch {
    // Field values the standard fonts cannot encode (e.g. Urdu): keep the
    // appearances the filling application drew rather than regenerating them.
    form.flatten({ updateFieldAppearances: false });
  }
  return true;
}

function infoString(read: () => string | undefined): string | undefined {
  try {
    const v = read()?.trim();
    return v ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `probe`: what pdfjs found when the caller already read the file with it
 * (import extracts the text first), so the file is not opened twice.
 */
export async function preparePdf(name: string, bytes: Uint8Array, probe?: PdfjsProbe): Promise<PreparedPdf> {
  probe ??= await probeWithPdfjs(bytes);
  if (!probe.ok && probe.needsPassword) throw new EncryptedSourceError(name);
  const { doc, encrypted } = await loadWithPdfLib(name, bytes);

  let tree;
  try {
    tree = inspectPageTree(doc);
  } catch (error) {
    throw new DamagedSourceError(name, 'its page list cannot be read', error);
  }
  const expected = Math.max(tree.declared ?? 0, probe.ok ? probe.pages : 0);
  if (tree.found === 0) throw new DamagedSourceError(name, 'no page could be read');
  if (tree.found < expected) {
    throw new DamagedSourceError(name, `only ${tree.found} of its ${expected} pages could be read; the file is probably cut short`);
  }
  if (tree.missingContent.length > 0) {
    throw new DamagedSourceError(name, `the content of page ${tree.missingContent.join(', ')} is missing`);
  }

  const flags: SourceFlag[] = [];
  if (encrypted) flags.push('decrypted');
  if (flattenForms(doc)) flags.push('forms-flattened');
  const needsRepair = !hasIntactTrailer(bytes) || !probe.ok || !probe.pagesLoad || probe.pages !== tree.found;
  if (needsRepair) flags.push('repaired');

  const title = infoString(() => doc.getTitle());
  const author = infoString(() => doc.getAuthor());
  const meta = { ...(title ? { title } : {}), ...(author ? { author } : {}) };
  if (flags.length === 0) return { documentPdf: bytes, flags, pages: tree.found, ...meta };

  let documentPdf: Uint8Array;
  try {
    documentPdf = await doc.save({ updateFieldAppearances: false });
    if (encrypted) documentPdf = await dropStaleEncryption(documentPdf);
  } catch (error) {
    throw new DamagedSourceError(name, 'a readable copy could not be written', error);
  }
  if (needsRepair || encrypted) {
    const check = await probeWithPdfjs(documentPdf);
    if (!check.ok || !check.pagesLoad || check.pages !== tree.found) {
      throw new DamagedSourceError(name, 'the repaired copy is still unreadable');
    }
  }
  return { documentPdf, flags, pages: tree.found, ...meta };
}
