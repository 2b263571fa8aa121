/**
 * The OCR step of an import or a re-run: decides which pages to read (the
 * mode, plus pages the format knows are pictures), adds the text layer,
 * re-extracts the page text through the one extraction everything uses, and
 * returns the flags and the confidence record to store with the source.
 */
import type { OcrInfo, PageText, SourceFlag } from '../model/index.ts';
import { pagesToOcr, type OcrMode, type OcrProgress } from './pages.ts';

export const OCR_ENGINE = 'tesseract.js';

export interface ApplyOcrOptions {
  mode: OcrMode;
  /** Every page is a picture (image renditions): read them all in auto mode. */
  pictures?: boolean;
  languages?: string[];
  ocrDir?: string;
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (p: OcrProgress) => void;
}

export interface AppliedOcr {
  documentPdf: Uint8Array;
  text: PageText[];
  flags: SourceFlag[];
  ocr?: OcrInfo;
}

export async function applyOcr(documentPdf: Uint8Array, text: PageText[], options: ApplyOcrOptions): Promise<AppliedOcr> {
  const pictures = options.pictures ? text.map((p) => p.page) : [];
  const pages = pagesToOcr(text, options.mode, pictures);
  const noText = !text.some((p) => p.text.trim().length > 0);
  if (pages.length === 0) return { documentPdf, text, flags: noText ? ['no-text-layer'] : [] };
  // The engine, canvas and pdf-lib load only when a page needs reading.
  const { addOcrTextLayer } = await import('./text-layer.ts');
  const result = await addOcrTextLayer(documentPdf, pages, text, {
    ...(options.languages ? { languages: options.languages } : {}),
    ...(options.ocrDir ? { ocrDir: options.ocrDir } : {}),
    ...(options.workers ? { workers: options.workers } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const { extractText } = await import('../pdf/text.ts');
  const newText = await extractText(result.documentPdf);
  const stillEmpty = !newText.some((p) => p.text.trim().length > 0);
  return {
    documentPdf: result.documentPdf,
    text: newText,
    flags: stillEmpty ? ['no-text-layer', 'ocr'] : ['ocr'],
    ocr: { engine: OCR_ENGINE, languages: result.languages, pages: result.pages },
  };
}
