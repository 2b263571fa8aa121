/**
 * Verification of redactions, after every build that has any: on each
 * redacted bundle page pdfjs must not find a redacted string, and every
 * redacted area must render opaque (pdfjs + canvas, pixels checked); in the
 * whole saved file, no string that the bundle hides everywhere may remain in
 * any decompressed stream or string object (metadata, bookmarks, link
 * targets, annotations), nor in the report.
 */
import { canvasModule } from '../pdf/canvas.ts';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, decodePDFRawStream, type PDFObject } from '@cantoo/pdf-lib';
import type { Rect } from '../model/index.ts';
import { matchKey } from '../anchor/normalise.ts';
import { openPdf, pdfjs } from '../pdf/pdfjs.ts';
import { pageTextFromContent } from '../pdf/text.ts';

export interface RedactedPageCheck {
  /** 1-based bundle page. */
  bundlePage: number;
  /** Boxes that must render opaque (user space of the page). */
  boxes: Rect[];
  /** Strings pdfjs must not find on that page. */
  strings: string[];
}

export interface RedactionVerification {
  pages: RedactedPageCheck[];
  /** Strings that must appear nowhere in the file or the report. */
  hidden: string[];
  /** Bundle pages also searched for the hidden strings with pdfjs (generated parts). */
  extraPages?: number[];
}

/** Share of a box's pixels that must be dark (the rest is the label). */
const OPAQUE_SHARE = 0.6;

function flat(s: string): string {
  return s.toLowerCase().replace(/[\s\u00AD-]+/gu, ' ');
}

async function opaque(page: Awaited<ReturnType<Awaited<ReturnType<typeof openPdf>>['getPage']>>, boxes: Rect[]): Promise<boolean[]> {
  const viewport = page.getViewport({ scale: 1 });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const canvas = canvasModule().createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport, annotationMode: pdfjs.AnnotationMode.ENABLE }).promise;
  return boxes.map((b) => {
    const [x0, y0, x1, y1] = viewport.convertToViewportRectangle([b.x, b.y, b.x + b.w, b.y + b.h]) as [number, number, number, number];
    const left = Math.max(0, Math.ceil(Math.min(x0, x1)) + 1);
    const top = Math.max(0, Math.ceil(Math.min(y0, y1)) + 1);
    const right = Math.min(width, Math.floor(Math.max(x0, x1)) - 1);
    const bottom = Math.min(height, Math.floor(Math.max(y0, y1)) - 1);
    if (right <= left || bottom <= top) return true;
    const data = ctx.getImageData(left, top, right - left, bottom - top).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 150) dark++;
    return dark / (data.length / 4) >= OPAQUE_SHARE;
  });
}

function stringsIn(obj: PDFObject | undefined, out: string[], depth = 0): void {
  if (!obj || depth > 8) return;
  if (obj instanceof PDFString || obj instanceof PDFHexString) out.push(obj.decodeText());
  else if (obj instanceof PDFArray) for (const x of obj.asArray()) stringsIn(x, out, depth + 1);
  else if (obj instanceof PDFDict) for (const [, v] of obj.entries()) stringsIn(v, out, depth + 1);
  else if (obj instanceof PDFRawStream) stringsIn(obj.dict, out, depth + 1);
}

/** Fonts, ICC profiles and other binary data: random bytes would give false alarms on short strings. */
function binary(bytes: Uint8Array): boolean {
  let odd = 0;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 9 || (b > 13 && b < 32)) odd++;
  }
  return n > 0 && odd / n > 0.05;
}

/** Every string object and every decompressed non-image, non-font stream of the file, flattened. */
async function rawTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
  const texts: string[] = [];
  const strings: string[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    stringsIn(obj, strings);
    if (!(obj instanceof PDFRawStream)) continue;
    const subtype = obj.dict.get(PDFName.of('Subtype'));
    if (subtype === PDFName.of('Image')) continue;
    try {
      const decoded = decodePDFRawStream(obj).decode();
      if (binary(decoded)) continue;
      texts.push(Buffer.from(decoded).toString('latin1'));
      texts.push(Buffer.from(decoded).toString('utf8'));
    } catch {
      // A filter pdf-lib cannot decode (images mostly): pdfjs's text check covers the page.
    }
  }
  texts.push(strings.join('\n'));
  return texts.map(flat);
}

/** Failures, each naming the bundle page or the place in the file; an empty list when all is well. */
export async function verifyRedactions(volumes: Array<{ bytes: Uint8Array; firstPage: number; lastPage: number }>, reportJson: string, checks: RedactionVerification): Promise<string[]> {
  const failures: string[] = [];
  const hidden = checks.hidden.map((h) => ({ text: h, flat: flat(h.replace(/\s+/gu, ' ').trim()), key: matchKey(h).text }));
  for (const v of volumes) {
    const doc = await openPdf(v.bytes);
    try {
      const pages = new Map<number, RedactedPageCheck>();
      for (const c of checks.pages) if (c.bundlePage >= v.firstPage && c.bundlePage <= v.lastPage) pages.set(c.bundlePage, c);
      for (const n of checks.extraPages ?? []) if (n >= v.firstPage && n <= v.lastPage && !pages.has(n)) pages.set(n, { bundlePage: n, boxes: [], strings: [] });
      for (const [n, c] of pages) {
        const page = await doc.getPage(n - v.firstPage + 1);
        const text = matchKey(pageTextFromContent(n, page, await page.getTextContent()).text).text;
        for (const s of [...c.strings, ...checks.hidden]) {
          const key = matchKey(s).text;
          if (key && text.includes(key)) failures.push(`bundle page ${n} still has the redacted text “${s}” in its text layer`);
        }
        const results = c.boxes.length > 0 ? await opaque(page, c.boxes) : [];
        results.forEach((ok, i) => {
          if (!ok) failures.push(`the redacted area ${i + 1} on bundle page ${n} is not opaque`);
        });
        page.cleanup();
      }
    } finally {
      await doc.destroy();
    }
    if (hidden.length > 0) {
      const texts = await rawTexts(v.bytes);
      for (const h of hidden) if (h.flat.length > 0 && texts.some((t) => t.includes(h.flat))) failures.push(`the file still contains the redacted text “${h.text}” (in its metadata, bookmarks, links, annotations or a content stream)`);
    }
  }
  const report = matchKey(reportJson).text;
  for (const h of hidden) if (h.key && report.includes(h.key)) failures.push(`the build report still contains the redacted text “${h.text}”`);
  return failures;
}
