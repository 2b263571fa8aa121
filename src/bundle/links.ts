/**
 * Internal links. Generated pages link to bundle pages with URIs under
 * INTERNAL_LINK_PREFIX (Chromium prints them as URI annotations with exact
 * rectangles); here each becomes a GoTo link to that page. A link to a page in
 * another volume cannot be a GoTo: it is removed, leaving the printed text
 * ("vol 2, p 45"), because a GoToR would depend on file names chosen later.
 */
import { PDFArray, PDFDict, PDFName, PDFNull, PDFRef, PDFString, PDFHexString, type PDFPage } from '@cantoo/pdf-lib';
import { BundleError } from '../errors.ts';
import { INTERNAL_LINK_PREFIX } from './parts/context.ts';
import { PART_MARKER_PREFIX } from './batch-print.ts';

export interface LinkStats {
  internal: number;
  removedCrossVolume: number;
}

function uriOf(annot: PDFDict): string | undefined {
  const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
  const uri = action?.lookup(PDFName.of('URI'));
  if (uri instanceof PDFString || uri instanceof PDFHexString) return uri.decodeText();
  return undefined;
}

/** Rewrites the internal links on one page; `pageRefOf` gives the target's page ref in this volume, if it is in it. */
export function rewriteInternalLinks(page: PDFPage, totalPages: number, pageRefOf: (pageIndex: number) => PDFRef | undefined, stats: LinkStats): void {
  const annots = page.node.Annots();
  if (!annots) return;
  const ctx = page.doc.context;
  for (let i = annots.size() - 1; i >= 0; i--) {
    const annot = ctx.lookupMaybe(annots.get(i), PDFDict);
    if (!annot || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
    const uri = uriOf(annot);
    if (uri?.startsWith(PART_MARKER_PREFIX)) {
      // The marker of a combined print (batch-print.ts): not a link, and not kept in the file.
      const ref = annots.get(i);
      annots.remove(i);
      if (ref instanceof PDFRef) ctx.delete(ref);
      continue;
    }
    if (!uri?.startsWith(INTERNAL_LINK_PREFIX)) continue;
    const target = Number(uri.slice(INTERNAL_LINK_PREFIX.length));
    if (!Number.isInteger(target) || target < 1 || target > totalPages) {
      throw new BundleError(`A generated page links to bundle page ${uri.slice(INTERNAL_LINK_PREFIX.length)}, which does not exist: report this as a bug in Sanad.`);
    }
    const ref = pageRefOf(target);
    if (!ref) {
      annots.remove(i);
      stats.removedCrossVolume++;
      continue;
    }
    annot.delete(PDFName.of('A'));
    annot.set(PDFName.of('Dest'), ctx.obj([ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]) as PDFArray);
    stats.internal++;
  }
}
