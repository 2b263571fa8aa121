import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { closestPassage, excerptFromQuote, excerptFromRange, findQuote, normalise, rectsForRange } from '../../src/anchor/index.ts';
import { QuoteNotFoundError } from '../../src/errors.ts';
import { extractText } from '../../src/pdf/text.ts';
import { filler, pagesOf } from './pdfs.ts';

const now = new Date('2025-03-01T10:00:00Z');
const matched = (text: string, m: { start: number; end: number }) => text.slice(m.start, m.end);

describe('findQuote on generated PDFs', () => {
  it('finds a quote inside the right column of a two-column page without the left column bleeding in', async () => {
    const left = ['Quetta is home to about 500,000', 'Hazara, most of them living in', 'two enclaves of the city.'];
    const right = ['E-mailed threats were traced', 'to Karachi, hundreds of miles', 'from Quetta, by investigators.'];
    const pages = await pagesOf([
      { lines: filler(3) },
      {
        // Column order, as typesetters write columns into the content stream.
        lines: [
          ...left.map((text, i) => ({ text, x: 72, y: 700 - i * 16 })),
          ...right.map((text, i) => ({ text, x: 320, y: 700 - i * 16 })),
        ],
      },
    ]);
    const m = findQuote(pages, 'threats were traced to Karachi, hundreds of miles from Quetta');
    expect(m).toMatchObject({ page: 2, status: 'exact', distance: 0 });
    const text = matched(pages[1]!.text, m!);
    expect(normalise(text).text).toBe('threats were traced to Karachi, hundreds of miles from Quetta');
    expect(text).not.toMatch(/Hazara|enclaves/);
    const rects = rectsForRange(pages[1]!, m!.start, m!.end);
    expect(rects).toHaveLength(3);
    for (const r of rects) expect(r.x).toBeGreaterThanOrEqual(319);
  });

  it('finds a quote on a rotated page, with rectangles inside the page box', async () => {
    const pages = await pagesOf([{ lines: filler(2) }, { rotate: 90, lines: [...filler(4, 'Annex'), 'Sectarian militants operate in every major city of Pakistan.'] }]);
    expect(pages[1]!.rotate).toBe(90);
    const m = findQuote(pages, 'operate in every major city');
    expect(m).toMatchObject({ page: 2, status: 'exact' });
    const [x0, y0, x1, y1] = pages[1]!.view;
    const rects = rectsForRange(pages[1]!, m!.start, m!.end);
    expect(rects).toHaveLength(1);
    for (const r of rects) {
      expect(r.x).toBeGreaterThanOrEqual(x0);
      expect(r.y).toBeGreaterThanOrEqual(y0);
      expect(r.x + r.w).toBeLessThanOrEqual(x1);
      expect(r.y + r.h).toBeLessThanOrEqual(y1);
    }
  });

  it('finds a quote across a line break and across a hyphenated line end', async () => {
    const pages = await pagesOf([{ lines: ['The tribunal was told that internal reloca-', 'tion to Karachi would not protect him because', 'the group operates there.'] }]);
    const across = findQuote(pages, 'would not protect him because the group operates');
    expect(across).toMatchObject({ page: 1, status: 'exact' });
    expect(matched(pages[0]!.text, across!)).toContain('\n');
    const hyphen = findQuote(pages, 'internal relocation to Karachi');
    expect(hyphen).toMatchObject({ page: 1, status: 'exact' });
    expect(matched(pages[0]!.text, hyphen!)).toMatch(/^internal reloca-\s*tion to Karachi$/);
    // Each line of the match gets its own rectangle.
    expect(rectsForRange(pages[0]!, hyphen!.start, hyphen!.end)).toHaveLength(2);
  });

  it('matches curly quotes on the page with straight ones typed, and repeated whitespace', async () => {
    const pages = await pagesOf([{ lines: ['The officer called Karachi \u201Csafe\u201D \u2014 it isn\u2019t, say NGOs.', 'Threats    came     by  e-mail.'] }]);
    expect(findQuote(pages, 'called karachi "safe" - it isn\'t')).toMatchObject({ page: 1, status: 'exact' });
    const m = findQuote(pages, 'threats came by e-mail');
    expect(m).toMatchObject({ status: 'exact' });
    expect(matched(pages[0]!.text, m!)).toMatch(/^Threats\s+came\s+by\s+e-mail$/);
  });

  it('uses the prefix and suffix to pick between two identical sentences, then the given page', async () => {
    const sentence = 'The threat letter was delivered to the family home.';
    const pages = await pagesOf([
      { lines: [`In March 2013: ${sentence}`, `In June 2014: ${sentence} Police did nothing.`] },
      { lines: [sentence] },
    ]);
    const first = findQuote(pages, sentence, { prefix: 'In March 2013: ' });
    const second = findQuote(pages, sentence, { prefix: 'In June 2014: ', suffix: ' Police did nothing.' });
    expect(first!.page).toBe(1);
    expect(second!.page).toBe(1);
    expect(second!.start).toBeGreaterThan(first!.start);
    expect(pages[0]!.text.slice(0, first!.start)).toMatch(/March 2013: $/);
    expect(pages[0]!.text.slice(0, second!.start)).toMatch(/June 2014: $/);
    expect(findQuote(pages, sentence, { page: 2 })!.page).toBe(2);
    expect(findQuote(pages, sentence)!.page).toBe(1);
  });

  it('falls back to a fuzzy match within the error budget, and not beyond it', async () => {
    const pages = await pagesOf([{ lines: filler(3) }, { lines: ['Human Rights Watch counted more than 500 Hazara killed in Balochistan since 2008.'] }]);
    const m = findQuote(pages, 'Human Rights Watch counted over 500 Hazara killed in Balochistan since 2008');
    expect(m).toMatchObject({ page: 2, status: 'fuzzy' });
    expect(m!.distance).toBeGreaterThan(0);
    expect(m!.distance).toBeLessThan(0.15);
    expect(findQuote(pages, 'Amnesty International found no evidence of killings in Lahore')).toBeUndefined();
  });
});

describe('excerpts', () => {
  it('creates an excerpt from a range with quote, context, stable id and rectangles', async () => {
    const pages = await pagesOf([{ lines: ['Some e-mailed threats were traced to Karachi, far from Quetta.'] }]);
    const target = { sourceId: 's-0123456789abcdef', sha256: 'a'.repeat(64), pages };
    const start = pages[0]!.text.indexOf('traced');
    const end = start + 'traced to Karachi'.length;
    const e = excerptFromRange(target, 1, start, end, { tags: ['karachi-traced-threats'], note: 'key passage' }, now);
    expect(e.id).toMatch(/^e-[0-9a-f]{12}$/);
    expect(excerptFromRange(target, 1, start, end, { tags: [] }, new Date()).id).toBe(e.id);
    expect(e.quote).toEqual({ exact: 'traced to Karachi', prefix: 'Some e-mailed threats were ', suffix: ', far from Quetta.' });
    expect(e.position).toEqual({ start, end });
    expect(e.anchor).toEqual({ status: 'exact', sha256: 'a'.repeat(64) });
    expect(e.rects).toHaveLength(1);
    expect(e.createdAt).toBe('2025-03-01T10:00:00.000Z');
  });

  it('creates an excerpt from a quote alone, finding its page', async () => {
    const pages = await pagesOf([{ lines: filler(3) }, { lines: filler(2), }, { lines: ['Militant groups operate in every major city.'] }]);
    const e = excerptFromQuote({ sourceId: 's-0123456789abcdef', sha256: 'b'.repeat(64), pages }, 'operate in every major city', { tags: ['reach'] }, now);
    expect(e.page).toBe(3);
    expect(e.quote.exact).toBe('operate in every major city');
  });

  it('throws QuoteNotFoundError whose closest passage names the right page', async () => {
    const pages = await pagesOf([{ lines: filler(4) }, { lines: ['About 700 Hazara have been killed since 2004, community groups report.'] }, { lines: filler(4, 'Annex') }]);
    const target = { sourceId: 's-0123456789abcdef', sha256: 'c'.repeat(64), pages, title: 'HRW report 2014' };
    const quote = 'About 900 Shia have been murdered since 2001, community leaders say';
    let error: unknown;
    try {
      excerptFromQuote(target, quote, { tags: [] }, now);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QuoteNotFoundError);
    const closest = (error as QuoteNotFoundError).closest;
    expect(closest?.page).toBe(2);
    expect(closest?.text).toMatch(/Hazara have been killed since 2004/);
    expect((error as Error).message).toContain('HRW report 2014');
    expect(closestPassage(pages, quote)?.page).toBe(2);
  });
});

describe('rectsForRange', () => {
  it('puts the rectangle of a sub-range inside the drawn string, at the right place', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const line = 'Threats were traced to Karachi by investigators';
    doc.addPage([595.28, 841.89]).drawText(line, { x: 72, y: 700, size: 12, font });
    const [page] = await extractText(await doc.save());
    const width = font.widthOfTextAtSize(line, 12);
    const start = page!.text.indexOf('Karachi');
    const rects = rectsForRange(page!, start, start + 'Karachi'.length);
    expect(rects).toHaveLength(1);
    const r = rects[0]!;
    const tolerance = 3;
    expect(r.x).toBeGreaterThanOrEqual(72 - tolerance);
    expect(r.x + r.w).toBeLessThanOrEqual(72 + width + tolerance);
    expect(r.y).toBeGreaterThanOrEqual(700 - 12 * 0.25 - tolerance);
    expect(r.y + r.h).toBeLessThanOrEqual(700 + 12 + tolerance);
    // Where the word really is: character share puts it within a few points.
    const wordX = 72 + font.widthOfTextAtSize('Threats were traced to ', 12);
    const wordW = font.widthOfTextAtSize('Karachi', 12);
    expect(Math.abs(r.x - wordX)).toBeLessThan(8);
    expect(Math.abs(r.x + r.w - (wordX + wordW))).toBeLessThan(8);
    expect(r.w).toBeLessThan(width / 2);
  });
});
