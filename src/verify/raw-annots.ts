/**
 * A page's links and highlights read with the raw reader instead of pdfjs's
 * getAnnotations (which re-reads the page's text for every highlight, as
 * costly as the text itself). It keeps pdfjs's rules for what it reports: the
 * annotations pdfjs shows (no NoView flag; a highlight needs valid
 * QuadPoints), a link's URL as pdfjs normalises it, its destination from /A
 * (GoTo, URI), /Dest or /AA, named destinations through the /Names tree and
 * /Dests, and the target page found through the page tree. Anything outside
 * those rules (another action type, a name that is not plain ASCII, a page
 * tree whose counts or parents disagree) throws RawPdfError, and the caller
 * asks pdfjs for that page instead.
 */
import { linkUrl, pdfText } from './pdf-text.ts';
import { refKey, type RawPage } from './raw-pages.ts';
import { isDict, nameOf, PdfName, PdfRef, PdfString, RawPdf, RawPdfError, type PdfDict, type PdfValue } from './raw-pdf.ts';

/** A link as the checks need it. */
export interface LinkFact {
  /** [x0, y0, x1, y1], normalised ([0, 0, 0, 0] when the link has none). */
  rect: number[];
  /** pdfjs's `url ?? unsafeUrl`. */
  url?: string;
  /** 0-based index of the page the link leads to; null when it has a destination that does not resolve; absent when none. */
  target?: number | null;
}

/** What verification needs of a page's annotations, whichever reader found it (plain data: it crosses to workers). */
export interface PageAnnotations {
  links: LinkFact[];
  /** The /Contents of each highlight, decoded. */
  highlights: string[];
}

const NO_VIEW = 32;

/** pdfjs's isValidExplicitDest. */
export function isExplicitDest(dest: unknown): dest is PdfValue[] {
  if (!Array.isArray(dest) || dest.length < 2) return false;
  const [page, zoom, ...args] = dest as PdfValue[];
  if (!(page instanceof PdfRef) && !Number.isInteger(page)) return false;
  if (!(zoom instanceof PdfName)) return false;
  let allowNull = true;
  switch (zoom.name) {
    case 'XYZ':
      if (args.length < 2 || args.length > 3) return false;
      break;
    case 'Fit':
    case 'FitB':
      return args.length === 0;
    case 'FitH':
    case 'FitBH':
    case 'FitV':
    case 'FitBV':
      if (args.length > 1) return false;
      break;
    case 'FitR':
      if (args.length !== 4) return false;
      allowNull = false;
      break;
    default:
      return false;
  }
  return args.every((a) => typeof a === 'number' || (allowNull && a === null));
}

function numbers(raw: RawPdf, v: PdfValue | undefined): number[] | undefined {
  const a = raw.resolve(v);
  if (!Array.isArray(a)) return undefined;
  const n = a.map((x) => raw.resolve(x));
  return n.every((x): x is number => typeof x === 'number') ? n : undefined;
}

/** A name or string destination as pdfjs keys it; only plain ASCII names are looked up here. */
function destName(v: PdfValue): string {
  const name = v instanceof PdfName ? v.name : pdfText((v as PdfString).bytes, true);
  if (!/^[\x20-\x7e]*$/.test(name)) throw new RawPdfError('a destination name that is not plain ASCII');
  return name;
}

const namedDests = new WeakMap<RawPdf, Map<string, PdfValue[]>>();

/** Named destinations: the /Names tree first, then /Dests (pdfjs's order), valid explicit ones only. */
function namedDestinations(raw: RawPdf): Map<string, PdfValue[]> {
  let map = namedDests.get(raw);
  if (map) return map;
  map = new Map();
  const found = map;
  const add = (key: string, value: PdfValue) => {
    let dest = raw.resolve(value);
    if (isDict(dest)) dest = raw.resolve(dest.get('D'));
    if (!found.has(key) && isExplicitDest(dest)) found.set(key, dest);
  };
  const root = raw.dict(raw.trailer.get('Root'));
  const seen = new Set<PdfDict>();
  const walkTree = (node: PdfDict | undefined, depth: number) => {
    if (!node || seen.has(node) || depth > 32) return;
    seen.add(node);
    const names = raw.resolve(node.get('Names'));
    if (Array.isArray(names)) {
      for (let i = 0; i + 1 < names.length; i += 2) {
        const key = raw.resolve(names[i]);
        if (key instanceof PdfString) add(pdfText(key.bytes, true), names[i + 1]!);
      }
    }
    const kids = raw.resolve(node.get('Kids'));
    if (Array.isArray(kids)) for (const kid of kids) walkTree(raw.dict(kid), depth + 1);
  };
  walkTree(raw.dict(raw.dict(root?.get('Names'))?.get('Dests')), 0);
  const dests = raw.dict(root?.get('Dests'));
  for (const [key, value] of dests ?? []) add(key, value);
  namedDests.set(raw, map);
  return map;
}

/** The 0-based page an explicit or named destination leads to, or null (pdfjs's getDestination and getPageIndex). */
function targetOf(raw: RawPdf, dest: PdfValue): number | null {
  const explicit = Array.isArray(dest) ? dest : (namedDestinations(raw).get(destName(dest)) ?? null);
  if (!explicit) return null;
  const page = explicit[0];
  if (typeof page === 'number') return page;
  if (!(page instanceof PdfRef)) return null;
  const tree = raw.tree();
  if (!tree.indexable) throw new RawPdfError('the page tree cannot be indexed as pdfjs does');
  const index = tree.byRef.get(refKey(page));
  if (index === -1) throw new RawPdfError('a page object is in the page tree twice');
  if (index === undefined) return null;
  const dict = tree.pages[index]!.dict;
  const type = nameOf(dict.get('Type'));
  return type === 'Page' || (!dict.has('Type') && dict.has('Contents')) ? index : null;
}

/** pdfjs's parseDestDictionary, for the actions a bundle may hold; others throw. */
function readLink(raw: RawPdf, d: PdfDict, rect: number[]): LinkFact {
  let action = raw.resolve(d.get('A'));
  let url: string | undefined;
  let dest: PdfValue = null;
  if (!isDict(action)) {
    if (d.has('Dest')) action = raw.resolve(d.get('Dest'));
    else {
      action = raw.resolve(d.get('AA'));
      if (isDict(action)) {
        if (action.has('D')) action = raw.resolve(action.get('D'));
        else if (action.has('U')) action = raw.resolve(action.get('U'));
      }
    }
  }
  if (isDict(action)) {
    const kind = raw.resolve(action.get('S'));
    if (!(kind instanceof PdfName)) return { rect };
    if (kind.name === 'URI') {
      const uri = raw.resolve(action.get('URI'));
      if (uri instanceof PdfName) url = `/${uri.name}`;
      else if (uri instanceof PdfString) url = uri.bytes;
    } else if (kind.name === 'GoTo') dest = raw.resolve(action.get('D'));
    else throw new RawPdfError(`a link with a ${kind.name} action`);
  } else if (d.has('Dest')) dest = raw.resolve(d.get('Dest'));
  const link: LinkFact = { rect };
  if (url !== undefined) link.url = linkUrl(url) ?? url;
  // pdfjs drops an empty string ("if (dest)"), not an empty name.
  if (dest instanceof PdfName || (dest instanceof PdfString && dest.bytes !== '')) link.target = targetOf(raw, dest);
  else if (isExplicitDest(dest)) link.target = targetOf(raw, dest);
  return link;
}

/** The links and highlights of one page as pdfjs's getAnnotations would give them; throws RawPdfError when it cannot tell. */
export function readAnnotations(raw: RawPdf, page: RawPage): PageAnnotations {
  const out: PageAnnotations = { links: [], highlights: [] };
  const annots = raw.resolve(page.annots);
  if (!Array.isArray(annots)) return out;
  for (const ref of annots) {
    const d = raw.resolve(ref);
    if (!isDict(d)) continue;
    const subtype = nameOf(raw.resolve(d.get('Subtype')));
    if (subtype !== 'Link' && subtype !== 'Highlight') continue;
    const flags = raw.resolve(d.get('F'));
    if (Number.isInteger(flags) && (flags as number) > 0 && (flags as number) & NO_VIEW) continue;
    if (subtype === 'Highlight') {
      const quads = numbers(raw, d.get('QuadPoints'));
      if (!quads || quads.length === 0 || quads.length % 8 > 0) continue;
      const contents = raw.resolve(d.get('Contents'));
      out.highlights.push(contents instanceof PdfString ? pdfText(contents.bytes) : '');
      continue;
    }
    const r = numbers(raw, d.get('Rect'));
    const rect = r?.length === 4 ? [Math.min(r[0]!, r[2]!), Math.min(r[1]!, r[3]!), Math.max(r[0]!, r[2]!), Math.max(r[1]!, r[3]!)] : [0, 0, 0, 0];
    out.links.push(readLink(raw, d, rect));
  }
  return out;
}

/** readAnnotations, or undefined when the page needs pdfjs. */
export function tryReadAnnotations(raw: RawPdf, page: RawPage): PageAnnotations | undefined {
  try {
    return readAnnotations(raw, page);
  } catch {
    // RawPdfError, or a shape the reader did not expect: pdfjs reads this page.
    return undefined;
  }
}
