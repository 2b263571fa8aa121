/**
 * Import's one pass over a PDF (ingest/pdf-import.ts): a sound file is parsed
 * once by pdf-lib (checks and trial copy share it), kept byte-for-byte, and
 * its text read on several threads comes out as one thread reads it; a file
 * the fast way cannot vouch for gets preparePdf's verdict (repair or refusal).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PDFDocument, PDFName, PDFNumber, StandardFonts } from '@cantoo/pdf-lib';
import { importPdf } from '../../src/ingest/pdf-import.ts';
import { preparePdf } from '../../src/ingest/pdf.ts';
import { extractText } from '../../src/pdf/text.ts';
import { MIN_PAGES_FOR_WORKERS } from '../../src/pdf/text-parallel.ts';
import { DamagedSourceError } from '../../src/errors.ts';
import { pageTreeBomb, parentNotPages } from './broken-pdfs.ts';

async function longPdf(pages: number, title = 'Long country report'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setAuthor('Country Policy Unit');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Page ${i} heading`, { x: 72, y: 760, size: 16, font });
    for (let l = 0; l < 4; l++) page.drawText(`Line ${l} of page ${i}: Hazara were attacked in Quetta.`, { x: 72, y: 720 - l * 18, size: 11, font });
  }
  return doc.save();
}

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.SANAD_TEXT_THREADS;
});

describe('importPdf', () => {
  it('parses a sound long PDF once with pdf-lib, keeps it as it is, and gives every page’s text in order', async () => {
    process.env.SANAD_TEXT_THREADS = '3';
    const pages = MIN_PAGES_FOR_WORKERS + 10;
    const bytes = await longPdf(pages);
    const load = vi.spyOn(PDFDocument, 'load');
    const seen: number[] = [];
    const { prepared, text } = await importPdf('long.pdf', bytes, (done) => seen.push(done));
    // The input is parsed by pdf-lib once (the only other parse is of the trial copy's own output).
    expect(load.mock.calls.filter(([input]) => input === bytes)).toHaveLength(1);
    expect(load).toHaveBeenCalledTimes(2);
    load.mockRestore();
    expect(prepared.documentPdf).toBe(bytes);
    expect(prepared.flags).toEqual([]);
    expect(prepared.pages).toBe(pages);
    expect(prepared.title).toBe('Long country report');
    expect(prepared.author).toBe('Country Policy Unit');
    expect(text).toEqual(await extractText(bytes));
    expect(text.map((p) => p.page)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    expect(text[pages - 1]!.text).toContain(`Page ${pages} heading`);
    expect(seen).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
  }, 120_000);

  it('gives the same verdict and document as preparePdf for a file whose trial copy fails, and its text', async () => {
    const bytes = await parentNotPages();
    const { prepared, text } = await importPdf('wrong-parent.pdf', bytes);
    const old = await preparePdf('wrong-parent.pdf', bytes);
    expect(prepared.flags).toEqual(old.flags);
    expect(prepared.flags).toContain('repaired');
    expect(prepared.documentPdf).not.toBe(bytes);
    expect(text).toEqual(await extractText(prepared.documentPdf));
    expect(text.map((p) => p.text.trim())).toEqual(['Wrong parent page 1 of 2', 'Wrong parent page 2 of 2']);
  }, 60_000);

  it('refuses a file that cannot be copied into a bundle, even though pdfjs reads its text', async () => {
    // Page 2's /Resources is a number: pdfjs reads the page, the bundle's stamp cannot be added to it.
    const doc = await PDFDocument.load(await longPdf(3));
    doc.getPage(1).node.set(PDFName.of('Resources'), PDFNumber.of(5));
    const bytes = await doc.save();
    expect((await extractText(bytes)).map((p) => p.text.split('\n')[0])).toEqual(['Page 1 heading', 'Page 2 heading', 'Page 3 heading']);
    const err = await importPdf('no-resources.pdf', bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DamagedSourceError);
    expect((err as DamagedSourceError).file).toBe('no-resources.pdf');
    expect((err as Error).message).toMatch(/no-resources\.pdf.*cannot be copied into a bundle/);
  }, 60_000);

  it('refuses a page-tree bomb before pdfjs walks it, naming the file', async () => {
    const start = Date.now();
    const err = await importPdf('bomb.pdf', pageTreeBomb(8, 8, true)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DamagedSourceError);
    expect((err as Error).message).toMatch(/bomb\.pdf.*page list/);
    expect(Date.now() - start).toBeLessThan(20_000);
  }, 30_000);
});
