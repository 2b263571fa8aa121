import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { extractText } from '../../src/pdf/text.ts';
import { extractTextParallel } from '../../src/pdf/text-parallel.ts';

async function longPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Page ${i} heading`, { x: 72, y: 760, size: 16, font });
    for (let l = 0; l < 8; l++) page.drawText(`Line ${l} of page ${i}: Hazara were attacked in Quetta.`, { x: 72, y: 720 - l * 18, size: 11, font });
  }
  return doc.save();
}

// Text read on several threads must be exactly what one thread reads, in page order.
describe('extractTextParallel', () => {
  it('gives the same pages as extractText, on three threads and on one', async () => {
    const bytes = await longPdf(90);
    const single = await extractText(bytes);
    const seen: number[] = [];
    const parallel = await extractTextParallel(bytes, { workers: 3, onPage: (done) => seen.push(done) });
    expect(parallel.pages).toEqual(single);
    expect(parallel.encrypted).toBe(false);
    expect(seen).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    expect((await extractTextParallel(bytes, { workers: 1 })).pages).toEqual(single);
  }, 120_000);

  it('rejects bytes that are not a PDF', async () => {
    await expect(extractTextParallel(new TextEncoder().encode('not a pdf'), { workers: 2 })).rejects.toThrow();
  });
});
