/**
 * Writes an invisible text layer onto a page: each word placed over its box
 * in text render mode 3 (neither filled nor stroked), scaled horizontally to
 * the box, so pdftotext, pdfjs and any reader's search and copy find the
 * words where the reader sees them. Used for OCR of scans (src/ocr) and by
 * anything else that must put searchable text over an image.
 *
 * The font is "glyphless" like Tesseract's own PDF output: a Type0 font with
 * Identity-H encoding, every glyph 1 em wide, no glyph outlines (nothing is
 * ever drawn), and a ToUnicode map from each code to the same UTF-16 unit, so
 * any script (Latin, Urdu, Persian…) keeps its exact Unicode text.
 */
import { PDFDocument, PDFPage, PDFRef, PDFString } from '@cantoo/pdf-lib';

/** A word and its box in PDF user space (origin bottom-left, unrotated page). */
export interface PlacedWord {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Text set bottom-to-top (a page turned by its content rather than by /Rotate): angle 90 for this word. */
  vertical?: boolean;
}

/** The name the redaction code uses for the same thing. */
export type InvisibleWord = PlacedWord;

export interface InvisibleTextOptions {
  /**
   * Direction the text runs in user space, counter-clockwise in degrees: 0
   * for an upright page; a page shown with /Rotate 90 carries text that
   * runs at 270 in its own user space (words written by OCR of the page as
   * displayed).
   */
  angle?: 0 | 90 | 180 | 270;
}

/** Share of the font size below the baseline; the box spans 1.2 font sizes (as src/pdf/text.ts reads it back). */
const DESCENT = 0.25;
const BOX_TO_SIZE = 1.2;

const fonts = new WeakMap<PDFDocument, PDFRef>();

function toUnicodeCMap(): string {
  const ranges: string[] = [];
  for (let hi = 0; hi < 256; hi++) {
    const h = hi.toString(16).padStart(2, '0').toUpperCase();
    ranges.push(`<${h}00> <${h}FF> <${h}00>`);
  }
  const blocks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) {
    const chunk = ranges.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfrange\n${chunk.join('\n')}\nendbfrange`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

function glyphlessFont(doc: PDFDocument): PDFRef {
  const existing = fonts.get(doc);
  if (existing) return existing;
  const ctx = doc.context;
  const toUnicode = ctx.register(ctx.flateStream(toUnicodeCMap()));
  const descriptor = ctx.register(ctx.obj({
    Type: 'FontDescriptor',
    FontName: 'SanadGlyphLess',
    Flags: 5,
    FontBBox: [0, -250, 1000, 950],
    ItalicAngle: 0,
    Ascent: 950,
    Descent: -250,
    CapHeight: 700,
    StemV: 80,
  }));
  const cidFont = ctx.register(ctx.obj({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: 'SanadGlyphLess',
    CIDSystemInfo: ctx.obj({ Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 }),
    FontDescriptor: descriptor,
    DW: 1000,
    CIDToGIDMap: 'Identity',
  }));
  const font = ctx.register(ctx.obj({
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: 'SanadGlyphLess',
    Encoding: 'Identity-H',
    DescendantFonts: [cidFont],
    ToUnicode: toUnicode,
  }));
  fonts.set(doc, font);
  return font;
}

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * UTF-16 code units as hex (characters outside the BMP become U+FFFD: one
 * code per glyph). A right-to-left word is written in visual order, as PDF
 * producers do, so pdfjs and poppler (which reorder RTL runs) give it back
 * in reading order.
 */
function hexCodes(text: string): { hex: string; count: number } {
  let hex = '';
  let count = 0;
  const chars = [...text];
  if (RTL.test(text)) chars.reverse();
  for (const ch of chars) {
    const unit = ch.length === 1 ? ch.charCodeAt(0) : 0xfffd;
    hex += unit.toString(16).padStart(4, '0');
    count++;
  }
  return { hex, count };
}

function n(value: number): string {
  const r = Math.round(value * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

/** The text matrix and size that put a word of `count` glyphs over its box. */
function placement(w: PlacedWord, count: number, angle: number): { matrix: number[]; size: number; scale: number } {
  const across = angle === 0 || angle === 180 ? w.height : w.width;
  const along = angle === 0 || angle === 180 ? w.width : w.height;
  const size = Math.max(across / BOX_TO_SIZE, 0.5);
  const d = DESCENT * size;
  const scale = Math.max(1, (100 * along) / (count * size));
  switch (angle) {
    case 90:
      return { matrix: [0, 1, -1, 0, w.x + w.width - d, w.y], size, scale };
    case 180:
      return { matrix: [-1, 0, 0, -1, w.x + w.width, w.y + w.height - d], size, scale };
    case 270:
      return { matrix: [0, -1, 1, 0, w.x + d, w.y + w.height], size, scale };
    default:
      return { matrix: [1, 0, 0, 1, w.x, w.y + d], size, scale };
  }
}

/** The content-stream operators that write `words` invisibly with font resource `font`. */
export function invisibleWordsContent(words: PlacedWord[], font: string, angle = 0): string {
  const ops: string[] = ['q', 'BT', '3 Tr'];
  for (const w of words) {
    const { hex, count } = hexCodes(w.text.trim());
    if (count === 0 || !(w.width > 0) || !(w.height > 0)) continue;
    const { matrix, size, scale } = placement(w, count, w.vertical === true ? 90 : angle);
    ops.push(`/${font} ${n(size)} Tf ${n(scale)} Tz ${matrix.map(n).join(' ')} Tm <${hex}> Tj`);
  }
  ops.push('ET', 'Q');
  return ops.join('\n');
}

/**
 * Adds `words` to `page` as invisible text, after the page's own content
 * (which is wrapped in q/Q first so its graphics state cannot leak into ours);
 * returns the number of words written.
 */
export async function addInvisibleWords(doc: PDFDocument, page: PDFPage, words: PlacedWord[], options: InvisibleTextOptions = {}): Promise<number> {
  const list = words.filter((w) => w.text.trim().length > 0 && w.width > 0 && w.height > 0);
  if (list.length === 0) return 0;
  const ctx = doc.context;
  const key = page.node.newFontDictionary('SanadOCR', glyphlessFont(doc));
  const start = ctx.register(ctx.stream('q'));
  const end = ctx.register(ctx.stream('Q'));
  page.node.wrapContentStreams(start, end);
  const content = ctx.register(ctx.flateStream(invisibleWordsContent(list, key.asString().replace(/^\//, ''), options.angle ?? 0)));
  page.node.addContentStream(content);
  return list.length;
}
