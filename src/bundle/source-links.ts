/**
 * A source's own internal links (a report's clickable contents list). In the
 * source they name a page of that file: explicitly ([page /XYZ …]), by a
 * named destination (catalog /Dests or the /Names /Dests name tree), or via a
 * GoTo action. Copied as they are they would point at nothing (names are not
 * copied) or drag the whole target page into the bundle. So before a page is
 * copied each link's target is resolved to a donor page and detached; after
 * the copy it is re-attached as an explicit destination to the copy of that
 * page, or the link is removed when its target is not in the bundle (a page
 * range that leaves it out).
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFObject, type PDFPage } from '@cantoo/pdf-lib';

/** Where a source link leads: a donor page (0-based) and the rest of its explicit destination. */
export interface LinkTarget {
  page: number;
  /** e.g. [/XYZ left top zoom]; direct numbers, names and nulls only. */
  view: PDFObject[];
}

/** Deepest name tree walked; real trees are 2–4 levels. */
const MAX_NAME_TREE_DEPTH = 32;

function keyOf(dest: PDFObject | undefined): string | undefined {
  if (dest instanceof PDFName) return dest.decodeText();
  if (dest instanceof PDFString || dest instanceof PDFHexString) return dest.decodeText();
  return undefined;
}

/** Looks a key up in a name tree, walking /Kids; undefined when absent or the tree is malformed. */
function lookupNameTree(doc: PDFDocument, node: PDFDict, key: string, depth = 0, seen = new Set<PDFDict>()): PDFObject | undefined {
  if (depth > MAX_NAME_TREE_DEPTH || seen.has(node)) return undefined;
  seen.add(node);
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      if (keyOf(doc.context.lookup(names.get(i))) === key) return doc.context.lookup(names.get(i + 1));
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const kid = doc.context.lookupMaybe(kids.get(i), PDFDict);
    const found = kid && lookupNameTree(doc, kid, key, depth + 1, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The explicit destination array a destination (name, string or array) stands for. */
function explicitDestination(doc: PDFDocument, dest: PDFObject | undefined): PDFArray | undefined {
  const resolved = dest instanceof PDFRef ? doc.context.lookup(dest) : dest;
  if (resolved instanceof PDFArray) return resolved;
  const key = keyOf(resolved);
  if (key === undefined) return undefined;
  let value: PDFObject | undefined;
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  value = dests?.lookup(PDFName.of(key));
  if (value === undefined) {
    const tree = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict);
    value = tree && lookupNameTree(doc, tree, key);
  }
  if (value instanceof PDFDict) value = value.lookup(PDFName.of('D'));
  return value instanceof PDFArray ? value : undefined;
}

function isPlain(o: PDFObject): boolean {
  return o instanceof PDFNumber || o instanceof PDFName || o === PDFNull;
}

/** Resolves a destination to a donor page; undefined when it names nothing in this file. */
export function resolveLinkTarget(doc: PDFDocument, dest: PDFObject | undefined, pageIndexOf: Map<PDFRef, number>): LinkTarget | undefined {
  let array: PDFArray | undefined;
  try {
    array = explicitDestination(doc, dest);
  } catch {
    return undefined;
  }
  const first = array?.get(0);
  if (!array || first === undefined) return undefined;
  const page = first instanceof PDFRef ? pageIndexOf.get(first) : first instanceof PDFNumber ? first.asNumber() : undefined;
  if (page === undefined || !Number.isInteger(page) || page < 0 || page >= pageIndexOf.size) return undefined;
  const rest = array.asArray().slice(1);
  const view = rest.length > 0 && rest.every(isPlain) ? rest : [PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull];
  return { page, view };
}

/** The destination an annotation carries itself (/Dest) or through a GoTo action; null when it has none. */
function destinationOf(doc: PDFDocument, annot: PDFDict): PDFObject | null {
  const dest = annot.get(PDFName.of('Dest'));
  if (dest !== undefined) return dest;
  const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
  if (action?.get(PDFName.of('S')) !== PDFName.of('GoTo')) return null;
  return action.get(PDFName.of('D')) ?? PDFNull;
}

/** A detached link: the position of the annotation in its page's /Annots and where it led. */
export interface DetachedLink {
  annot: number;
  target: LinkTarget | undefined;
}

/**
 * Removes the internal destinations from the annotations of a donor page
 * before it is copied, returning where each led. Annotations shared by
 * several pages are detached once and remembered in `done`.
 */
export function detachLinks(doc: PDFDocument, page: PDFPage, pageIndexOf: Map<PDFRef, number>, done: WeakMap<PDFDict, LinkTarget | undefined>): DetachedLink[] {
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  const out: DetachedLink[] = [];
  for (let i = 0; annots && i < annots.size(); i++) {
    const annot = doc.context.lookupMaybe(annots.get(i), PDFDict);
    if (!annot) continue;
    if (done.has(annot)) {
      out.push({ annot: i, target: done.get(annot) });
      continue;
    }
    const dest = destinationOf(doc, annot);
    if (dest === null) continue;
    const target = resolveLinkTarget(doc, dest, pageIndexOf);
    annot.delete(PDFName.of('Dest'));
    annot.delete(PDFName.of('A'));
    done.set(annot, target);
    out.push({ annot: i, target });
  }
  return out;
}

/**
 * Re-attaches detached links on the copy of a page: an explicit destination
 * to `refOf(target page)`, or the link is removed when that page was not copied.
 * Returns how many links were kept and removed.
 */
export function attachLinks(copy: PDFPage, links: DetachedLink[], refOf: (donorPage: number) => PDFRef | undefined): { kept: number; removed: number } {
  const annots = copy.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  const stats = { kept: 0, removed: 0 };
  if (!annots) return stats;
  const ctx = copy.doc.context;
  const drop: number[] = [];
  for (const link of links) {
    const annot = ctx.lookupMaybe(annots.get(link.annot), PDFDict);
    const ref = link.target && refOf(link.target.page);
    if (!annot || !ref || !link.target) {
      drop.push(link.annot);
      continue;
    }
    annot.set(PDFName.of('Dest'), ctx.obj([ref, ...link.target.view]) as PDFArray);
    stats.kept++;
  }
  for (const i of drop.sort((a, b) => b - a)) annots.remove(i);
  stats.removed = drop.length;
  return stats;
}
