/**
 * Which pages OCR reads, kept apart from the engine so deciding costs
 * nothing: loading tesseract.js and the canvas happens only when a page
 * actually needs reading.
 */
import type { PageText } from '../model/index.ts';

export type OcrMode = 'auto' | 'always' | 'never';

export interface OcrProgress {
  done: number;
  total: number;
}

/**
 * The pages OCR should read: `auto` takes pages with no text plus the pages
 * the format knows are pictures (`imagePages`); `always` takes every page.
 */
export function pagesToOcr(text: PageText[], mode: OcrMode, imagePages: number[] = []): number[] {
  if (mode === 'never') return [];
  if (mode === 'always') return text.map((p) => p.page);
  const pictures = new Set(imagePages);
  return text.filter((p) => pictures.has(p.page) || p.text.trim().length === 0).map((p) => p.page);
}
