import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { extractText } from '../../src/pdf/text.ts';
import { renderTemplate } from '../../src/templates/render.ts';
import { openPdf } from '../../src/pdf/pdfjs.ts';

describe('ChromiumPrinter with the shipped templates', () => {
  const printer = new ChromiumPrinter();
  afterAll(() => printer.close());

  it('prints a template to an A4 PDF whose text pdfjs can read, Latin and Arabic script alike', async () => {
    const html = renderTemplate('smoke', { title: 'Threats traced to Karachi', body: 'Sent from an address in Karachi.', urdu: 'کراچی سے دھمکی' }, { paper: 'A4' });
    const pdf = await printer.printHtml(html, { paper: 'A4' });
    const doc = await openPdf(pdf);
    const page = await doc.getPage(1);
    // A4 is 595.28 × 841.89 pt; Chromium rounds to its own pixel grid.
    expect(Math.abs(page.view[2]! - 595.28)).toBeLessThan(1);
    expect(Math.abs(page.view[3]! - 841.89)).toBeLessThan(1);
    await doc.destroy();
    const pages = await extractText(pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.text).toContain('Threats traced to Karachi');
    expect(pages[0]!.text).toContain('Sent from an address in Karachi.');
    // The Arabic-script line is real text, not missing glyphs: pdfjs reports
    // presentation forms, which NFKC folds back to the Arabic block.
    expect(pages[0]!.text.normalize('NFKC')).toMatch(/[\u0600-\u06FF]{3,}/);
    const run = pages[0]!.runs.find((r) => pages[0]!.text.slice(r.start, r.end).includes('Threats'));
    expect(run?.rect.x).toBeGreaterThan(40);
    expect(run?.rect.y).toBeGreaterThan(700);
  });

  it('prints Letter paper for the US profile', async () => {
    const html = renderTemplate('smoke', { title: 'x', body: 'y', urdu: '' }, { paper: 'Letter' });
    const doc = await openPdf(await printer.printHtml(html, { paper: 'Letter' }));
    const page = await doc.getPage(1);
    expect(Math.round(page.view[2]!)).toBe(612);
    expect(Math.round(page.view[3]!)).toBe(792);
    await doc.destroy();
  });
});

describe('ligatures in generated pages', () => {
  const printer = new ChromiumPrinter();
  afterAll(() => printer.close());

  it('keeps the letters of ﬁ/ﬂ ligature characters in the text layer', async () => {
    const html = renderTemplate('smoke', { title: 'The ﬁrst oﬃcial ﬂight', body: '', urdu: '' }, { paper: 'A4' });
    const pages = await extractText(await printer.printHtml(html, { paper: 'A4' }));
    expect(pages[0]!.text.normalize('NFKC')).toContain('The first official flight');
  });
});
