/**
 * Structural checks on PDF bytes, used to decide whether a PDF can be kept
 * byte-for-byte or must be re-saved (repaired), and to catch truncated files
 * before they import with pages missing. pdfjs and pdf-lib recover from
 * damage differently, so each is asked separately and their answers compared.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFStream, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';
import { openPdf } from '../pdf/pdfjs.ts';

const latin1 = new TextDecoder('latin1');

/**
 * True when the file ends the way a PDF must: a `startxref` offset pointing at
 * a cross-reference table or stream, then `%%EOF`. False means the xref is
 * broken or the file was cut short, and readers are guessing.
 */
export function hasIntactTrailer(bytes: Uint8Array): boolean {
  const tail = latin1.decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!/%%EOF\s*$/.test(tail)) return false;
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) return false;
  const offset = Number(m[1]);
  if (!Number.isSafeInteger(offset) || offset >= bytes.length) return false;
  const at = latin1.decode(bytes.subarray(offset, Math.min(bytes.length, offset + 40)));
  return /^\s*(xref|\d+\s+\d+\s+obj)/.test(at);
}

export type PdfjsProbe =
  | { ok: true; pages: number; pagesLoad: boolean; encrypted: boolean }
  | { ok: false; needsPassword: boolean; error: unknown };

/** Opens the bytes with pdfjs and tries to load every page object. */
export async function probeWithPdfjs(bytes: Uint8Array): Promise<PdfjsProbe> {
  let doc;
  try {
    doc = await openPdf(bytes);
  } catch (error) {
    return { ok: false, needsPassword: (error as { name?: string }).name === 'PasswordException', error };
  }
  try {
    if (doc.numPages > MAX_PAGES) return { ok: false, needsPassword: false, error: new Error(`${doc.numPages} pages`) };
    let pagesLoad = true;
    for (let n = 1; n <= doc.numPages && pagesLoad; n++) {
      try {
        await doc.getPage(n);
      } catch {
        pagesLoad = false;
      }
    }
    const meta = await doc.getMetadata().catch(() => undefined);
    const info = (meta?.info ?? {}) as { EncryptFilterName?: unknown };
    // pdfjs gives null (not undefined) when the file is not encrypted.
    return { ok: true, pages: doc.numPages, pagesLoad, encrypted: info.EncryptFilterName != null };
  } finally {
    await doc.destroy();
  }
}

/** What pdf-lib found when it walked the page tree. */
export interface PageTreeReport {
  /** /Count of the root page tree node: what the file says it holds. */
  declared: number | undefined;
  /** Page leaves actually reachable. */
  found: number;
  /** 1-based pages whose content stream is referenced but missing. */
  missingContent: number[];
}

export function inspectPageTree(doc: PDFDocument): PageTreeReport {
  const root = doc.catalog.lookupMaybe(PDFName.of('Pages'), PDFDict);
  const count = root?.lookupMaybe(PDFName.of('Count'), PDFNumber);
  const pages = doc.getPages();
  const missingContent: number[] = [];
  pages.forEach((page, i) => {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : contents === undefined ? [] : [contents];
    for (const ref of refs) {
      const target = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
      if (!(target instanceof PDFStream) && !(target instanceof PDFArray)) {
        missingContent.push(i + 1);
        break;
      }
    }
  });
  return { declared: count?.asNumber(), found: pages.length, missingContent };
}

/** More pages than any real document has; a tree claiming more is refused before anything walks it. */
export const MAX_PAGES = 200_000;

/**
 * Why the page tree cannot be walked safely, or undefined when it can. Runs
 * before pdfjs or pdf-lib walk the tree: a 4 KB file whose tree lists the
 * same node again and again claims millions of pages, and both readers would
 * visit every one. Every node must be used once, the leaves must be at most
 * MAX_PAGES, and the root's /Count can be no more than the file's objects.
 */
export function unsafePageTree(doc: PDFDocument, maxPages = MAX_PAGES): string | undefined {
  const ctx = doc.context;
  // pdf-lib finds the catalog even without a trailer; none at all leaves nothing that lists the pages.
  if (!(doc.catalog instanceof PDFDict)) return 'its catalog, the object that lists its pages, is missing; the file is probably cut short';
  const rootRef = doc.catalog.get(PDFName.of('Pages'));
  const root = ctx.lookup(rootRef);
  const rootDict = root instanceof PDFDict ? root : root instanceof PDFStream ? root.dict : undefined;
  const count = rootDict?.get(PDFName.of('Count'));
  const declared = count instanceof PDFNumber ? count.asNumber() : 0;
  const objects = ctx.largestObjectNumber + 1;
  if (declared > maxPages) return `its page list claims ${declared} pages, more than Sanad accepts (${maxPages})`;
  if (declared > objects) return `its page list claims ${declared} pages but the file holds only ${objects} objects`;
  const seen = new Set<PDFObject>();
  const stack: Array<PDFObject | undefined> = [rootRef];
  let leaves = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) continue;
    const target = node instanceof PDFRef ? ctx.lookup(node) : node;
    if (seen.has(node) || (target !== undefined && seen.has(target))) return 'its page list uses the same node more than once';
    seen.add(node);
    if (target !== undefined) seen.add(target);
    const dict = target instanceof PDFDict ? target : target instanceof PDFStream ? target.dict : undefined;
    const kids = dict && ctx.lookup(dict.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray && dict?.get(PDFName.of('Type')) !== PDFName.of('Page')) {
      for (const kid of kids.asArray()) stack.push(kid);
    } else if (++leaves > maxPages) {
      return `its page list holds more than ${maxPages} pages`;
    }
  }
  return undefined;
}

/**
 * Drops a catalog's /AcroForm that is not a form: not a dictionary, or one whose /Fields is not
 * a list (a damaged file). Every reader of forms (flattening, the bundle's copy) would stop on
 * it, and there is no form left to keep. Returns whether it was dropped.
 */
export function dropInvalidAcroForm(doc: PDFDocument): boolean {
  const key = PDFName.of('AcroForm');
  const raw = doc.catalog.get(key);
  if (raw === undefined) return false;
  const form = doc.context.lookup(raw);
  const fields = form instanceof PDFDict ? form.get(PDFName.of('Fields')) : undefined;
  if (form instanceof PDFDict && (fields === undefined || doc.context.lookup(fields) instanceof PDFArray)) return false;
  doc.catalog.delete(key);
  return true;
}
