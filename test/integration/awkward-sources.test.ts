/**
 * Awkward real-world PDFs through the whole path: written to disk, imported
 * with importSources, tagged with tagQuote, put in a case and built with
 * buildCase; then checked with pdfjs and with independent tools (qpdf,
 * pdfinfo, pdftotext): the encrypted-with-empty-password file, a filled form,
 * existing annotations, a /Rotate 90 page, a cropped page, a landscape page
 * and a two-column page.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../../src/pdf/text.ts';
import { openPdf } from '../../src/pdf/pdfjs.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import type { Workspace } from '../../src/store/index.ts';
import { verifyBuiltFile } from '../../src/verify/index.ts';
import type { BuildReport } from '../../src/bundle/report.ts';
import { sanad } from '../helpers/cli.ts';
import {
  QUOTES, addSourcesToCase, buildCase, freshWorkspace, importOne, newCase, pageCount, pageSize, qpdfClean, quoteOnPage, tag, wordsOf, writeAwkwardSources,
} from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-awkward-'));
const printer = new ChromiumPrinter();
let ws: Workspace;
let file = '';
let report: BuildReport;
const ids = {} as Record<keyof typeof QUOTES, string>;
const importWarnings = {} as Record<keyof typeof QUOTES, string[]>;

beforeAll(async () => {
  const files = await writeAwkwardSources(join(dir, 'in'));
  ws = await freshWorkspace(join(dir, 'ws'));
  await newCase(ws, { slug: 'ah-2026' });
  for (const key of Object.keys(QUOTES) as Array<keyof typeof QUOTES>) {
    const r = await importOne(ws, printer, files[key]);
    ids[key] = r.id;
    importWarnings[key] = r.warnings;
    await tag(ws, r.id, QUOTES[key]);
  }
  await addSourcesToCase(ws, 'ah-2026', Object.values(ids));
  const built = await buildCase(ws, 'ah-2026', { printer, out: join(dir, 'out', 'bundle.pdf') });
  file = built.files[0]!;
  report = built.report;
}, 120_000);

afterAll(async () => {
  await ws.close();
  await printer.close();
});

const excerptOf = (key: keyof typeof QUOTES) => report.excerpts.find((e) => e.sourceId === ids[key])!;
const docOf = (key: keyof typeof QUOTES) => report.documents.find((d) => d.sourceId === ids[key])!;

describe('awkward sources imported, tagged and built', () => {
  it('imports each with the warnings a caseworker needs', () => {
    expect(importWarnings.encrypted.join(' ')).toMatch(/encrypted with an empty password/);
    expect(importWarnings.form.join(' ')).toMatch(/form fields were flattened/);
    expect(importWarnings.rotated).toEqual([]);
  });

  it('is a clean PDF that sanad verify passes, with the page count pdfinfo gives', async () => {
    expect(qpdfClean(file)).toBe(true);
    expect(pageCount(file)).toBe(report.pages);
    expect(await verifyBuiltFile(file)).toEqual({ ok: true, failures: [] });
    const cli = await sanad(join(dir, 'ws'), 'verify', file);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
  });

  it('has every excerpt’s quote on its bundle page, by pdftotext and by pdfjs', async () => {
    expect(report.excerpts).toHaveLength(Object.keys(QUOTES).length);
    const pages = await extractText(new Uint8Array(readFileSync(file)));
    for (const e of report.excerpts) {
      expect(quoteOnPage(file, e.bundlePage, e.quote), `${e.label} "${e.quote}" on page ${e.bundlePage}`).toBe(true);
      expect(pages[e.bundlePage - 1]!.text.replace(/\s+/g, ' ')).toContain(e.quote);
    }
  });

  it('keeps the filled form value and the existing annotations', async () => {
    const formPage = docOf('form').firstPage;
    expect(quoteOnPage(file, formPage, 'A.H.C.')).toBe(true);
    const doc = await openPdf(new Uint8Array(readFileSync(file)));
    try {
      const annots = (await (await doc.getPage(docOf('annotated').firstPage)).getAnnotations()) as Array<{ subtype: string; url?: string }>;
      expect(annots.map((a) => a.subtype).sort()).toEqual(['Highlight', 'Link', 'Text']);
      expect(annots.find((a) => a.subtype === 'Link')!.url).toBe('https://example.org/report');
    } finally {
      await doc.destroy();
    }
  });

  it('highlights the rotated page on the words: the Highlight QuadPoints cover the quote’s runs', async () => {
    const e = excerptOf('rotated');
    const bytes = new Uint8Array(readFileSync(file));
    const text = (await extractText(bytes))[e.bundlePage - 1]!;
    const start = text.text.indexOf(e.quote);
    expect(start).toBeGreaterThanOrEqual(0);
    const runs = text.runs.filter((r) => r.start < start + e.quote.length && r.end > start);
    expect(runs.length).toBeGreaterThan(0);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const page = pdf.getPage(e.bundlePage - 1);
    expect(page.getRotation().angle).toBe(90);
    const highlight = page.node.Annots()!.asArray().map((r) => pdf.context.lookup(r, PDFDict)).find((a) => a.get(PDFName.of('Subtype')) === PDFName.of('Highlight'))!;
    const quads = highlight.lookup(PDFName.of('QuadPoints'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber());
    const xs = quads.filter((_, i) => i % 2 === 0);
    const ys = quads.filter((_, i) => i % 2 === 1);
    const box = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
    for (const r of runs) {
      // The run is the whole line; the quote is nearly all of it (the line ends with a full stop).
      expect(r.rect.x).toBeGreaterThanOrEqual(box.x0 - 1);
      expect(r.rect.x + r.rect.w).toBeLessThanOrEqual(box.x1 + 1);
      expect(r.rect.y).toBeGreaterThanOrEqual(box.y0 - 1);
      expect(r.rect.y + r.rect.h - 8).toBeLessThanOrEqual(box.y1 + 1);
    }
    // Vertical text on the unrotated page: the highlight is tall and narrow.
    expect(box.y1 - box.y0).toBeGreaterThan(4 * (box.x1 - box.x0));
    // Quads are ordered as the text reads on screen (top-left, top-right, …): the first
    // edge runs along the line (user +y here), else poppler draws a page-wide ellipse.
    const [x1, y1, x2, y2, x3] = quads as [number, number, number, number, number];
    expect(y2 - y1).toBeGreaterThan(100);
    expect(Math.abs(x2 - x1)).toBeLessThan(1);
    expect(x3).toBeGreaterThan(x1);
    // pdfinfo shows the page still rotated and the stamp reads upright at the bottom right.
    expect(pageSize(file, e.bundlePage).rot).toBe(90);
  });

  it('stamps the cropped page inside its crop box, in the bottom-right quarter', () => {
    const page = docOf('cropped').firstPage;
    const { words } = wordsOf(file, page);
    const stamp = words.find((w) => w.text === String(page));
    expect(stamp, `stamp ${page}`).toBeDefined();
    // Crop box (user space) x 100–495, y 150–692 on an 842 pt high page; -bbox is media box, top-left origin.
    const crop = { left: 100, right: 495, top: 842 - 692, bottom: 842 - 150 };
    expect(stamp!.xMin).toBeGreaterThanOrEqual(crop.left);
    expect(stamp!.xMax).toBeLessThanOrEqual(crop.right);
    expect(stamp!.yMin).toBeGreaterThanOrEqual(crop.top);
    expect(stamp!.yMax).toBeLessThanOrEqual(crop.bottom);
    expect(stamp!.xMin).toBeGreaterThan((crop.left + crop.right) / 2);
    expect(stamp!.yMin).toBeGreaterThan((crop.top + crop.bottom) / 2);
  });

  it('keeps the landscape page landscape and stamps it at its bottom right', () => {
    const page = docOf('landscape').firstPage + 1;
    const size = pageSize(file, page);
    expect(size.w).toBeGreaterThan(size.h);
    const { width, height, words } = wordsOf(file, page);
    expect(words.some((w) => w.text === String(page) && w.xMin > width * 0.75 && w.yMin > height * 0.9)).toBe(true);
  });

  it('stamps the rotated page at the bottom right of the page as displayed', async () => {
    const page = docOf('rotated').firstPage;
    const doc = await openPdf(new Uint8Array(readFileSync(file)));
    try {
      const p = await doc.getPage(page);
      const viewport = p.getViewport({ scale: 1 });
      expect(viewport.width).toBeGreaterThan(viewport.height);
      const items = (await p.getTextContent()).items as Array<{ str: string; transform: number[] }>;
      const stamp = items.find((i) => i.str === String(page))!;
      const [x, y] = viewport.convertToViewportPoint(stamp.transform[4]!, stamp.transform[5]!) as [number, number];
      expect(x).toBeGreaterThan(viewport.width * 0.75);
      expect(y).toBeGreaterThan(viewport.height * 0.9);
      // Upright as displayed: the stamp's baseline runs left to right on screen.
      const [a, b] = stamp.transform as [number, number];
      const dir = [a, b];
      expect(Math.abs(dir[1]!)).toBeGreaterThan(Math.abs(dir[0]!));
    } finally {
      await doc.destroy();
    }
  });

  it('reads the two-column quote in column order, not across the columns', () => {
    const e = excerptOf('columns');
    expect(quoteOnPage(file, e.bundlePage, QUOTES.columns)).toBe(true);
  });
});
