import { deflateSync, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFPage } from '@cantoo/pdf-lib';
import { buildBundle, type BuildResult } from '../../src/bundle/index.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { verifyBundle } from '../../src/verify/index.ts';
import { RawPdf } from '../../src/verify/raw-pdf.ts';
import { pagesNeedingText } from '../../src/verify/select.ts';
import { checkStamp, viewportOf } from '../../src/verify/stamps.ts';
import { excerptIn, indexThenSource, makeSource, tinyParts } from '../bundle/fixtures.ts';

// Stamps are read from the content stream Sanad appends, not from pdfjs's text;
// these pin that the cheaper check still catches every way a stamp can be wrong,
// and that pages with links or excerpts still get pdfjs's text checks.
describe('verification of stamps from the appended stream', () => {
  const printer = new ChromiumPrinter();
  let built: BuildResult;
  afterAll(() => printer.close());
  beforeAll(async () => {
    const s = await makeSource({
      title: 'Report',
      pages: [
        { lines: ['Hazara were attacked in Quetta.'] },
        { lines: ['Karachi is not safe.'], rotate: 90 },
        { lines: ['A cropped page.'], cropInset: 40, unbalanced: true },
        { lines: ['A landscape page.'], landscape: true },
      ],
    });
    const input = indexThenSource(s, [excerptIn(s, 'Karachi is not safe.', 't-internal-relocation-risk')]);
    built = await buildBundle(input, { printer, renderPart: tinyParts, verifyThreads: 1 });
  }, 60_000);
  const bytes = () => built.volumes[0]!.bytes;

  /** Applies `change` to bundle page `position` (1-based) and returns the saved bytes. */
  async function mutate(position: number, change: (page: PDFPage, doc: PDFDocument) => void): Promise<Uint8Array> {
    const doc = await PDFDocument.load(bytes());
    change(doc.getPage(position - 1), doc);
    return doc.save();
  }
  const stampFailures = (failures: string[]) => failures.filter((f) => /no page label/.test(f));

  it('finds every stamp of a good bundle, rotated, cropped, unbalanced and landscape pages included', () => {
    const raw = new RawPdf(bytes());
    const pages = raw.pages();
    expect(pages).toHaveLength(built.report.pages);
    pages.forEach((p, i) => expect(checkStamp(raw, p, built.report.pageLabels[i]!)).toEqual({ ok: true }));
    // A wrong label is not found.
    expect(checkStamp(raw, pages[0]!, '99')).toEqual({ ok: false, unreadable: false });
  });

  it('fails a page whose appended stamp stream was removed', async () => {
    const broken = await mutate(3, (page) => {
      const contents = page.node.Contents() as PDFArray;
      contents.remove(contents.size() - 1);
    });
    const r = await verifyBundle([broken], built.report, { threads: 1 });
    expect(stampFailures(r.failures)).toEqual(['volume 1 page 3 (bundle page 3) has no page label "3" at its bottom right']);
  });

  it('fails a stamp moved off the bottom right by a transformation left open before it', async () => {
    const broken = await mutate(2, (page, doc) => {
      // An unwrapped "cm" before Sanad's stream halves everything drawn after it.
      const contents = page.node.Contents() as PDFArray;
      contents.insert(contents.size() - 1, doc.context.register(doc.context.stream('0.5 0 0 0.5 0 0 cm')));
    });
    const r = await verifyBundle([broken], built.report, { threads: 1 });
    expect(stampFailures(r.failures)).toEqual(['volume 1 page 2 (bundle page 2) has no page label "2" at its bottom right']);
    // A balanced q … Q around the same cm changes nothing.
    const fine = await mutate(2, (page, doc) => {
      const contents = page.node.Contents() as PDFArray;
      contents.insert(contents.size() - 1, doc.context.register(doc.context.stream('q 0.5 0 0 0.5 0 0 cm Q')));
    });
    expect(await verifyBundle([fine], built.report, { threads: 1 })).toEqual({ ok: true, failures: [] });
  });

  it('fails a stamp drawn in another font', async () => {
    const broken = await mutate(4, (page, doc) => {
      const fonts = page.node.Resources()!.lookup(PDFName.of('Font')) as ReturnType<typeof doc.context.obj>;
      (fonts as unknown as { set(k: PDFName, v: unknown): void }).set(PDFName.of('SanadStampFont'), doc.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Courier' }));
    });
    const r = await verifyBundle([broken], built.report, { threads: 1 });
    expect(stampFailures(r.failures)).toEqual(['volume 1 page 4 (bundle page 4) has no page label "4" at its bottom right']);
  });

  it('checks a page it cannot read directly through pdfjs instead, catching a missing stamp there too', async () => {
    // Content streams re-encoded with a filter the direct reader does not decode.
    const reencode = (drop: boolean) =>
      mutate(5, (page, doc) => {
        const contents = page.node.Contents() as PDFArray;
        if (drop) contents.remove(contents.size() - 1);
        const all = contents.asArray().map((ref) => {
          const s = doc.context.lookup(ref) as PDFRawStream;
          return new TextDecoder('latin1').decode(s.getContents().length && s.dict.get(PDFName.of('Filter')) ? inflate(s) : s.getContents());
        });
        const hex = Buffer.from(all.join('\n'), 'latin1').toString('hex') + '>';
        const stream = doc.context.stream(hex, { Filter: 'ASCIIHexDecode', Length: PDFNumber.of(hex.length) });
        page.node.set(PDFName.of('Contents'), doc.context.obj([doc.context.register(stream)]));
      });
    const raw = new RawPdf(await reencode(false));
    expect(checkStamp(raw, raw.pages()[4]!, '5')).toMatchObject({ ok: false, unreadable: true });
    expect(await verifyBundle([await reencode(false)], built.report, { threads: 1 })).toEqual({ ok: true, failures: [] });
    const r = await verifyBundle([await reencode(true)], built.report, { threads: 1 });
    expect(stampFailures(r.failures)).toEqual(['volume 1 page 5 (bundle page 5) has no page label "5" at its bottom right']);
  });

  it('reads a page whose content has a wrong Flate checksum directly, as readers show it (it passes)', async () => {
    // The source's content on page 5 re-compressed with its Adler-32 checksum spoiled: pdf.js and
    // poppler do not check it, so the page shows whole; zlib alone would refuse it.
    const spoiled = await mutate(5, (page, doc) => {
      const contents = page.node.Contents() as PDFArray;
      const ref = contents.asArray().find((r): r is PDFRef => {
        const s = doc.context.lookup(r) as PDFRawStream;
        return r instanceof PDFRef && s.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') && /Tj|TJ/.test(new TextDecoder('latin1').decode(inflate(s)));
      })!;
      const s = doc.context.lookup(ref) as PDFRawStream;
      const zlib = deflateSync(inflate(s));
      zlib[zlib.length - 1] = zlib[zlib.length - 1]! ^ 0xff;
      expect(() => inflateSync(zlib)).toThrow(/incorrect data check/);
      doc.context.assign(ref, PDFRawStream.of(s.dict, zlib));
    });
    const raw = new RawPdf(spoiled);
    expect(checkStamp(raw, raw.pages()[4]!, '5')).toEqual({ ok: true });
    expect(await verifyBundle([spoiled], built.report, { threads: 1 })).toEqual({ ok: true, failures: [] });
  });

  it('reads pages with links with pdfjs: a link on a source page that leads nowhere is caught', async () => {
    const broken = await mutate(2, (page, doc) => {
      const annot = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 700, 300, 720], Dest: PDFString.of('Nowhere') });
      page.node.addAnnot(doc.context.register(annot));
    });
    const r = await verifyBundle([broken], built.report, { threads: 1 });
    expect(r.failures).toContain('volume 1 page 2 (bundle page 2) has a link whose destination does not resolve');
    expect(stampFailures(r.failures)).toEqual([]);
  });

  it('catches a quote reported on a page with neither links nor excerpts', async () => {
    const moved = { ...built.report, excerpts: built.report.excerpts.map((e) => ({ ...e, bundlePage: 4 })) };
    const r = await verifyBundle([bytes()], moved, { threads: 1 });
    expect(r.failures.some((f) => /E1 is not on .*bundle page 4/.test(f))).toBe(true);
  });

  it('selects pages for pdfjs by each reason, once, in order', () => {
    expect(pagesNeedingText({ excerpts: [5, 3], links: [1, 3], extra: [9, 0], unreadable: [2] }, 6)).toEqual([1, 2, 3, 5]);
  });

  it('maps user space to the displayed page as pdfjs does', () => {
    const v = viewportOf([0, 0, 595, 842], 90);
    expect([v.width, v.height]).toEqual([842, 595]);
    expect(v.toViewport(0, 0)).toEqual([0, 0]);
    expect(viewportOf([0, 0, 595, 842], 0).toViewport(595, 0)).toEqual([595, 842]);
  });
});

function inflate(s: PDFRawStream): Uint8Array {
  return new Uint8Array(inflateSync(s.getContents()));
}
