/**
 * Appending drawing to a copied page safely. The page's own content is
 * wrapped in q … Q first; if it leaves graphics states unbalanced (more q
 * than Q), the missing Q operators are added too, so nothing the document did
 * to the CTM or colours can move or hide what Sanad draws after it.
 */
import { inflatePdfStream } from '../pdf/inflate.ts';
import { decodePDFRawStream, PDFArray, PDFName, PDFRawStream, PDFStream, type PDFDict, type PDFPage, type PDFRef } from '@cantoo/pdf-lib';

// Byte classes for the scanner: JavaScript's \s within Latin-1 (what the
// string scanner this replaces used), and the PDF delimiters that end a token.
const WHITE = 1;
const DELIM = 2;
const CLASS = new Uint8Array(256);
for (const c of [9, 10, 11, 12, 13, 32, 0xa0]) CLASS[c] = WHITE;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = DELIM;
const code = (c: string): number => c.charCodeAt(0);
const [PAREN_OPEN, PAREN_CLOSE, BACKSLASH, PERCENT, LT, GT] = [code('('), code(')'), code('\\'), code('%'), code('<'), code('>')];
const [LF, CR, LOWER_Q, UPPER_Q, I, D, E] = [10, 13, code('q'), code('Q'), code('I'), code('D'), code('E')];

/**
 * Graphics-state depth left open at the end of a content stream (tokens q/Q
 * outside strings and inline images). Scans bytes (Latin-1 for a string):
 * every page of a bundle goes through here.
 */
export function openGraphicsStates(content: string | Uint8Array): number {
  const b = typeof content === 'string' ? Buffer.from(content, 'latin1') : content;
  let depth = 0;
  let i = 0;
  const n = b.length;
  while (i < n) {
    const ch = b[i]!;
    if (ch === PAREN_OPEN) {
      let nest = 1;
      i++;
      while (i < n && nest > 0) {
        const c = b[i]!;
        if (c === BACKSLASH) i++;
        else if (c === PAREN_OPEN) nest++;
        else if (c === PAREN_CLOSE) nest--;
        i++;
      }
    } else if (ch === PERCENT) {
      while (i < n && b[i] !== LF && b[i] !== CR) i++;
    } else if (ch === LT && b[i + 1] !== LT) {
      while (i < n && b[i] !== GT) i++;
      i++;
    } else if (CLASS[ch] !== 0) {
      i++;
    } else {
      let j = i;
      while (j < n && CLASS[b[j]!] === 0) j++;
      const len = j - i;
      if (len === 1 && ch === LOWER_Q) depth++;
      else if (len === 1 && ch === UPPER_Q) depth = Math.max(0, depth - 1);
      else if (len === 2 && ch === I && b[i + 1] === D) {
        // Inline image data: skip to the EI that ends it.
        let end = -1;
        for (let k = j + 1; k + 1 < n; k++) {
          if (b[k] === E && b[k + 1] === I) {
            end = k;
            break;
          }
        }
        j = end < 0 ? n : end + 2;
      }
      i = Math.max(j, i + 1);
    }
  }
  return depth;
}

/**
 * A stream's decoded bytes; plain Flate through zlib (native), anything else through pdf-lib.
 * Flate data zlib cannot inflate goes to pdf-lib's more forgiving decoder, unless `strict`: then
 * it throws, as the verification's reader will (it inflates with zlib).
 */
function streamBytes(stream: unknown, strict = false): Uint8Array {
  if (stream instanceof PDFRawStream) {
    const filter = stream.dict.get(PDFName.of('Filter'));
    const plainFlate = (filter === FLATE || (filter instanceof PDFArray && filter.size() === 1 && filter.get(0) === FLATE)) && !stream.dict.has(PDFName.of('DecodeParms'));
    if (plainFlate) {
      try {
        // As readers inflate it: a stream cut short keeps what was inflated, a wrong checksum is ignored.
        return inflatePdfStream(stream.contents);
      } catch (error) {
        // Damaged data: pdf-lib's decoder decides, as before.
        if (strict) throw new Error(`its compressed data is damaged (${error instanceof Error ? error.message : String(error)})`, { cause: error });
      }
    }
    return decodePDFRawStream(stream).decode();
  }
  if (stream instanceof PDFStream) return stream.getContents();
  return new Uint8Array(0);
}
const FLATE = PDFName.of('FlateDecode');

/** Depths measured ahead of the stamping (measureOpenStates), by page dictionary. */
const measured = new WeakMap<PDFDict, number>();

/**
 * Measures now, and remembers for appendToPage, the graphics-state depth a
 * copied page leaves open: the build does it while Chromium prints, so the
 * stamping after the prints only appends. Call it before anything is appended.
 */
export function measureOpenStates(page: PDFPage): void {
  measured.set(page.node, safeOpenStates(page));
}

/**
 * Measures as measureOpenStates does, but says why a page's content cannot be decoded instead
 * of assuming it balanced (undefined when it can): the import's trial copy refuses such a page,
 * which no reader shows whole and whose stamp a build's verification could not check.
 */
export function undecodableContent(page: PDFPage): string | undefined {
  try {
    measured.set(page.node, pageOpenStates(page, true));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function safeOpenStates(page: PDFPage): number {
  try {
    return pageOpenStates(page);
  } catch {
    // Undecodable content: assume it is balanced (the q … Q wrap still applies).
    return 0;
  }
}

/** Graphics-state depth a page's content (all its streams) leaves open (`strict`: see streamBytes). */
function pageOpenStates(page: PDFPage, strict = false): number {
  const contents = page.node.Contents();
  const ctx = page.doc.context;
  if (contents instanceof PDFArray) {
    const parts = contents.asArray().map((ref) => streamBytes(ctx.lookup(ref), strict));
    if (parts.length === 1) return openGraphicsStates(parts[0]!);
    // Streams are joined by a newline, as a reader concatenates them.
    const joined = new Uint8Array(parts.reduce((a, p) => a + p.length + 1, 0));
    let at = 0;
    for (const p of parts) {
      joined.set(p, at);
      at += p.length;
      joined[at++] = LF;
    }
    return openGraphicsStates(joined.subarray(0, Math.max(0, at - 1)));
  }
  return openGraphicsStates(streamBytes(contents, strict));
}

export interface PageResources {
  fonts?: Record<string, PDFRef>;
  extGStates?: Record<string, PDFRef>;
}

/**
 * Appends `ops` to the page after wrapping its existing content, and adds
 * named resources. Call once per page.
 */
export function appendToPage(page: PDFPage, ops: string, resources: PageResources): void {
  const open = measured.get(page.node) ?? safeOpenStates(page);
  measured.delete(page.node);
  // normalizedEntries() wraps the existing content in q … Q (pdf-lib's autoNormalizeCTM).
  const { Font, ExtGState } = page.node.normalizedEntries();
  for (const [name, ref] of Object.entries(resources.fonts ?? {})) (Font as PDFDict).set(PDFName.of(name), ref);
  for (const [name, ref] of Object.entries(resources.extGStates ?? {})) (ExtGState as PDFDict).set(PDFName.of(name), ref);
  const text = `${'Q\n'.repeat(open)}${ops}`;
  // Stored as it is: a stamp is about 150 bytes, which Flate shortens by a few dozen, while
  // setting up a deflater here and an inflater in every reader (the verification's first) costs
  // more than the bytes, once per page of the bundle. The operators are Latin-1 (hex strings).
  const ref = page.doc.context.register(page.doc.context.stream(Buffer.from(text, 'latin1')));
  page.node.addContentStream(ref);
}
