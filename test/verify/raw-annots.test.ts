import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, StandardFonts, type PDFRef } from '@cantoo/pdf-lib';
import { buildBundle, type BuildResult } from '../../src/bundle/index.ts';
import { INTERNAL_LINK_PREFIX } from '../../src/bundle/parts/context.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { openPdf } from '../../src/pdf/pdfjs.ts';
import { verifyBundle } from '../../src/verify/index.ts';
import { annotationsFromPdfjs } from '../../src/verify/checks.ts';
import { readAnnotations, tryReadAnnotations } from '../../src/verify/raw-annots.ts';
import { RawPdf } from '../../src/verify/raw-pdf.ts';
import { excerptIn, indexThenSource, makeSource, tinyParts } from '../bundle/fixtures.ts';
import { linkedPdfLibReport, PDF_LIB_LINK_TARGETS } from '../bundle/hostile-fixtures.ts';

// Links and highlights are read with Sanad's raw reader instead of pdfjs's
// getAnnotations: these pin that it reads what pdfjs reads (the same links,
// targets, URLs and highlight texts, on PDFs built to differ in every way the
// checks care about), and that verification still catches each wrong link.

/** Raw and pdfjs readings of every page, side by side. */
async function bothReadings(bytes: Uint8Array) {
  const raw = new RawPdf(bytes);
  const doc = await openPdf(bytes);
  try {
    const out = [];
    for (const [i, page] of raw.pages().entries()) {
      out.push({ raw: tryReadAnnotations(raw, page), pdfjs: await annotationsFromPdfjs(doc, await doc.getPage(i + 1)) });
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

/** A three-page PDF whose page 1 carries links and highlights of every kind the reader must tell apart. */
async function annotatedPdf(objectStreams: boolean): Promise<{ bytes: Uint8Array; launchPage: number }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = [0, 1, 2, 3].map((i) => {
    const p = doc.addPage([595, 842]);
    p.drawText(`Page ${i + 1}`, { x: 72, y: 760, size: 12, font });
    return p;
  });
  const ctx = doc.context;
  const add = (page: number, extra: Record<string, unknown>) => pages[page]!.node.addAnnot(ctx.register(ctx.obj({ Type: 'Annot', Border: [0, 0, 0], ...extra } as never)));
  const at = (page: number) => ctx.obj([pages[page]!.ref, 'XYZ', 0, 800, null]) as PDFArray;
  doc.catalog.set(PDFName.of('Dests'), ctx.register(ctx.obj({ third: at(2), viaDict: ctx.obj({ D: at(1) }) })));
  doc.catalog.set(PDFName.of('Names'), ctx.obj({ Dests: ctx.register(ctx.obj({ Kids: [ctx.register(ctx.obj({ Limits: [PDFString.of('a'), PDFString.of('z')], Names: [PDFString.of('second'), at(1)] }))] })) }));
  const quads = [72, 720, 200, 720, 72, 700, 200, 700];
  // Rect given upside down: pdfjs normalises it.
  add(0, { Subtype: 'Link', Rect: [300, 720, 72, 700], Dest: at(1) });
  add(0, { Subtype: 'Link', Rect: [72, 680, 300, 700], Dest: PDFName.of('third') });
  add(0, { Subtype: 'Link', Rect: [72, 660, 300, 680], Dest: PDFString.of('second') });
  add(0, { Subtype: 'Link', Rect: [72, 640, 300, 660], A: ctx.obj({ S: 'GoTo', D: PDFHexString.fromText('viaDict') }) });
  add(0, { Subtype: 'Link', Rect: [72, 620, 300, 640], Dest: PDFName.of('nowhere') });
  add(0, { Subtype: 'Link', Rect: [72, 600, 300, 620], Dest: ctx.obj([doc.catalog.get(PDFName.of('Dests'))!, 'Fit']) });
  add(0, { Subtype: 'Link', Rect: [72, 580, 300, 600], Dest: ctx.obj([pages[3]!.ref, 'Bogus']) });
  add(0, { Subtype: 'Link', Rect: [72, 560, 300, 580], Dest: ctx.obj([2, 'Fit']) });
  add(0, { Subtype: 'Link', Rect: [72, 540, 300, 560], A: ctx.obj({ S: 'URI', URI: PDFString.of(`${INTERNAL_LINK_PREFIX}7`) }) });
  add(0, { Subtype: 'Link', Rect: [72, 520, 300, 540], A: ctx.obj({ S: 'URI', URI: PDFString.of('HTTPS://PAGE.SANAD.INVALID/8') }) });
  add(0, { Subtype: 'Link', Rect: [72, 500, 300, 520], A: ctx.obj({ S: 'URI', URI: PDFString.of('www.hrw.org/report') }) });
  add(0, { Subtype: 'Link', Rect: [72, 480, 300, 500], A: ctx.obj({ S: 'URI', URI: PDFString.of('not a url') }) });
  add(0, { Subtype: 'Link', Rect: [72, 460, 300, 480], Dest: at(3), F: PDFNumber.of(32) });
  add(0, { Subtype: 'Link', Rect: [72, 440, 300, 460], Dest: at(3), F: PDFNumber.of(2) });
  add(0, { Subtype: 'Link', Rect: [72, 420, 300, 440] });
  add(0, { Subtype: 'Highlight', Rect: [72, 700, 200, 720], QuadPoints: quads, Contents: PDFHexString.fromText('E1: a quote with ü') });
  add(0, { Subtype: 'Highlight', Rect: [72, 700, 200, 720], QuadPoints: quads, Contents: PDFString.of('E2: PDFDoc \u0080 text') });
  add(0, { Subtype: 'Highlight', Rect: [72, 700, 200, 720], Contents: PDFString.of('E3: no quad points') });
  add(0, { Subtype: 'Highlight', Rect: [72, 700, 200, 720], QuadPoints: quads, Contents: PDFString.of('E4: not viewable'), F: PDFNumber.of(32) });
  add(0, { Subtype: 'Highlight', Rect: [72, 700, 200, 720], QuadPoints: quads });
  add(1, { Subtype: 'Link', Rect: [72, 700, 300, 720], A: ctx.obj({ S: 'Launch', F: PDFString.of('calc.exe') }) });
  return { bytes: await doc.save({ useObjectStreams: objectStreams }), launchPage: 1 };
}

describe('links and highlights read without pdfjs', () => {
  it('reads what pdfjs reads on every kind of link and highlight, with and without object streams', async () => {
    for (const objectStreams of [false, true]) {
      const { bytes, launchPage } = await annotatedPdf(objectStreams);
      const readings = await bothReadings(bytes);
      const first = readings[0]!;
      expect(first.raw).toEqual(first.pdfjs);
      // The reading is the one the checks need, not merely the same as pdfjs's.
      expect(first.raw!.links.map((l) => l.target)).toEqual([1, 2, 1, 1, null, null, undefined, 2, undefined, undefined, undefined, undefined, 3, undefined]);
      expect(first.raw!.links[0]!.rect).toEqual([72, 700, 300, 720]);
      expect(first.raw!.links.slice(8, 12).map((l) => l.url)).toEqual([`${INTERNAL_LINK_PREFIX}7`, `${INTERNAL_LINK_PREFIX}8`, 'http://www.hrw.org/report', 'not a url']);
      expect(first.raw!.highlights).toEqual(['E1: a quote with ü', 'E2: PDFDoc \u2022 text', '']);
      // A page with an action the reader does not interpret is left to pdfjs.
      expect(readings[launchPage]!.raw).toBeUndefined();
      expect(readings[launchPage]!.pdfjs.links).toHaveLength(1);
      for (const r of readings.slice(2)) expect(r.raw).toEqual(r.pdfjs);
    }
  });

  it('resolves named destinations through /Dests and the name tree as pdfjs does', async () => {
    const bytes = await linkedPdfLibReport();
    const readings = await bothReadings(bytes);
    expect(readings[0]!.raw).toEqual(readings[0]!.pdfjs);
    expect(readings[0]!.raw!.links.map((l) => l.target)).toEqual(PDF_LIB_LINK_TARGETS);
  });

  it('leaves a link to pdfjs when the page tree cannot be indexed as pdfjs indexes it', async () => {
    const { bytes } = await annotatedPdf(false);
    const doc = await PDFDocument.load(bytes);
    // A wrong /Count: pdfjs counts pages through it, the walk does not.
    doc.catalog.Pages().set(PDFName.of('Count'), PDFNumber.of(9));
    const raw = new RawPdf(await doc.save({ useObjectStreams: false }));
    expect(raw.tree().indexable).toBe(false);
    expect(() => readAnnotations(raw, raw.pages()[0]!)).toThrow(/indexed/);
  });
});

describe('verification of links and highlights read without pdfjs', () => {
  const printer = new ChromiumPrinter();
  let built: BuildResult;
  afterAll(() => printer.close());
  beforeAll(async () => {
    const s = await makeSource({ title: 'Report', pages: [{ lines: ['Hazara were attacked in Quetta.'] }, { lines: ['Karachi is not safe.'] }, { lines: ['A third page.'] }] });
    const input = indexThenSource(s, [excerptIn(s, 'Karachi is not safe.', 't-internal-relocation-risk')]);
    built = await buildBundle(input, { printer, renderPart: tinyParts, verifyThreads: 1 });
  }, 60_000);
  const excerptPage = () => built.report.excerpts[0]!.bundlePage;

  /** Edits the built bundle and verifies the result on one thread. */
  async function verifyEdited(edit: (doc: PDFDocument) => void) {
    const doc = await PDFDocument.load(built.volumes[0]!.bytes);
    edit(doc);
    return verifyBundle([await doc.save()], built.report, { threads: 1 });
  }
  const annotsOf = (doc: PDFDocument, position: number) => doc.getPage(position - 1).node.Annots()!;
  const indexLink = (doc: PDFDocument) => {
    const annots = annotsOf(doc, 1);
    for (let i = 0; i < annots.size(); i++) {
      const a = annots.lookup(i, PDFDict);
      if (a.get(PDFName.of('Subtype')) === PDFName.of('Link')) return a;
    }
    throw new Error('the index has no link');
  };
  const linkTarget = (doc: PDFDocument, link: PDFDict): number => {
    const dest = link.lookup(PDFName.of('Dest'), PDFArray) ?? (link.lookup(PDFName.of('A'), PDFDict).lookup(PDFName.of('D'), PDFArray) as PDFArray);
    return doc.getPages().findIndex((p) => p.ref === (dest.get(0) as PDFRef)) + 1;
  };

  it('passes the bundle as built', async () => {
    expect(await verifyEdited(() => {})).toEqual({ ok: true, failures: [] });
  });

  it('fails a link of the index pointed at the wrong page', async () => {
    const r = await verifyEdited((doc) => {
      const link = indexLink(doc);
      const wrong = linkTarget(doc, link) === 3 ? 4 : 3;
      link.delete(PDFName.of('A'));
      link.set(PDFName.of('Dest'), doc.context.obj([doc.getPage(wrong - 1).ref, 'XYZ', 0, 800, null]));
    });
    expect(r.ok).toBe(false);
    expect(r.failures.some((f) => /^volume 1 page 1 \(bundle page 1\) has a link ".*" that leads to bundle page \d \(\d\), which is not the page it names$/.test(f))).toBe(true);
  });

  it('follows a named destination to its page: the right page passes the link check, a wrong one fails it', async () => {
    const named = (pick: (right: number) => number) =>
      verifyEdited((doc) => {
        const link = indexLink(doc);
        const page = pick(linkTarget(doc, link));
        doc.catalog.set(PDFName.of('Dests'), doc.context.obj({ there: [doc.getPage(page - 1).ref, 'Fit'] }));
        link.delete(PDFName.of('A'));
        link.set(PDFName.of('Dest'), PDFName.of('there'));
      });
    const right = await named((p) => p);
    // Named destinations are not inert (a bundle keeps explicit ones): that is the only failure.
    expect(right.failures).toEqual(['volume 1 is not inert: object ' + right.failures[0]!.match(/object (\d+)/)![1] + ' holds a link to a named destination']);
    const wrong = await named((p) => (p === 3 ? 4 : 3));
    expect(wrong.failures.some((f) => /has a link ".*" that leads to bundle page \d/.test(f))).toBe(true);
  });

  it('fails a link still carrying an internal address, and one whose destination is not a page', async () => {
    const r = await verifyEdited((doc) => {
      const link = indexLink(doc);
      link.delete(PDFName.of('Dest'));
      link.set(PDFName.of('A'), doc.context.obj({ S: 'URI', URI: PDFString.of(`${INTERNAL_LINK_PREFIX}3`) }));
      annotsOf(doc, 1).push(doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], Dest: [doc.catalog.get(PDFName.of('Pages')) as never, 'Fit'] } as never)));
    });
    expect(r.failures).toContain(`volume 1 page 1 (bundle page 1) has an internal link that was not turned into a page link (${INTERNAL_LINK_PREFIX}3)`);
    expect(r.failures).toContain('volume 1 page 1 (bundle page 1) has a link whose destination does not resolve');
  });

  it('fails an excerpt whose highlight is missing or not shown', async () => {
    const highlightIndex = (doc: PDFDocument) => {
      const annots = annotsOf(doc, excerptPage());
      return annots.asArray().findIndex((_, i) => annots.lookup(i, PDFDict).get(PDFName.of('Subtype')) === PDFName.of('Highlight'));
    };
    const expected = `E1 has no highlight annotation on volume 1 page ${excerptPage()} (bundle page ${excerptPage()})`;
    const removed = await verifyEdited((doc) => annotsOf(doc, excerptPage()).remove(highlightIndex(doc)));
    expect(removed.failures).toEqual([expected]);
    const hidden = await verifyEdited((doc) => annotsOf(doc, excerptPage()).lookup(highlightIndex(doc), PDFDict).set(PDFName.of('F'), PDFNumber.of(32)));
    expect(hidden.failures).toEqual([expected]);
    const relabelled = await verifyEdited((doc) => annotsOf(doc, excerptPage()).lookup(highlightIndex(doc), PDFDict).set(PDFName.of('Contents'), PDFHexString.fromText('E2: Karachi is not safe.')));
    expect(relabelled.failures).toEqual([expected]);
  });

  it('checks through pdfjs a page whose links the raw reader leaves to it', async () => {
    const r = await verifyEdited((doc) => {
      const link = indexLink(doc);
      link.delete(PDFName.of('Dest'));
      link.set(PDFName.of('A'), doc.context.obj({ S: 'Launch', F: PDFString.of('calc.exe') }));
      // Same page: a link to the page tree's root, not a page, which pdfjs must catch.
      annotsOf(doc, 1).push(doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], Dest: [doc.catalog.get(PDFName.of('Pages')) as never, 'Fit'] } as never)));
    });
    expect(r.failures).toContain('volume 1 page 1 (bundle page 1) has a link whose destination does not resolve');
    expect(r.failures.some((f) => /not inert: .* holds a Launch action/.test(f))).toBe(true);
  });
});
