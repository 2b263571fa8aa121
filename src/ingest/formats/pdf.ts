/**
 * PDF input (born-digital or scanned). The original is used as it is when
 * possible; `ingest/pdf.ts` decides when a copy must be decrypted, flattened
 * or repaired. The text of its pages is read in the same worker pass
 * (ingest/pdf-import.ts). Pages without a text layer are left to the OCR step.
 */
import type { DeclaredMetadata } from '../rendition.ts';
import { SIG, startsWith } from './sniff.ts';
import type { SourceFormatModule } from './types.ts';

/** Some producers put junk before "%PDF-"; readers accept it within the first 1 KB. */
function looksLikePdf(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length - SIG.pdf.length, 1024);
  for (let i = 0; i <= limit; i++) if (startsWith(bytes, SIG.pdf, i)) return true;
  return false;
}

export const pdfFormat: SourceFormatModule = {
  id: 'pdf',
  format: 'pdf',
  label: 'PDF document',
  extensions: ['pdf'],
  ocr: 'pages-without-text',
  detect: (bytes) => (looksLikePdf(bytes) ? { ext: 'pdf' } : undefined),
  async render(input, ctx) {
    // Untrusted bytes are parsed in the PDF worker, under its time and memory limits: checks, trial copy and text in one pass.
    const { prepared: pdf, text } = await (await import('../pdf-worker.ts')).importPdfInWorker(input.name, input.bytes, ctx.extracting, ctx.pdfLimits);
    const declared: DeclaredMetadata = { ...(pdf.title ? { title: pdf.title } : {}), ...(pdf.author ? { author: pdf.author } : {}) };
    return { documentPdf: pdf.documentPdf, flags: pdf.flags, declared, text };
  },
};
