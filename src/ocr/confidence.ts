/**
 * What OCR confidence means for a caseworker: a page whose words Tesseract
 * is unsure of must be checked by eye before it is quoted. One threshold and
 * one wording, shared by import warnings, build warnings, the CLI and the app.
 */
import type { SourceMeta } from '../model/index.ts';

/** Pages whose mean word confidence (0–100) is below this are flagged. */
export const LOW_CONFIDENCE = 70;

/** The pages (1-based) of `meta` whose OCR confidence is low; empty when OCR never ran. */
export function lowConfidencePages(meta: Pick<SourceMeta, 'ocr'>): number[] {
  return (meta.ocr?.pages ?? []).filter((p) => p.words > 0 && p.confidence < LOW_CONFIDENCE).map((p) => p.page);
}

/** "check OCR on page 3" / "check OCR on pages 2, 5": undefined when every page is fine. */
export function lowConfidenceWarning(meta: Pick<SourceMeta, 'ocr'>): string | undefined {
  const pages = lowConfidencePages(meta);
  if (pages.length === 0) return undefined;
  return `check OCR on page${pages.length > 1 ? 's' : ''} ${pages.join(', ')}: the text was recognised with low confidence, so compare quotes with the image`;
}

/** Mean confidence over the OCRed pages that have words, rounded; undefined when OCR never ran. */
export function meanConfidence(meta: Pick<SourceMeta, 'ocr'>): number | undefined {
  const pages = (meta.ocr?.pages ?? []).filter((p) => p.words > 0);
  if (pages.length === 0) return undefined;
  return Math.round(pages.reduce((s, p) => s + p.confidence, 0) / pages.length);
}
