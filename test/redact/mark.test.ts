/**
 * Marking text redactions and checking protected names, on page text from a
 * real PDF: occurrences are found across line breaks and hyphenation, case
 * insensitively; the effective text and the words left for the invisible
 * layer lose exactly the redacted characters.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PageText } from '../../src/model/index.ts';
import { extractText } from '../../src/pdf/text.ts';
import { findProtectedTerms, pageList } from '../../src/redact/anonymity.ts';
import { areaRedaction, textRedactions } from '../../src/redact/mark.ts';
import { effectiveText, remainingWords } from '../../src/redact/text.ts';
import { parseReason } from '../../src/ops/redactions.ts';
import { textPdf } from '../helpers/pdf.ts';

let pages: PageText[];
const now = new Date('2026-03-01T10:00:00Z');
const target = () => ({ sourceId: 's-00000000000000bb', sha256: 'b'.repeat(64), pages });

beforeAll(async () => {
  pages = await extractText(
    await textPdf([
      ['My brother Liaquat', 'Ali lives at 14 Alamdar', 'Road. Call LIAQUAT ALI on', '0300 1234567.'],
      ['A letter named Lia-', 'quat Ali twice: liaquat ali.'],
    ]),
  );
});

describe('text redactions', () => {
  it('finds every occurrence across line breaks, hyphenation and case', () => {
    const found = textRedactions(target(), 'Liaquat Ali', { reason: 'anonymity-order' }, now);
    expect(found.map((r) => [r.page, r.quote.exact])).toEqual([
      [1, 'Liaquat Ali'],
      [1, 'LIAQUAT ALI'],
      [2, 'Lia- quat Ali'],
      [2, 'liaquat ali'],
    ]);
    // Broken over two lines: one rectangle per line.
    expect(found[0]!.rects).toHaveLength(2);
    expect(textRedactions(target(), '14 Alamdar Road', { reason: 'third-party' }, now)[0]!.rects).toHaveLength(2);
  });

  it('limits to one page with --page, and gives stable ids', () => {
    const a = textRedactions(target(), 'liaquat ali', { reason: 'other' }, now, { page: 2 });
    const b = textRedactions(target(), 'liaquat ali', { reason: 'other' }, new Date(), { page: 2 });
    expect(a.map((r) => r.page)).toEqual([2, 2]);
    expect(a.map((r) => r.id)).toEqual(b.map((r) => r.id));
  });

  it('blanks exactly the redacted characters and drops words under an area', () => {
    const names = textRedactions(target(), 'Liaquat Ali', { reason: 'anonymity-order' }, now);
    const page1 = pages[0]!;
    const left = effectiveText(page1, names);
    expect(left.length).toBe(page1.text.length);
    expect(left).not.toMatch(/liaquat|ali\b/i);
    expect(left).toContain('My brother');
    expect(left).toContain('lives at 14 Alamdar');
    const words = remainingWords(page1, names).map((w) => w.text);
    expect(words).toContain('brother');
    expect(words).not.toContain('Liaquat');
    // An area over the last line (the phone number), measured from the top-left of the page.
    const phone = areaRedaction(target(), 1, { x: 60, y: 841.89 - 770 + 3 * 18 - 14, w: 200, h: 20 }, { reason: 'third-party' }, now);
    expect(effectiveText(page1, [phone])).not.toContain('1234567');
    expect(effectiveText(page1, [phone])).toContain('Road.');
  });

  it('reads reasons as ids, words or free text', () => {
    expect(parseReason('anonymity-order')).toEqual({ reason: 'anonymity-order' });
    expect(parseReason('Third-party data')).toEqual({ reason: 'third-party' });
    expect(parseReason('privilege')).toEqual({ reason: 'privilege' });
    expect(parseReason('other: school name')).toEqual({ reason: 'other', reasonText: 'school name' });
    expect(parseReason('school name')).toEqual({ reason: 'other', reasonText: 'school name' });
    expect(parseReason(undefined)).toEqual({ reason: 'other' });
  });
});

describe('protected names', () => {
  it('reports each page still showing a protected term, and stops once it is redacted', () => {
    const c = { appellant: { name: 'Liaquat Ali', anonymise: true }, protect: ['0300 1234567', '14 Alamdar Road'] } as Parameters<typeof findProtectedTerms>[0];
    const doc = { id: 's-00000000000000bb', title: 'Letter', text: pages, redactions: [] };
    expect(findProtectedTerms(c, [doc]).map((f) => [f.term, f.pages])).toEqual([
      ['Liaquat Ali', [1, 2]],
      ['0300 1234567', [1]],
      ['14 Alamdar Road', [1]],
    ]);
    const redactions = textRedactions(target(), 'Liaquat Ali', { reason: 'anonymity-order' }, now);
    expect(findProtectedTerms(c, [{ ...doc, redactions }]).map((f) => f.term)).toEqual(['0300 1234567', '14 Alamdar Road']);
    expect(findProtectedTerms({ ...c, appellant: { name: 'Liaquat Ali', anonymise: false } }, [doc]).map((f) => f.term)).toEqual(['0300 1234567', '14 Alamdar Road']);
    expect(pageList(['14', '22'])).toBe('pages 14 and 22');
    expect(pageList(['3', '5', '9'])).toBe('pages 3, 5 and 9');
  });
});
