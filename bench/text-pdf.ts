/**
 * Draws benchmark PDF pages with pdf-lib: a heading and one sentence per line
 * in a standard font (nothing to embed, so generation stays fast), optionally
 * an image on the first page. Shared by the corpus and the big-PDF generators.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFImage } from '@cantoo/pdf-lib';
import { sentenceFor } from './sentences.ts';

export const A4: [number, number] = [595.28, 841.89];
export const LINES_PER_PAGE = 32;
const FONT_SIZE = 10.5;
const LEADING = 20;

export interface TextPdfOptions {
  /** Number used in every sentence's mark and in the heading. */
  fileNo: number;
  pages: number;
  title: string;
  /** PNG bytes drawn at the top of page 1 (embedded once). */
  image?: Uint8Array;
}

/** Builds the PDF and returns its bytes plus the text drawn on each page (1-based: lines[page - 1]). */
export async function makeTextPdf(options: TextPdfOptions): Promise<{ bytes: Uint8Array; lines: string[][] }> {
  const doc = await PDFDocument.create();
  // Fixed dates keep the output byte-identical from run to run.
  const epoch = new Date(Date.UTC(2026, 0, 1));
  doc.setCreationDate(epoch);
  doc.setModificationDate(epoch);
  doc.setTitle(options.title);
  doc.setProducer('Sanad benchmark corpus');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const image = options.image ? await doc.embedPng(options.image) : undefined;
  const lines: string[][] = [];
  for (let p = 1; p <= options.pages; p++) {
    lines.push(drawPage(doc, { font, bold, image: p === 1 ? image : undefined }, options, p));
  }
  const bytes = await doc.save({ useObjectStreams: true });
  return { bytes, lines };
}

function drawPage(
  doc: PDFDocument,
  fonts: { font: PDFFont; bold: PDFFont; image: PDFImage | undefined },
  options: TextPdfOptions,
  pageNo: number,
): string[] {
  const page = doc.addPage(A4);
  const left = 56;
  let y = A4[1] - 64;
  page.drawText(`${options.title} - page ${pageNo} of ${options.pages}`, { x: left, y, size: 13, font: fonts.bold });
  y -= 28;
  if (fonts.image) {
    const w = 240;
    const h = (fonts.image.height / fonts.image.width) * w;
    page.drawImage(fonts.image, { x: left, y: y - h, width: w, height: h });
    y -= h + 20;
  }
  const drawn: string[] = [];
  for (let line = 1; line <= LINES_PER_PAGE && y > 60; line++) {
    const text = sentenceFor(options.fileNo, pageNo, line);
    page.drawText(text, { x: left, y, size: FONT_SIZE, font: fonts.font, color: rgb(0.1, 0.1, 0.1) });
    drawn.push(text);
    y -= LEADING;
  }
  return drawn;
}
