/**
 * Applying redactions to a copy of a source's PDF, for the bundle only. Each
 * redacted page is rendered (pdfjs + @napi-rs/canvas), the redacted areas are
 * painted out of the raster, and the page's content is REPLACED by that image:
 * no glyph, image or vector of the original page remains in it. The words
 * that were not redacted come back as an invisible, word-positioned text
 * layer from the stored page text, so the page stays searchable and quotable.
 * Annotations under a redaction, thumbnails and page-level metadata are
 * removed. Finally an opaque box with a short label ("Redacted: anonymity
 * order") is drawn over each redaction. Pages without redactions are untouched.
 */
import { deflateSync } from 'node:zlib';
import { canvasModule } from '../pdf/canvas.ts';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFPage, StandardFonts, degrees, rgb, type PDFFont } from '@cantoo/pdf-lib';
import { redactionLabel, type PageText, type Rect, type Redaction } from '../model/index.ts';
import { openPdf, pdfjs } from '../pdf/pdfjs.ts';
import { addInvisibleWords } from '../pdf/invisible-text.ts';
import { grow, intersects } from './geometry.ts';
import { remainingWords } from './text.ts';

/** Raster resolution of a redacted page. */
export const REDACTION_DPI = 200;

/** How far a box reaches past the text it hides (glyph boxes are estimates), in points. */
function padded(r: Redaction, rect: Rect): Rect {
  return r.kind === 'text' ? grow(rect, Math.max(1, rect.h * 0.12), 0.75) : rect;
}

/** The boxes drawn for a page's redactions (padded text boxes, exact areas). */
export function boxesOf(redactions: Redaction[]): Array<{ rect: Rect; label: string }> {
  return redactions.flatMap((r) => r.rects.map((rect) => ({ rect: padded(r, rect), label: redactionLabel(r) })));
}

interface Raster {
  width: number;
  height: number;
  /** Pixels, one byte per channel: grey (1) or RGB (3). */
  rgb: Uint8Array;
  grey: boolean;
  view: number[];
}

async function rasterise(doc: Awaited<ReturnType<typeof openPdf>>, pageNumber: number, boxes: Rect[], dpi: number): Promise<Raster> {
  const page = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: dpi / 72, rotation: 0 });
    const width = Math.max(1, Math.ceil(viewport.width));
    const height = Math.max(1, Math.ceil(viewport.height));
    const canvas = canvasModule().createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: ctx as unknown as CanvasRenderingContext2D,
      viewport,
      annotationMode: pdfjs.AnnotationMode.DISABLE,
    }).promise;
    ctx.fillStyle = '#000000';
    for (const b of boxes) {
      const [x0, y0, x1, y1] = viewport.convertToViewportRectangle([b.x, b.y, b.x + b.w, b.y + b.h]) as [number, number, number, number];
      const left = Math.floor(Math.min(x0, x1)) - 1;
      const top = Math.floor(Math.min(y0, y1)) - 1;
      ctx.fillRect(left, top, Math.ceil(Math.max(x0, x1)) + 1 - left, Math.ceil(Math.max(y0, y1)) + 1 - top);
    }
    const rgba = ctx.getImageData(0, 0, width, height).data;
    let grey = true;
    for (let i = 0; i < rgba.length && grey; i += 4) grey = rgba[i] === rgba[i + 1] && rgba[i] === rgba[i + 2];
    // A black-and-white or grey page (most statements and letters) is stored as one channel: a third of the size.
    const channels = grey ? 1 : 3;
    const out = new Uint8Array(width * height * channels);
    for (let i = 0, j = 0; i < rgba.length; i += 4, j += channels) {
      out[j] = rgba[i]!;
      if (!grey) {
        out[j + 1] = rgba[i + 1]!;
        out[j + 2] = rgba[i + 2]!;
      }
    }
    return { width, height, rgb: out, grey, view: page.view };
  } finally {
    page.cleanup();
  }
}

/** Replaces the page's content and resources by the image, over the page's view box. */
function replaceContent(doc: PDFDocument, page: PDFPage, raster: Raster): void {
  const ctx = doc.context;
  const image = ctx.stream(deflateSync(raster.rgb, { level: 6 }), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: raster.width,
    Height: raster.height,
    ColorSpace: raster.grey ? 'DeviceGray' : 'DeviceRGB',
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
  });
  const imageRef = ctx.register(image);
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = raster.view;
  const content = ctx.flateStream(`q ${fmt(x1 - x0)} 0 0 ${fmt(y1 - y0)} ${fmt(x0)} ${fmt(y0)} cm /SanadPage Do Q\n`);
  const node = page.node;
  node.set(PDFName.of('Resources'), ctx.obj({ XObject: { SanadPage: imageRef } }));
  node.set(PDFName.of('Contents'), ctx.register(content));
  for (const key of ['Thumb', 'PieceInfo', 'Metadata', 'SeparationInfo', 'AA']) node.delete(PDFName.of(key));
}

function fmt(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

function annotationRect(annot: PDFDict): Rect | undefined {
  const r = annot.lookupMaybe(PDFName.of('Rect'), PDFArray);
  if (!r || r.size() < 4) return undefined;
  const n = [0, 1, 2, 3].map((i) => r.lookupMaybe(i, PDFNumber)?.asNumber() ?? 0) as [number, number, number, number];
  return { x: Math.min(n[0], n[2]), y: Math.min(n[1], n[3]), w: Math.abs(n[2] - n[0]), h: Math.abs(n[3] - n[1]) };
}

/** Removes annotations that meet a redaction (and their pop-ups). */
function dropAnnotations(page: PDFPage, boxes: Rect[]): void {
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (!annots) return;
  const kept = annots.asArray().filter((ref) => {
    const a = page.doc.context.lookup(ref);
    if (!(a instanceof PDFDict)) return false;
    const rect = annotationRect(a);
    if (!rect) return false;
    const parent = a.lookupMaybe(PDFName.of('Parent'), PDFDict);
    const parentRect = parent ? annotationRect(parent) : undefined;
    return !boxes.some((b) => intersects(rect, b) || (parentRect !== undefined && intersects(parentRect, b)));
  });
  if (kept.length === 0) page.node.delete(PDFName.of('Annots'));
  else page.node.set(PDFName.of('Annots'), page.doc.context.obj(kept));
}

function drawBoxes(page: PDFPage, boxes: Array<{ rect: Rect; label: string }>, font: PDFFont, rotate: number): void {
  for (const { rect, label } of boxes) {
    page.drawRectangle({ x: rect.x, y: rect.y, width: rect.w, height: rect.h, color: rgb(0, 0, 0), borderWidth: 0 });
    // The label reads upright on the page as shown: along the visible page's horizontal.
    const along = rotate === 90 || rotate === 270 ? rect.h : rect.w;
    const across = rotate === 90 || rotate === 270 ? rect.w : rect.h;
    let text = label;
    let size = Math.min(9, across * 0.6);
    if (font.widthOfTextAtSize(text, size) > along - 4) size = Math.max(4, (size * (along - 4)) / font.widthOfTextAtSize(text, size));
    if (size < 4.5 || font.widthOfTextAtSize(text, size) > along - 2) {
      text = 'Redacted';
      size = Math.min(9, across * 0.6);
      if (font.widthOfTextAtSize(text, size) > along - 2) size = (size * (along - 2)) / font.widthOfTextAtSize(text, size);
    }
    if (size < 3 || across < 4) continue;
    const w = font.widthOfTextAtSize(text, size);
    const cx = rect.x + rect.w / 2;
    const cy = rect.y + rect.h / 2;
    // Offsets from the centre to the start of the baseline, in the visible page's axes, then into user space.
    const dx = -w / 2;
    const dy = -size * 0.35;
    const turn = ((rotate % 360) + 360) % 360;
    const [ux, uy] = turn === 90 ? [-dy, dx] : turn === 180 ? [-dx, -dy] : turn === 270 ? [dy, -dx] : [dx, dy];
    page.drawText(text, { x: cx + ux, y: cy + uy, size, font, color: rgb(1, 1, 1), rotate: degrees(turn) });
  }
}

/**
 * Returns a copy of `pdf` with the redactions applied to their pages. `pages`
 * is the stored text of the source (for the words that stay).
 */
export async function applyRedactions(pdf: Uint8Array, pages: PageText[], redactions: Redaction[], options: { dpi?: number } = {}): Promise<Uint8Array> {
  const live = redactions.filter((r) => r.anchor.status !== 'orphaned');
  if (live.length === 0) return pdf;
  const byPage = new Map<number, Redaction[]>();
  for (const r of live) byPage.set(r.page, [...(byPage.get(r.page) ?? []), r]);
  const reader = await openPdf(pdf);
  const rasters = new Map<number, Raster>();
  try {
    for (const [n, list] of byPage) {
      if (n > reader.numPages) continue;
      rasters.set(n, await rasterise(reader, n, boxesOf(list).map((b) => b.rect), options.dpi ?? REDACTION_DPI));
    }
  } finally {
    await reader.destroy();
  }
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  for (const [n, list] of byPage) {
    const raster = rasters.get(n);
    const page = doc.getPages()[n - 1];
    const text = pages.find((p) => p.page === n);
    if (!raster || !page) continue;
    const boxes = boxesOf(list);
    replaceContent(doc, page, raster);
    dropAnnotations(page, boxes.map((b) => b.rect));
    if (text) await addInvisibleWords(doc, page, remainingWords(text, list));
    drawBoxes(page, boxes, font, page.getRotation().angle);
  }
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}
