/**
 * A source's OCR state at a glance, in the library and the reader: "OCR 96%"
 * when a text layer was added (warning colours and the pages to check when
 * Tesseract was unsure), "No text" when a scan has no searchable text yet.
 */
import type { SourceSummary } from '../../../src/api/views.ts';
import { lowConfidencePages, lowConfidenceWarning, meanConfidence } from '../../../src/ocr/confidence.ts';

export function OcrBadge({ source }: { source: Pick<SourceSummary, 'flags' | 'ocr'> }) {
  if (source.flags.includes('ocr') && source.ocr) {
    const mean = meanConfidence(source);
    const low = lowConfidencePages(source);
    const languages = source.ocr.languages.join('+');
    const title = low.length > 0
      ? `Text recognised by OCR (${languages}): ${lowConfidenceWarning(source)}.`
      : `Text recognised by OCR (${languages}) on ${source.ocr.pages.length} page(s); mean confidence ${mean ?? '—'}%.`;
    return (
      <span className={`badge ${low.length > 0 ? 'badge-warning' : 'badge-info'}`} title={title} data-testid="ocr-badge">
        OCR{mean === undefined ? '' : ` ${mean}%`}{low.length > 0 ? ` · check p. ${low.join(', ')}` : ''}
      </span>
    );
  }
  if (source.flags.includes('no-text-layer')) {
    return (
      <span className="badge badge-warning" title="No searchable text: run OCR on it (sanad ocr) before quoting it." data-testid="ocr-badge">
        No text
      </span>
    );
  }
  return null;
}
