/**
 * The OCR hook of the import pipeline. Any format whose module asks for it
 * (`ocr: 'pages-without-text'`: PDFs, photos, scans) has its document passed
 * to the registered OCR step after text extraction; the step returns the
 * document with an invisible text layer and the new page text. No step is
 * registered by default: the OCR engine (src/ocr/) registers itself with
 * `setOcrStep`, so the pipeline does not depend on it.
 */
import type { PageText, SourceFlag } from '../model/index.ts';

/** `auto`: pages without a text layer; `always`: every page; `never`: skip. */
export type OcrMode = 'auto' | 'always' | 'never';

export interface OcrRequest {
  /** Base name of the imported file, for messages. */
  name: string;
  documentPdf: Uint8Array;
  text: PageText[];
  flags: SourceFlag[];
  mode: Exclude<OcrMode, 'never'>;
  onProgress?: (done: number, total: number) => void;
}

export interface OcrOutcome {
  documentPdf: Uint8Array;
  text: PageText[];
  flags: SourceFlag[];
}

export type OcrStep = (request: OcrRequest) => Promise<OcrOutcome>;

let step: OcrStep | undefined;

/** Installs (or with undefined removes) the OCR step every import runs through. */
export function setOcrStep(next: OcrStep | undefined): void {
  step = next;
}

export function ocrStep(): OcrStep | undefined {
  return step;
}
