/** Test helper: small real PDFs with known text on known pages. */
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';

export async function textPdf(pages: string[][], options: { title?: string } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  if (options.title) doc.setTitle(options.title);
  for (const lines of pages) {
    const page = doc.addPage([595.28, 841.89]);
    lines.forEach((line, i) => page.drawText(line, { x: 72, y: 770 - i * 18, size: 12, font }));
  }
  return doc.save({ useObjectStreams: false });
}
