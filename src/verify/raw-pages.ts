/**
 * The page tree, as the raw reader (raw-pdf.ts) walks it: page dictionaries
 * in order with their inherited attributes, and each page object's index, so
 * a link's destination resolves to a page without pdfjs. /Annots is treated
 * as inherited because pdfjs treats it so.
 */
import type { RawPdf } from './raw-pdf.ts';
import { nameOf, PdfRef, RawPdfError, type PdfDict, type PdfValue } from './raw-syntax.ts';

interface Inherited {
  resources: PdfDict | undefined;
  mediaBox: PdfValue | undefined;
  cropBox: PdfValue | undefined;
  rotate: PdfValue | undefined;
  annots: PdfValue | undefined;
}

export interface RawPage extends Inherited {
  dict: PdfDict;
  ref: PdfRef | undefined;
}

export interface PageTree {
  pages: RawPage[];
  /** "num gen" of each page object → its 0-based index (-1 when the object is a page twice). */
  byRef: Map<string, number>;
  /**
   * pdfjs finds a page's index by climbing /Parent and adding up the /Count of
   * the kids before it: true when that gives the walk's index for every page
   * (every kid a reference whose /Parent is its node, every /Count right).
   */
  indexable: boolean;
}

export const refKey = (ref: PdfRef): string => `${ref.num} ${ref.gen}`;

/** Walks the page tree from the catalog; throws RawPdfError on a missing node or a cycle. */
export function pageTree(raw: RawPdf): PageTree {
  const root = raw.dict(raw.trailer.get('Root'));
  const tree = raw.dict(root?.get('Pages'));
  if (!tree) throw new RawPdfError('no page tree');
  const pages: RawPage[] = [];
  const seen = new Set<PdfDict>();
  let indexable = true;
  const walk = (node: PdfDict, inherited: Inherited, ref: PdfRef | undefined) => {
    if (seen.has(node)) throw new RawPdfError('the page tree has a cycle');
    seen.add(node);
    const here: Inherited = {
      resources: node.has('Resources') ? raw.dict(node.get('Resources')) : inherited.resources,
      mediaBox: node.has('MediaBox') ? node.get('MediaBox') : inherited.mediaBox,
      cropBox: node.has('CropBox') ? node.get('CropBox') : inherited.cropBox,
      rotate: node.has('Rotate') ? node.get('Rotate') : inherited.rotate,
      annots: node.has('Annots') ? node.get('Annots') : inherited.annots,
    };
    const kids = raw.resolve(node.get('Kids'));
    if (nameOf(node.get('Type')) === 'Pages' || Array.isArray(kids)) {
      if (!Array.isArray(kids)) throw new RawPdfError('a page tree node has no kids');
      const before = pages.length;
      for (const kid of kids) {
        const d = raw.dict(kid);
        if (!d) throw new RawPdfError('a page tree kid is missing');
        if (!(kid instanceof PdfRef) || raw.dict(d.get('Parent')) !== node) indexable = false;
        walk(d, here, kid instanceof PdfRef ? kid : undefined);
      }
      if (raw.resolve(node.get('Count')) !== pages.length - before) indexable = false;
    } else pages.push({ dict: node, ref, ...here });
  };
  walk(tree, { resources: undefined, mediaBox: undefined, cropBox: undefined, rotate: undefined, annots: undefined }, undefined);
  const byRef = new Map<string, number>();
  pages.forEach((p, i) => {
    if (!p.ref) return;
    const key = refKey(p.ref);
    byRef.set(key, byRef.has(key) ? -1 : i);
  });
  return { pages, byRef, indexable };
}
