/**
 * Page text with geometry. Every part of Sanad that talks about "the text of
 * page N" (anchoring, search, verification) uses this one extraction so that
 * character offsets mean the same thing everywhere.
 */
import type { PageText, Rect, TextRun } from '../model/index.ts';
import { openPdf, type PDFDocumentProxy } from './pdfjs.ts';

interface PdfjsTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

function isTextItem(item: unknown): item is PdfjsTextItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

/** The axis-aligned box of a text item in user space, from its transform. */
export function itemRect(t: number[], width: number, height: number): Rect {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = t;
  const fontSize = Math.hypot(c, d) || Math.hypot(a, b) || height || 1;
  const along = Math.hypot(a, b) || 1;
  // Unit vectors along the baseline and "up" the glyphs.
  const ux = a / along;
  const uy = b / along;
  const up = Math.hypot(c, d) || 1;
  const vx = c / up;
  const vy = d / up;
  const descent = 0.25 * fontSize;
  const ascent = 0.95 * fontSize;
  const w = width;
  const corners = [
    [e - vx * descent, f - vy * descent],
    [e + ux * w - vx * descent, f + uy * w - vy * descent],
    [e + vx * ascent, f + vy * ascent],
    [e + ux * w + vx * ascent, f + uy * w + vy * ascent],
  ];
  const xs = corners.map((p) => p[0]!);
  const ys = corners.map((p) => p[1]!);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x: round(x), y: round(y), w: round(Math.max(...xs) - x), h: round(Math.max(...ys) - y) };
}

function isFiniteRect(r: Rect): boolean {
  return Number.isFinite(r.x) && Number.isFinite(r.y) && Number.isFinite(r.w) && Number.isFinite(r.h);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** What pageTextFromContent needs of a pdfjs page (a PDFPageProxy fits). */
export interface PageGeometry {
  view: number[];
  rotate: number;
}

/**
 * Builds the page text from a `getTextContent()` result the caller already
 * has, so a page's text content is fetched once however many uses it has.
 */
export function pageTextFromContent(pageNumber: number, page: PageGeometry, content: { items: unknown[] }): PageText {
  let text = '';
  const runs: TextRun[] = [];
  let prev: { x: number; y: number; end: number; size: number; eol: boolean } | undefined;
  for (const item of content.items) {
    if (!isTextItem(item)) continue;
    const t = item.transform;
    const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || item.height || 1;
    const x = t[4] ?? 0;
    const y = t[5] ?? 0;
    if (item.str.length > 0) {
      if (prev && !prev.eol && text.length > 0 && !/\s$/.test(text) && !/^\s/.test(item.str)) {
        // pdfjs did not mark a line end but the item starts elsewhere: a new line or a gap.
        const sameLine = Math.abs(y - prev.y) < prev.size * 0.5;
        if (!sameLine) text += '\n';
        else if (x - prev.end > prev.size * 0.15) text += ' ';
      }
      const start = text.length;
      text += item.str;
      // A damaged file can give a glyph a matrix or width that is not a number: its text is kept
      // (searchable, quotable) without a box, rather than the page or the file being lost.
      const rect = itemRect(t, item.width, item.height);
      if (isFiniteRect(rect)) runs.push({ start, end: text.length, rect });
    }
    if (item.hasEOL && text.length > 0 && !text.endsWith('\n')) text += '\n';
    prev = { x, y, end: x + item.width, size, eol: item.hasEOL };
  }
  const view = page.view;
  const rotate = (((page.rotate % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  return { page: pageNumber, view: [view[0] ?? 0, view[1] ?? 0, view[2] ?? 0, view[3] ?? 0], rotate, text, runs };
}

/** Extracts one page (1-based). */
export async function extractPageText(doc: PDFDocumentProxy, pageNumber: number): Promise<PageText> {
  const page = await doc.getPage(pageNumber);
  const content = await page.getTextContent();
  const text = pageTextFromContent(pageNumber, page, content);
  page.cleanup();
  return text;
}

/** Extracts every page, reporting progress after each one. */
export async function extractText(
  bytes: Uint8Array,
  onPage?: (done: number, total: number) => void,
): Promise<PageText[]> {
  const doc = await openPdf(bytes);
  try {
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      pages.push(await extractPageText(doc, n));
      onPage?.(n, doc.numPages);
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
