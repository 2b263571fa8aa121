/**
 * Paragraph numbering detected from real PDFs (drawn with pdf-lib, extracted
 * with pdfjs): CPIN-style "2.4.5", statements "1.", decisions "[34]", and
 * "(a)" sub-paragraphs, with the number in a hanging indent as reports set it.
 */
import { describe, expect, it } from 'vitest';
import { detectParagraphs, paragraphAt, paragraphOf } from '../../src/cite/paragraphs.ts';
import { excerptFromQuote } from '../../src/anchor/index.ts';
import { reanchor } from '../../src/anchor/reanchor.ts';
import { pagesOf, type LineSpec } from '../anchor/pdfs.ts';

/** A numbered paragraph: the number at x=72, the text hung at x=120, continuation lines below. */
function para(y: number, number: string, lines: string[]): LineSpec[] {
  return [{ text: number, x: 72, y }, ...lines.map((text, i) => ({ text, x: 120, y: y - i * 16 }))];
}

const NOW = new Date('2026-11-21T10:00:00Z');

describe('paragraph numbering', () => {
  it('finds CPIN decimal numbering across pages, with a heading and a wrapped figure in between', async () => {
    const pages = await pagesOf([
      {
        lines: [
          { text: '2. Consideration of issues', x: 72, y: 780 },
          ...para(740, '2.4.4', ['Hazaras in Quetta live mainly in two enclaves,', 'Hazara Town and Mari Abad.']),
          ...para(690, '2.4.5', ['Sectarian militants have targeted Hazaras travelling', 'outside the enclaves, including on the road to', '500 Hazara were killed in Balochistan since 2008.']),
        ],
      },
      { lines: [...para(780, '2.4.6', ['Threats have been traced to Karachi.']), ...para(740, '2.5.1', ['Internal relocation is not reasonable.'])] },
    ]);
    const map = detectParagraphs(pages);
    expect(map.map((m) => m.label)).toEqual(['2', '2.4.4', '2.4.5', '2.4.6', '2.5.1']);
    const offset = pages[0]!.text.indexOf('on the road');
    expect(paragraphAt(map, 1, offset)).toBe('2.4.5');
    expect(paragraphOf(pages, 2, pages[1]!.text.indexOf('traced to Karachi'))).toBe('2.4.6');
  });

  it('finds a numbered witness statement ("1.", "2.") and nested "(a)" sub-paragraphs', async () => {
    const pages = await pagesOf([
      {
        lines: [
          'WITNESS STATEMENT OF A.H.C.',
          ...para(720, '1.', ['I am the appellant. I was born in Quetta.']),
          ...para(690, '2.', ['I received three threats:']),
          ...para(660, '(a)', ['an e-mail sent from Karachi in March 2023;']),
          ...para(640, '(b)', ['a letter delivered to my family home.']),
          ...para(610, '3.', ['I fear I would be found anywhere in Pakistan.']),
        ],
      },
    ]);
    const map = detectParagraphs(pages);
    expect(map.map((m) => m.label)).toEqual(['1', '2', '2(a)', '2(b)', '3']);
    expect(paragraphOf(pages, 1, pages[0]!.text.indexOf('letter delivered'))).toBe('2(b)');
    expect(paragraphOf(pages, 1, pages[0]!.text.indexOf('WITNESS'))).toBeUndefined();
  });

  it('finds a decision\'s bracketed paragraphs and ignores quoted "1." lists inside them', async () => {
    const pages = await pagesOf([
      {
        lines: [
          ...para(760, '[33]', ['We heard evidence from the country expert.']),
          ...para(730, '[34]', ['The Hazara community in Quetta faces a real risk', 'when travelling outside the enclaves.']),
          ...para(680, '1.', ['Item quoted from a report.']),
          ...para(660, '[35]', ['Internal relocation to Karachi is not in general unreasonable.']),
        ],
      },
    ]);
    const map = detectParagraphs(pages);
    expect(map.map((m) => m.label)).toEqual(['[33]', '[34]', '[35]']);
    expect(paragraphOf(pages, 1, pages[0]!.text.indexOf('outside the enclaves'))).toBe('[34]');
  });

  it('gives nothing for an unnumbered report (no false paragraphs from figures at line starts)', async () => {
    const pages = await pagesOf([{ lines: ['Hazara in Quetta live in two enclaves.', '500 Hazara were killed since 2008.', '2014. The year of the report.', 'More prose follows here.'] }]);
    expect(detectParagraphs(pages)).toEqual([]);
  });

  it('records the paragraph on an excerpt when it is created and again when it is re-anchored', async () => {
    const first = await pagesOf([{ lines: [...para(760, '4.1', ['Background on the province.']), ...para(730, '4.2', ['E-mailed threats were traced to Karachi.'])] }]);
    const e = excerptFromQuote({ sourceId: 's-0000000000000001', sha256: 'a'.repeat(64), pages: first }, 'traced to Karachi', { tags: ['t'] }, NOW);
    expect(e.paragraph).toBe('4.2');
    // The new edition inserts a paragraph before it: the quote is now in 4.3.
    const second = await pagesOf([
      { lines: [...para(760, '4.1', ['Background on the province.']), ...para(730, '4.2', ['A new paragraph on checkpoints.']), ...para(700, '4.3', ['E-mailed threats were traced to Karachi.'])] },
    ]);
    const moved = reanchor(e, { sourceId: e.sourceId, sha256: 'b'.repeat(64), pages: second });
    expect(moved.status).toBe('exact');
    expect(moved.excerpt.paragraph).toBe('4.3');
  });
});
