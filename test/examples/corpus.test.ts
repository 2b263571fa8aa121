/**
 * The benchmark generators write real PDFs whose text is where they say: each
 * quote is on its page (read back with the same extraction Sanad uses), each
 * file has its page count and an image.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFDict } from '@cantoo/pdf-lib';
import { makeCorpus } from '../../bench/corpus.ts';
import { makeBigPdf } from '../../bench/big-pdf.ts';
import { extractText } from '../../src/pdf/text.ts';

const dir = await mkdtemp(join(tmpdir(), 'sanad-corpus-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Number of image XObjects on the first page. */
async function imagesOnFirstPage(bytes: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(bytes);
  const resources = doc.getPage(0).node.Resources();
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xobjects) return 0;
  return xobjects.keys().filter((k) => {
    const x = xobjects.lookup(k);
    return x && 'dict' in x && (x.dict as PDFDict).get(PDFName.of('Subtype')) === PDFName.of('Image');
  }).length;
}

describe('makeCorpus', () => {
  it('writes files of the asked size with each quote on the page it names', async () => {
    const corpus = await makeCorpus(join(dir, 'c'), { files: 2, pagesPerFile: 3, quotes: 12 });
    expect(corpus.files).toHaveLength(2);
    expect(corpus.pages).toBe(6);
    expect(corpus.quotes).toHaveLength(12);
    expect(new Set(corpus.quotes.map((q) => q.quote)).size).toBe(12);
    expect(new Set(corpus.quotes.map((q) => q.file)).size).toBe(2);
    expect(new Set(corpus.quotes.map((q) => `${q.file}#${q.page}`)).size).toBeGreaterThanOrEqual(4);
    const texts = new Map<string, string[]>();
    for (const file of corpus.files) {
      const bytes = new Uint8Array(await readFile(file));
      const pages = await extractText(bytes);
      expect(pages).toHaveLength(3);
      texts.set(file, pages.map((p) => p.text));
      expect(await imagesOnFirstPage(bytes)).toBe(1);
    }
    for (const q of corpus.quotes) {
      const pages = texts.get(q.file)!;
      expect(pages[q.page - 1]).toContain(q.quote);
      // Distinct marks: the quote is on no other page of the corpus.
      const elsewhere = [...texts.entries()].flatMap(([f, ps]) => ps.map((t, i) => ({ f, page: i + 1, t })))
        .filter((p) => p.t.includes(q.quote) && !(p.f === q.file && p.page === q.page));
      expect(elsewhere).toEqual([]);
    }
  });

  it('caps the quotes at the lines drawn and leaves the image out when asked', async () => {
    const corpus = await makeCorpus(join(dir, 'd'), { files: 1, pagesPerFile: 1, withImage: false, quotes: 500 });
    const bytes = new Uint8Array(await readFile(corpus.files[0]!));
    expect(await imagesOnFirstPage(bytes)).toBe(0);
    const [page] = await extractText(bytes);
    const lines = page!.text.split('\n').filter((l) => l.startsWith('Item '));
    expect(corpus.quotes).toHaveLength(lines.length);
  });
});

describe('makeBigPdf', () => {
  it('writes a PDF with the asked number of pages', async () => {
    const path = join(dir, 'big', 'big.pdf');
    expect(await makeBigPdf(path, 12)).toBe(12);
    const pages = await extractText(new Uint8Array(await readFile(path)));
    expect(pages).toHaveLength(12);
    expect(pages[11]!.text).toContain('page 12 of 12');
  });
});
