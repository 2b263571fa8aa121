import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { extractText } from '../../src/pdf/text.ts';
import { extractTextParallel, startTextWorkers } from '../../src/pdf/text-parallel.ts';

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

  it('uses workers started before the file was known, and reads the ranges of one that stopped', async () => {
    const bytes = await longPdf(70);
    const single = await extractText(bytes);
    const started = startTextWorkers(2);
    // One of them dies before it is given the file: its share is read by the others.
    await started.workers[0]!.terminate();
    const parallel = await extractTextParallel(bytes, { workers: 3, started });
    expect(parallel.pages).toEqual(single);
    // They are closed when the extraction is done.
    expect(await started.workers[1]!.terminate()).toBeUndefined();
  }, 120_000);

  it('hands the workers their ranges before opening the file when the page count is known, with the same result', async () => {
    const bytes = await longPdf(80);
    const single = await extractText(bytes);
    const started = startTextWorkers(2);
    const ranges: number[] = [];
    // The ranges are posted as the call starts, before this thread's pdfjs has opened the file.
    for (const w of started.workers) {
      const post = w.postMessage.bind(w);
      w.postMessage = (m: { ranges?: unknown[] }) => {
        ranges.push(m.ranges?.length ?? 0);
        post(m);
      };
    }
    const call = extractTextParallel(bytes, { workers: 3, started, expectedPages: 80 });
    expect(ranges).toEqual([5, 5]); // 80 pages in ranges of 16, both workers told at once
    const parallel = await call;
    expect(parallel.pages).toEqual(single);
  }, 120_000);

  it('fails, closing the workers, when pdfjs counts other pages than expected', async () => {
    const bytes = await longPdf(40);
    for (const expectedPages of [41, 39]) {
      const started = startTextWorkers(1);
      const exited = new Promise<number>((resolve) => started.workers[0]!.once('exit', resolve));
      await expect(extractTextParallel(bytes, { workers: 2, started, expectedPages })).rejects.toThrow(`pdfjs finds 40 pages where ${expectedPages} were expected`);
      await exited;
    }
  }, 120_000);

  it('closes workers started for a file that turns out not to be a PDF', async () => {
    const started = startTextWorkers(1);
    const exited = new Promise<number>((resolve) => started.workers[0]!.once('exit', resolve));
    await expect(extractTextParallel(new TextEncoder().encode('not a pdf'), { workers: 2, started })).rejects.toThrow();
    await exited;
  });

  it('rejects bytes that are not a PDF', async () => {
    await expect(extractTextParallel(new TextEncoder().encode('not a pdf'), { workers: 2 })).rejects.toThrow();
  });
});
