/**
 * Redaction on awkward pages: /Rotate, crop boxes, both, and a scanned page
 * (image only, text from an invisible layer). The redacted copy loses the
 * redacted words from its text and pixels, keeps every other word, and keeps
 * the page's rotation and crop box; areas are measured on the page as shown.
 */
import { PDFDocument, PDFName, PDFDict } from '@cantoo/pdf-lib';
import { createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PageText, Redaction } from '../../src/model/index.ts';
import { openPdf } from '../../src/pdf/pdfjs.ts';
import { extractText } from '../../src/pdf/text.ts';
import { applyRedactions } from '../../src/redact/apply.ts';
import { visibleRectToUser } from '../../src/redact/geometry.ts';
import { areaRedaction, textRedactions } from '../../src/redact/mark.ts';
import { awkwardPdf } from './fixtures.ts';

let original: Uint8Array;
let pages: PageText[];
let redactions: Redaction[];
let redacted: Uint8Array;
let after: PageText[];
const now = new Date('2026-03-01T10:00:00Z');

/** Share of dark pixels in a rectangle of the page as shown (pdfjs render, 1 px per point). */
async function darkShare(bytes: Uint8Array, pageNumber: number, r: { x: number; y: number; w: number; h: number }): Promise<number> {
  const doc = await openPdf(bytes);
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale: 1 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext('2d');
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport }).promise;
  const data = ctx.getImageData(Math.round(r.x) + 2, Math.round(r.y) + 2, Math.round(r.w) - 4, Math.round(r.h) - 4).data;
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 150) dark++;
  await doc.destroy();
  return dark / (data.length / 4);
}

beforeAll(async () => {
  original = await awkwardPdf();
  pages = await extractText(original);
  const target = { sourceId: 's-00000000000000aa', sha256: 'a'.repeat(64), pages };
  redactions = [
    ...textRedactions(target, 'Liaquat Ali', { reason: 'anonymity-order' }, now),
    areaRedaction(target, 1, { x: 400, y: 300, w: 120, h: 80 }, { reason: 'other', reasonText: 'signature' }, now),
    areaRedaction(target, 2, { x: 10, y: 200, w: 100, h: 60 }, { reason: 'privilege' }, now),
  ];
  redacted = await applyRedactions(original, pages, redactions, { dpi: 150 });
  after = await extractText(redacted);
});

describe('redaction on rotated, cropped and scanned pages', () => {
  it('finds the name on every page, including the image-only page through its invisible layer', () => {
    expect(redactions.filter((r) => r.kind === 'text').map((r) => r.page)).toEqual([1, 2, 3, 4]);
  });

  it('removes the name from the text of every page and keeps the other words', () => {
    for (const p of after) expect(p.text).not.toMatch(/Liaquat/i);
    const all = after.map((p) => p.text.replace(/\s+/g, ' ')).join(' | ');
    for (const words of ['Other words stay searchable here.', 'Cropped words remain quotable.', 'Still readable afterwards.', 'Threat received by the family.', 'was seen in Karachi.', 'left Quetta.']) {
      expect(all).toContain(words);
    }
  });

  it('keeps each page’s rotation and crop box', async () => {
    const [a, b] = await Promise.all([PDFDocument.load(original), PDFDocument.load(redacted)]);
    b.getPages().forEach((page, i) => {
      const before = a.getPages()[i]!;
      expect(page.getRotation().angle).toBe(before.getRotation().angle);
      expect(page.getCropBox()).toEqual(before.getCropBox());
    });
  });

  it('leaves no original content on a redacted page: the scan’s image and text are replaced', async () => {
    const doc = await PDFDocument.load(redacted);
    const scan = doc.getPages()[3]!;
    const xobjects = scan.node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
    expect(xobjects.keys().map((k) => k.asString())).toEqual(['/SanadPage']);
  });

  it('measures areas on the page as shown, the way pdfjs maps viewport points to PDF points', async () => {
    const doc = await openPdf(original);
    for (const p of pages) {
      const page = await doc.getPage(p.page);
      const viewport = page.getViewport({ scale: 1 });
      const r = { x: 20, y: 30, w: 50, h: 40 };
      const [ax, ay] = viewport.convertToPdfPoint(r.x, r.y) as [number, number];
      const [bx, by] = viewport.convertToPdfPoint(r.x + r.w, r.y + r.h) as [number, number];
      const mine = visibleRectToUser(p.view, p.rotate, r);
      expect(mine.x).toBeCloseTo(Math.min(ax, bx), 1);
      expect(mine.y).toBeCloseTo(Math.min(ay, by), 1);
      expect(mine.w).toBeCloseTo(Math.abs(ax - bx), 1);
      expect(mine.h).toBeCloseTo(Math.abs(ay - by), 1);
    }
    await doc.destroy();
  });

  it('paints the areas opaque where they were measured, on the rotated and the cropped page', async () => {
    expect(await darkShare(original, 1, { x: 400, y: 300, w: 120, h: 80 })).toBeLessThan(0.05);
    expect(await darkShare(redacted, 1, { x: 400, y: 300, w: 120, h: 80 })).toBeGreaterThan(0.7);
    expect(await darkShare(redacted, 2, { x: 10, y: 200, w: 100, h: 60 })).toBeGreaterThan(0.7);
  });

  it('draws the labelled box over the name on the scanned page', async () => {
    const name = redactions.find((r) => r.page === 4 && r.kind === 'text')!;
    const box = name.rects[0]!;
    const shown = { x: box.x, y: 841.89 - box.y - box.h, w: box.w, h: box.h };
    expect(await darkShare(redacted, 4, shown)).toBeGreaterThan(0.6);
    expect(after[3]!.text).toMatch(/Redacted/);
  });
});

describe('redacted pages as a reader sees them', () => {
  it('renders (pdftoppm -r 50) with the boxes upright on rotated pages', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'sanad-redact-pages-'));
    writeFileSync(join(dir, 'redacted.pdf'), redacted);
    execFileSync('pdftoppm', ['-r', '50', '-png', join(dir, 'redacted.pdf'), join(dir, 'page')]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(4);
    const text = execFileSync('pdftotext', [join(dir, 'redacted.pdf'), '-']).toString();
    expect(text).not.toMatch(/Liaquat/i);
    expect(text).toMatch(/Redacted: signature/);
    if (process.env.SANAD_KEEP_RENDERS) console.log(dir);
  });
});
