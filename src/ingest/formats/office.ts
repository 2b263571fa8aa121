/**
 * Office files Sanad cannot read itself: legacy Word (.doc), RTF,
 * OpenDocument (.odt, .ods, .odp), PowerPoint (.pptx, .ppt) and Excel
 * (.xlsx, .xls). LibreOffice converts them to PDF when it is installed
 * (`soffice.ts`); otherwise the import is refused with a message saying to
 * install it or save the file as PDF or .docx.
 */
import type { DeclaredMetadata } from '../rendition.ts';
import { cfbHasName, extOf, openDocumentMimetype, SIG, startsWith, zipEntryNames } from './sniff.ts';
import type { SourceFormatModule } from './types.ts';

const KIND: Record<string, string> = {
  doc: 'legacy Word document (.doc)',
  rtf: 'Rich Text document (.rtf)',
  odt: 'OpenDocument text (.odt)',
  ods: 'OpenDocument spreadsheet (.ods)',
  odp: 'OpenDocument presentation (.odp)',
  pptx: 'PowerPoint presentation (.pptx)',
  ppt: 'PowerPoint presentation (.ppt)',
  xlsx: 'Excel workbook (.xlsx)',
  xls: 'Excel workbook (.xls)',
};

const OPEN_DOCUMENT: Record<string, string> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

function detectOffice(bytes: Uint8Array, name: string): string | undefined {
  if (startsWith(bytes, SIG.rtf)) return 'rtf';
  const odf = openDocumentMimetype(bytes);
  if (odf && OPEN_DOCUMENT[odf]) return OPEN_DOCUMENT[odf];
  const entries = zipEntryNames(bytes);
  if (entries) {
    if (entries.includes('ppt/presentation.xml')) return 'pptx';
    if (entries.includes('xl/workbook.xml')) return 'xlsx';
    return undefined;
  }
  if (startsWith(bytes, SIG.cfb)) {
    const ext = extOf(name);
    if (cfbHasName(bytes, 'WordDocument')) return 'doc';
    if (cfbHasName(bytes, 'PowerPoint Document')) return 'ppt';
    if (cfbHasName(bytes, 'Workbook') || cfbHasName(bytes, 'Book')) return 'xls';
    if (['doc', 'xls', 'ppt'].includes(ext)) return ext;
  }
  return undefined;
}

export const officeFormat: SourceFormatModule = {
  id: 'office',
  format: 'office',
  label: 'office document (through LibreOffice)',
  extensions: ['doc', 'rtf', 'odt', 'ods', 'odp', 'pptx', 'ppt', 'xlsx', 'xls'],
  detect(bytes, name) {
    const ext = detectOffice(bytes, name);
    return ext ? { ext } : undefined;
  },
  async render(input) {
    const { convertToPdf } = await import('./soffice.ts');
    const pdf = await convertToPdf(input.name, input.bytes, input.ext, KIND[input.ext] ?? 'office document');
    const { PDFDocument } = await import('@cantoo/pdf-lib');
    const declared: DeclaredMetadata = {};
    try {
      const doc = await PDFDocument.load(pdf, { updateMetadata: false });
      const title = doc.getTitle()?.trim();
      const author = doc.getAuthor()?.trim();
      if (title) declared.title = title;
      if (author) declared.author = author;
    } catch {
      // The metadata is a nicety; text extraction reports a broken PDF.
    }
    return { documentPdf: pdf, declared };
  },
};
