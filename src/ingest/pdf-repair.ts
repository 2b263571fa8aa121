/**
 * Repairs for PDFs whose page tree pdf-lib cannot walk or copy: a page whose
 * /Parent is not a Pages node, a page or Pages node stored as a stream, a
 * Pages node without /Kids. The tree is rebuilt as one flat /Pages root over
 * every page leaf reachable (in reading order), each leaf a plain dictionary
 * keeping its object number (so links and widgets that point at it stay
 * valid) and carrying the attributes it used to inherit.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFPageLeaf, PDFPageTree, PDFRef, PDFStream, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';

const INHERITED = ['Resources', 'MediaBox', 'CropBox', 'Rotate'] as const;
/** A4 in points, for a page that never says its size. */
const DEFAULT_MEDIA_BOX = [0, 0, 595.28, 841.89];

function dictOf(o: PDFObject | undefined): PDFDict | undefined {
  return o instanceof PDFDict ? o : o instanceof PDFStream ? o.dict : undefined;
}

function isLeaf(dict: PDFDict): boolean {
  const type = dict.get(PDFName.of('Type'));
  if (type === PDFName.of('Page')) return true;
  if (type === PDFName.of('Pages')) return false;
  return dict.get(PDFName.of('Contents')) !== undefined || dict.get(PDFName.of('MediaBox')) !== undefined;
}

/** Rebuilds the page tree in place; returns the number of pages found (0 when none). */
export function rebuildPageTree(doc: PDFDocument, maxPages: number): number {
  const ctx = doc.context;
  const leaves: PDFRef[] = [];
  const seen = new Set<PDFObject>();
  const visit = (node: PDFObject | undefined, inherited: Map<string, PDFObject>, depth: number): void => {
    if (node === undefined || seen.has(node) || depth > 64 || leaves.length >= maxPages) return;
    seen.add(node);
    const resolved = node instanceof PDFRef ? ctx.lookup(node) : node;
    if (resolved !== undefined) seen.add(resolved);
    const dict = dictOf(resolved);
    if (!dict) return;
    const kids = ctx.lookupMaybe(dict.get(PDFName.of('Kids')), PDFArray);
    if (!isLeaf(dict)) {
      const passed = new Map(inherited);
      for (const key of INHERITED) {
        const value = dict.get(PDFName.of(key));
        if (value !== undefined) passed.set(key, value);
      }
      for (const kid of kids?.asArray() ?? []) visit(kid, passed, depth + 1);
      return;
    }
    const entries = new Map<PDFName, PDFObject>();
    for (const [key, value] of dict.entries()) entries.set(key, value);
    for (const key of INHERITED) if (!entries.has(PDFName.of(key)) && inherited.has(key)) entries.set(PDFName.of(key), inherited.get(key)!);
    if (!entries.has(PDFName.of('MediaBox'))) entries.set(PDFName.of('MediaBox'), ctx.obj(DEFAULT_MEDIA_BOX));
    if (!entries.has(PDFName.of('Resources'))) entries.set(PDFName.of('Resources'), ctx.obj({}));
    entries.set(PDFName.of('Type'), PDFName.of('Page'));
    entries.delete(PDFName.of('Kids'));
    entries.delete(PDFName.of('Count'));
    for (const key of ['Length', 'Filter', 'DecodeParms']) entries.delete(PDFName.of(key));
    const leaf = PDFPageLeaf.fromMapWithContext(entries, ctx, false);
    if (node instanceof PDFRef) {
      ctx.assign(node, leaf);
      leaves.push(node);
    } else {
      leaves.push(ctx.register(leaf));
    }
  };
  visit(doc.catalog.get(PDFName.of('Pages')), new Map(), 0);
  const root = PDFPageTree.withContext(ctx);
  const rootRef = ctx.register(root);
  root.set(PDFName.of('Kids'), ctx.obj(leaves) as PDFArray);
  root.set(PDFName.of('Count'), PDFNumber.of(leaves.length));
  for (const ref of leaves) ctx.lookup(ref, PDFDict).set(PDFName.of('Parent'), rootRef);
  doc.catalog.set(PDFName.of('Pages'), rootRef);
  return leaves.length;
}
