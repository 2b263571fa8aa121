/**
 * Prints several generated parts in one Chromium page load. Each part is a
 * whole HTML document from the same layout (same fonts, base style and
 * @page); their bodies go into one document, each part starting on a new
 * page, so the fonts are decoded and the page laid out once instead of once
 * per part. A marker link (an invisible 1-px box at the top-left of each
 * part) tells which printed page each part starts on; the assembly removes
 * the markers with the other internal links (links.ts).
 */
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from '@cantoo/pdf-lib';
import { inlinedFontFaces } from '../templates/render.ts';

/** URI of the marker link at the start of part `k` of a combined print. */
export const PART_MARKER_PREFIX = 'https://part.sanad.invalid/';

interface Split {
  head: string;
  body: string;
  tail: string;
}

/** Splits a document at its <body>; the <title> (not printed) is left out of the head. */
function splitDocument(html: string): Split | undefined {
  // The documents are large (fonts inlined): plain searches, no copies.
  const at = html.indexOf('<body');
  const start = at < 0 ? -1 : html.indexOf('>', at) + 1;
  const close = html.lastIndexOf('</body>');
  if (at < 0 || start <= 0 || close < start) return undefined;
  return { head: html.slice(0, start).replace(/<title>[\s\S]*?<\/title>/i, ''), body: html.slice(start, close), tail: html.slice(close) };
}

/** The inlined @font-face rules of a head: one block, one rule per line (templates/layout.hbs). */
const FACE_BLOCK = /@font-face\{[^}]*\}(?:\n@font-face\{[^}]*\})*/;

/**
 * A document's head without its @font-face rules (each document carries the faces its own text
 * needs, templates/render.ts), those rules, and where they were.
 */
function fontsApart(head: string): { rest: string; faces: string[]; at: number } {
  const m = FACE_BLOCK.exec(head);
  if (!m) return { rest: head, faces: [], at: head.length };
  return { rest: head.slice(0, m.index) + head.slice(m.index + m[0].length), faces: m[0].split('\n'), at: m.index };
}

/**
 * One document holding every part, or undefined when the documents do not
 * share their head (another layout, language or page size): those are
 * printed one by one. The combined head carries every font face one of the
 * parts needs, once, in the shipped order.
 */
export function combineParts(docs: string[], shipped: string[] = inlinedFontFaces()): string | undefined {
  const split = docs.map(splitDocument);
  if (split.some((s) => !s)) return undefined;
  const heads = split.map((s) => fontsApart(s!.head));
  if (heads.some((h) => h.rest !== heads[0]!.rest)) return undefined;
  const wanted = new Set(heads.flatMap((h) => h.faces));
  const order = (face: string) => {
    const i = shipped.indexOf(face);
    return i < 0 ? shipped.length : i;
  };
  const faces = [...wanted].sort((a, b) => order(a) - order(b));
  const h = heads[0]!;
  const first = { ...split[0]!, head: h.rest.slice(0, h.at) + faces.join('\n') + h.rest.slice(h.at) };
  const bodies = split.map(
    (s, k) =>
      `<div class="sanad-part" style="position:relative;${k > 0 ? 'break-before:page;' : ''}">` +
      `<a href="${PART_MARKER_PREFIX}${k}" style="position:absolute;top:0;left:0;width:1px;height:1px;display:block"></a>` +
      `${s!.body}</div>`,
  );
  return `${first.head}${bodies.join('\n')}${first.tail}`;
}

function uriOf(annot: PDFDict): string | undefined {
  const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
  const uri = action?.lookup(PDFName.of('URI'));
  return uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : undefined;
}

/** The part number a link annotation marks, if it is a part marker. */
export function markerOf(annot: PDFDict): number | undefined {
  const uri = uriOf(annot);
  if (!uri?.startsWith(PART_MARKER_PREFIX)) return undefined;
  const k = Number(uri.slice(PART_MARKER_PREFIX.length));
  return Number.isInteger(k) ? k : undefined;
}

/**
 * The first page (0-based) of each of `parts` parts in a combined print, or
 * undefined when the markers are not all there, once each, in order.
 */
export function partStarts(doc: PDFDocument, parts: number): number[] | undefined {
  const starts: Array<number | undefined> = Array.from({ length: parts }, () => undefined);
  for (const [i, page] of doc.getPages().entries()) {
    const annots = page.node.Annots();
    for (const ref of annots?.asArray() ?? []) {
      const annot = doc.context.lookupMaybe(ref, PDFDict);
      const k = annot && markerOf(annot);
      if (k === undefined || k >= parts) continue;
      if (starts[k] !== undefined) return undefined;
      starts[k] = i;
    }
  }
  if (starts.some((s) => s === undefined)) return undefined;
  const list = starts as number[];
  return list.every((s, k) => k === 0 ? s === 0 : s > list[k - 1]!) ? list : undefined;
}
