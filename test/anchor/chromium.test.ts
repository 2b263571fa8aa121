import { afterAll, describe, expect, it } from 'vitest';
import { findQuote, normalise, rectsForRange } from '../../src/anchor/index.ts';
import type { PageText } from '../../src/model/index.ts';
import { extractText } from '../../src/pdf/text.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';

describe('anchoring in PDFs printed by Chromium', () => {
  const printer = new ChromiumPrinter();
  afterAll(() => printer.close());

  it('matches ligatures (U+FB01 in the HTML, and font ligatures) with a quote typed with plain "fi"', async () => {
    const html = `<html><body style="font-family:'DejaVu Sans';font-size:12pt">
      <p>The &#xFB01;rst of&#xFB01;cial &#x201C;&#xFB01;nding&#x201D; was that the family &#xFB02;ed Quetta.</p>
      <p style="font-family:'Noto Serif'">A final official affidavit confirms it.</p></body></html>`;
    const pages = await extractText(await printer.printHtml(html, { paper: 'A4' }));
    // pdfjs itself folds U+FB01 to "fi"; the quote must match either way.
    expect(findQuote(pages, 'the first official "finding" was that the family fled Quetta')).toMatchObject({ page: 1, status: 'exact' });
    expect(findQuote(pages, 'a final official affidavit')).toMatchObject({ page: 1, status: 'exact' });
    // The same page text as another extractor may store it, with the ligature kept.
    const withLigature: PageText[] = pages.map((p) => ({ ...p, text: p.text.replace('first', '\uFB01rst') }));
    expect(withLigature[0]!.text).toContain('\uFB01');
    const m = findQuote(withLigature, 'The first official');
    expect(m).toMatchObject({ page: 1, status: 'exact' });
    expect(withLigature[0]!.text.slice(m!.start, m!.end)).toBe('The \uFB01rst official');
  });

  it('keeps CSS columns apart: a quote inside the right column spans its lines only', async () => {
    const left = 'Quetta is home to about half a million Hazara living in two enclaves guarded by checkpoints. '.repeat(3);
    const right = 'Investigators traced the e-mailed threats to an internet cafe in Karachi, hundreds of miles away from the family. '.repeat(1);
    const html = `<html><body style="font-family:'DejaVu Sans';font-size:12pt"><div style="column-count:2;column-gap:24pt">
      <p>${left}</p><p style="break-before:column">${right}</p></div></body></html>`;
    const pages = await extractText(await printer.printHtml(html, { paper: 'A4' }));
    const quote = 'traced the e-mailed threats to an internet cafe in Karachi, hundreds of miles away';
    const m = findQuote(pages, quote);
    expect(m).toMatchObject({ page: 1, status: 'exact' });
    const text = pages[0]!.text.slice(m!.start, m!.end);
    expect(text).toContain('\n');
    expect(text).not.toMatch(/Hazara|enclaves|checkpoints/);
    expect(normalise(text).text).toBe(quote);
    const rects = rectsForRange(pages[0]!, m!.start, m!.end);
    expect(rects.length).toBeGreaterThan(1);
    const middle = (pages[0]!.view[0] + pages[0]!.view[2]) / 2;
    for (const r of rects) expect(r.x).toBeGreaterThan(middle - 10);
  });
});
