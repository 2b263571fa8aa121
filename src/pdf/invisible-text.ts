/**
 * An invisible, word-positioned text layer (text render mode 3), the way OCR
 * layers are written: nothing shows on the page, but search, copy, pdftotext
 * and pdfjs find each word where it is seen. Used to give back the words of a
 * page whose content was replaced by an image (redaction); OCR writes the
 * same kind of layer.
 *
 * Words are in PDF user space of the page (origin bottom-left, before
 * /Rotate): x, y is the bottom-left corner of the word's box. A word marked
 * `vertical` is set bottom-to-top (its box is one line wide).
 */
import {
  PDFDocument, PDFFont, PDFPage, StandardFonts, TextRenderingMode,
  beginText, endText, popGraphicsState, pushGraphicsState, setCharacterSpacing, setFontAndSize, setTextMatrix, setTextRenderingMode, showText,
  type PDFOperator,
} from '@cantoo/pdf-lib';

export interface InvisibleWord {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Text set bottom-to-top (a page turned by its content rather than by /Rotate). */
  vertical?: boolean;
}

const fonts = new WeakMap<PDFDocument, Promise<PDFFont>>();

/** Helvetica (WinAnsi): characters it cannot encode become "?" so the word keeps its length. */
function encodable(font: PDFFont, text: string): string {
  const set = new Set(font.getCharacterSet());
  let out = '';
  for (const ch of text) out += set.has(ch.codePointAt(0)!) ? ch : '?';
  return out;
}

/** Adds the words to the page as invisible text; returns the number written. */
export async function addInvisibleWords(doc: PDFDocument, page: PDFPage, words: InvisibleWord[]): Promise<number> {
  const list = words.filter((w) => w.text.trim().length > 0 && w.width > 0 && w.height > 0);
  if (list.length === 0) return 0;
  let pending = fonts.get(doc);
  if (!pending) {
    pending = doc.embedFont(StandardFonts.Helvetica);
    fonts.set(doc, pending);
  }
  const font = await pending;
  const key = page.node.newFontDictionary('SanadInvisible', font.ref);
  const ops: PDFOperator[] = [pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  for (const w of list) {
    const text = encodable(font, w.text.trim());
    const vertical = w.vertical === true;
    const size = Math.max(1, (vertical ? w.width : w.height) / 1.2);
    const length = vertical ? w.height : w.width;
    const natural = font.widthOfTextAtSize(text, size);
    // Spread the letters over the word's box: pdfjs and pdftotext then place every letter where it is seen.
    const spacing = text.length > 1 ? (length - natural) / (text.length - 1) : 0;
    ops.push(setFontAndSize(key, size), setCharacterSpacing(Math.max(-size / 2, spacing)));
    if (vertical) ops.push(setTextMatrix(0, 1, -1, 0, w.x + w.width - 0.25 * size, w.y));
    else ops.push(setTextMatrix(1, 0, 0, 1, w.x, w.y + 0.25 * size));
    ops.push(showText(font.encodeText(text)));
  }
  ops.push(setCharacterSpacing(0), endText(), popGraphicsState());
  page.pushOperators(...ops);
  return list.length;
}
