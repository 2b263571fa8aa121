import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from '@cantoo/pdf-lib';
import { buildBundle } from '../../src/bundle/index.ts';
import { combineParts, PART_MARKER_PREFIX, partStarts } from '../../src/bundle/batch-print.ts';
import { partContext } from '../../src/bundle/context.ts';
import { selectExcerpts } from '../../src/bundle/excerpts.ts';
import { expandItems, initialCounts, layOut } from '../../src/bundle/plan.ts';
import { requestFor } from '../../src/bundle/render.ts';
import { renderPartHtml } from '../../src/bundle/parts/index.ts';
import { inlinedFontFaces, renderTemplate } from '../../src/templates/render.ts';
import { extractText } from '../../src/pdf/text.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import type { PrintOptions } from '../../src/print/printer.ts';
import { excerptIn, inputOf, makeSource } from './fixtures.ts';
import type { BundleInput } from '../../src/bundle/input.ts';

// Generated parts printed in one page load must come out exactly as printed one by one:
// the same pages with the same words, and no trace of the markers that split them.
describe('printing the generated parts in one page load', () => {
  const printer = new ChromiumPrinter();
  let input: BundleInput;
  afterAll(() => printer.close());
  beforeAll(async () => {
    const pages = Array.from({ length: 6 }, (_, i) => ({ lines: [`Paragraph ${i + 1}: Hazara were attacked in Quetta.`, 'Karachi is not safe for him.'] }));
    const s = await makeSource({ title: 'Pakistan: Security situation', pages });
    const excerpts = Array.from({ length: 5 }, (_, i) => excerptIn(s, `Paragraph ${i + 1}: Hazara were attacked`, 't-threat-patterns', i + 1));
    input = inputOf(
      [s],
      {
        schemaVersion: 1,
        pagination: 'continuous',
        sections: [
          { id: 'a', letter: 'A', title: 'Bundle parts', divider: false, items: [{ kind: 'generated', part: 'cover' }, { kind: 'generated', part: 'index' }, { kind: 'generated', part: 'schedule' }] },
          { id: 'b', letter: 'B', title: 'Country evidence', divider: true, items: [{ kind: 'source', sourceId: s.meta.id }, { kind: 'generated', part: 'integrity' }] },
        ],
      },
      excerpts,
    );
  });

  it('gives each part the pages and words it has when printed alone', async () => {
    const items = expandItems(input);
    const layout = layOut(input, items, initialCounts(items), items.map(() => 1));
    const ctx = partContext(input, layout, selectExcerpts(input, layout));
    const docs = layout.items.flatMap((p) => {
      const request = requestFor(p.item);
      return request ? [renderPartHtml(request, ctx, 'A4')] : [];
    });
    expect(docs.length).toBe(5);
    const combined = combineParts(docs);
    expect(combined).toBeDefined();
    const pdf = await printer.printHtml(combined!, { paper: 'A4' });
    const doc = await PDFDocument.load(pdf);
    const starts = partStarts(doc, docs.length)!;
    expect(starts).toBeDefined();
    const combinedText = (await extractText(pdf)).map((p) => p.text);
    for (const [k, html] of docs.entries()) {
      const alone = (await extractText(await printer.printHtml(html, { paper: 'A4' }))).map((p) => p.text);
      const end = starts[k + 1] ?? doc.getPageCount();
      expect(end - starts[k]!).toBe(alone.length);
      expect(combinedText.slice(starts[k], end)).toEqual(alone);
    }
  }, 120_000);

  it('prints each round once, and leaves no marker link in the bundle', async () => {
    const calls: string[] = [];
    const options: PrintOptions[] = [];
    const counting = { printHtml: (html: string, o: PrintOptions) => (calls.push(html), options.push(o), printer.printHtml(html, o)), close: async () => {} };
    const built = await buildBundle(input, { printer: counting, verifyThreads: 1 });
    // A first build: the first round only measures (untagged, its numbers are guesses); then one
    // tagged round when the measured lengths hold, two at most when they moved the numbering.
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.length).toBeLessThanOrEqual(3);
    expect(options[0]!.tagged).toBe(false);
    // The pages kept are tagged prints: marked content keeps a link's words apart from the text around it (verification reads them).
    expect(options.slice(1).every((o) => o.tagged !== false)).toBe(true);
    expect(calls.every((html) => html.includes(PART_MARKER_PREFIX))).toBe(true);
    const doc = await PDFDocument.load(built.volumes[0]!.bytes);
    const text = new TextDecoder('latin1').decode(await doc.save({ useObjectStreams: false }));
    expect(text).not.toContain('part.sanad.invalid');
    expect(built.report.parts.map((p) => p.kind)).toEqual(['cover', 'index', 'schedule', 'divider', 'integrity']);
  }, 120_000);

  it('prints once when the last build’s part lengths still hold, with the same bytes', async () => {
    const first = await buildBundle(input, { printer, verifyThreads: 1 });
    const calls: string[] = [];
    const counting = { printHtml: (html: string, o: { paper: 'A4' | 'Letter' }) => (calls.push(html), printer.printHtml(html, o)), close: async () => {} };
    const again = await buildBundle({ ...input, previous: first.report }, { printer: counting, verifyThreads: 1 });
    expect(calls).toHaveLength(1);
    expect(Buffer.from(again.volumes[0]!.bytes).equals(Buffer.from(first.volumes[0]!.bytes))).toBe(true);
    // A wrong hint costs a round, never the result.
    const wrong = { ...first.report, parts: first.report.parts.map((p) => ({ ...p, lastPage: p.lastPage + 3 })) };
    const corrected = await buildBundle({ ...input, previous: wrong }, { printer, verifyThreads: 1 });
    expect(Buffer.from(corrected.volumes[0]!.bytes).equals(Buffer.from(first.volumes[0]!.bytes))).toBe(true);
  }, 120_000);

  it('combines parts that need different font faces, with every face one of them needs, once', async () => {
    const latin = renderTemplate('smoke', { title: 'Index', body: 'Threats traced to Karachi.', urdu: '' }, { paper: 'A4' });
    const arabic = renderTemplate('smoke', { title: 'Letter', body: 'A threat letter.', urdu: 'کراچی سے دھمکی' }, { paper: 'A4' });
    const polish = renderTemplate('smoke', { title: 'Łódź', body: 'Kraków.', urdu: '' }, { paper: 'A4' });
    const faces = inlinedFontFaces();
    const has = (html: string) => faces.map((f) => html.includes(f));
    // Each document carries the faces its own text needs: Latin (regular, bold, italic), then
    // Latin Extended (regular, bold), then Arabic (regular, bold).
    expect(has(latin)).toEqual([true, true, true, false, false, false, false]);
    expect(has(arabic)).toEqual([true, true, true, false, false, true, true]);
    expect(has(polish)).toEqual([true, true, true, true, true, false, false]);
    const combined = combineParts([latin, arabic, polish])!;
    expect(has(combined)).toEqual([true, true, true, true, true, true, true]);
    for (const f of faces) expect(combined.split(f)).toHaveLength(2);
    const pages = await extractText(await printer.printHtml(combined, { paper: 'A4' }));
    expect(pages.map((p) => p.text.normalize('NFKC')).join('\n')).toMatch(/Karachi[\s\S]*[\u0600-\u06FF]{3}[\s\S]*Łódź[\s\S]*Kraków/);
  });

  it('prints documents of different layouts one by one', () => {
    expect(combineParts(['<html><head><style>a{}</style></head><body>1</body></html>', '<html><head><style>b{}</style></head><body>2</body></html>'])).toBeUndefined();
  });
});
