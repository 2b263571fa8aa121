/**
 * Generates small test PDFs from a plain description (lines of Helvetica text
 * at given positions), so anchoring tests and fixtures run on real PDFs
 * extracted by pdfjs rather than on hand-written page text.
 */
import { PDFDocument, StandardFonts, degrees } from '@cantoo/pdf-lib';
import { extractText } from '../../src/pdf/text.ts';
import type { PageText } from '../../src/model/index.ts';

/** One line of text: a string is placed below the previous line at x = 72. */
export type LineSpec = string | { text: string; x: number; y: number; size?: number };

export interface PageSpec {
  lines: LineSpec[];
  rotate?: 0 | 90 | 180 | 270;
  size?: [number, number];
}

export const A4: [number, number] = [595.28, 841.89];

export async function buildPdf(pages: PageSpec[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const spec of pages) {
    const page = doc.addPage(spec.size ?? A4);
    let y = 760;
    for (const line of spec.lines) {
      if (typeof line === 'string') {
        page.drawText(line, { x: 72, y, size: 12, font });
        y -= 18;
      } else {
        page.drawText(line.text, { x: line.x, y: line.y, size: line.size ?? 12, font });
        y = line.y - 18;
      }
    }
    if (spec.rotate) page.setRotation(degrees(spec.rotate));
  }
  return doc.save();
}

export async function pagesOf(pages: PageSpec[]): Promise<PageText[]> {
  return extractText(await buildPdf(pages));
}

/** Filler lines so that a page looks like a page. */
export function filler(n: number, seed = 'Background'): string[] {
  return Array.from({ length: n }, (_, i) => `${seed} paragraph line ${i + 1} about general conditions in the province.`);
}
