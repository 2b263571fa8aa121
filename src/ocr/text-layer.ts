/**
 * OCR as a step any format can ask for: the chosen pages of a PDF are
 * rendered (~300 dpi), recognised by the engine in worker threads, and the
 * words written back onto the same pages as an invisible text layer placed
 * word by word (src/pdf/invisible-text.ts). The PDF is updated incrementally
 * when it can be: the bytes before the update are the input's, unchanged.
 * Words that fall on text the page already has (a rendition's caption) are
 * left out, so nothing is read twice.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import { OcrCancelledError } from '../errors.ts';
import type { PageText, Rect } from '../model/index.ts';
import { addInvisibleWords, type PlacedWord } from '../pdf/invisible-text.ts';
import { openPdf } from '../pdf/pdfjs.ts';
import { createOcrEngine, type OcrEngine, type OcrPageResult } from './engine.ts';
import { resolveLanguages } from './languages.ts';
import type { OcrProgress } from './pages.ts';
import { renderPageForOcr, type RenderedPage } from './render-page.ts';

export interface OcrPageInfo {
  page: number;
  /** Mean word confidence, 0–100. */
  confidence: number;
  words: number;
}

export interface OcrOptions {
  /** Tesseract language codes, e.g. ["eng", "urd"] (default ["eng"]). */
  languages?: string[];
  /** The workspace's `ocr/` folder, where extra languages live. */
  ocrDir?: string;
  workers?: number;
  dpi?: number;
  signal?: AbortSignal;
  onProgress?: (p: OcrProgress) => void;
  /** An engine already started (the caller terminates it); one is started and stopped here otherwise. */
  engine?: OcrEngine;
}

export interface OcrResult {
  documentPdf: Uint8Array;
  pages: OcrPageInfo[];
  languages: string[];
}

function overlaps(a: Rect, b: Rect): boolean {
  const cx = a.x + a.w / 2;
  const cy = a.y + a.h / 2;
  return cx >= b.x && cx <= b.x + b.w && cy >= b.y && cy <= b.y + b.h;
}

function angleOf(rendered: RenderedPage): 0 | 90 | 180 | 270 {
  const [x0, y0] = rendered.toUser(0, 0);
  const [x1, y1] = rendered.toUser(100, 0);
  const deg = Math.round(Math.atan2(y1 - y0, x1 - x0) / (Math.PI / 2)) * 90;
  return (((deg % 360) + 360) % 360) as 0 | 90 | 180 | 270;
}

/**
 * OCR words (pixels) → user-space words: each word's own width, its line's
 * height, so a line shares one baseline. The confidence is that of the words
 * kept (a caption's small print, left out, does not count).
 */
export function placeWords(result: OcrPageResult, rendered: RenderedPage, existing: Rect[]): { words: PlacedWord[]; confidence: number } {
  const out: PlacedWord[] = [];
  let weighted = 0;
  let chars = 0;
  for (const line of result.lines) {
    for (const word of line.words) {
      const [ax, ay] = rendered.toUser(word.box.x0, line.box.y0);
      const [bx, by] = rendered.toUser(word.box.x1, line.box.y1);
      const rect = { x: Math.min(ax, bx), y: Math.min(ay, by), w: Math.abs(bx - ax), h: Math.abs(by - ay) };
      if (rect.w <= 0 || rect.h <= 0) continue;
      if (existing.some((r) => overlaps(rect, r))) continue;
      out.push({ text: word.text, x: rect.x, y: rect.y, width: rect.w, height: rect.h });
      weighted += word.confidence * word.text.length;
      chars += word.text.length;
    }
  }
  return { words: out, confidence: chars === 0 ? 100 : Math.round((weighted / chars) * 10) / 10 };
}

async function loadForUpdate(bytes: Uint8Array): Promise<{ doc: PDFDocument; incremental: boolean }> {
  const options = { updateMetadata: false, throwOnInvalidObject: false, warnOnInvalidObjects: false };
  try {
    return { doc: await PDFDocument.load(bytes, { ...options, forIncrementalUpdate: true }), incremental: true };
  } catch {
    return { doc: await PDFDocument.load(bytes, options), incremental: false };
  }
}

/** Adds an OCR text layer to `pages` (1-based) of `pdf`; `text` is the PDF's current page text. */
export async function addOcrTextLayer(pdf: Uint8Array, pages: number[], text: PageText[], options: OcrOptions = {}): Promise<OcrResult> {
  const languages = options.languages ?? ['eng'];
  if (pages.length === 0) return { documentPdf: pdf, pages: [], languages };
  const engine = options.engine ?? await createOcrEngine({
    languages: await resolveLanguages(languages, options.ocrDir),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const pdfjsDoc = await openPdf(pdf);
  try {
    const { doc, incremental } = await loadForUpdate(pdf);
    const info: OcrPageInfo[] = [];
    let done = 0;
    options.onProgress?.({ done, total: pages.length });
    // Render page n+1 while page n is being recognised: rendering is the main thread's, recognition the workers'.
    const rendered = new Map<number, Promise<RenderedPage>>();
    const render = (n: number) => {
      if (!rendered.has(n)) rendered.set(n, renderPageForOcr(pdfjsDoc, n, options.dpi ?? 300));
      return rendered.get(n)!;
    };
    const work = pages.map(async (n, i) => {
      const page = await render(n);
      rendered.delete(n);
      const next = pages[i + 1];
      if (next !== undefined) void render(next).catch(() => undefined);
      if (options.signal?.aborted) throw new OcrCancelledError();
      const result = await engine.recognize(page.png, options.signal);
      const existing = (text[n - 1]?.runs ?? []).map((r) => r.rect);
      const { words, confidence } = placeWords(result, page, existing);
      await addInvisibleWords(doc, doc.getPage(n - 1), words, { angle: angleOf(page) });
      info.push({ page: n, confidence, words: words.length });
      options.onProgress?.({ done: ++done, total: pages.length });
    });
    await Promise.all(work);
    if (options.signal?.aborted) throw new OcrCancelledError();
    info.sort((a, b) => a.page - b.page);
    const documentPdf = incremental ? await doc.commit({}) : await doc.save({ updateFieldAppearances: false });
    return { documentPdf, pages: info, languages };
  } finally {
    await pdfjsDoc.destroy();
    if (!options.engine) await engine.terminate();
  }
}
