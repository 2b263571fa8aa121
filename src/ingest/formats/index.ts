/**
 * The built-in formats, in detection order: signatures first (PDF, images,
 * ZIP- and OLE-based files, RTF), then formats known only by their name.
 * Adding a format: write `formats/<name>.ts` exporting a `SourceFormatModule`
 * and add one line here (or call `registerFormat` from elsewhere).
 */
import { docxFormat } from './docx.ts';
import { emlFormat } from './email.ts';
import { htmlFormat } from './html.ts';
import { imageFormat } from './image.ts';
import { pdfFormat } from './pdf.ts';
import { registerFormat } from './registry.ts';
import { msgFormat } from './msg.ts';
import { officeFormat } from './office.ts';
import { markdownFormat, textFormat } from './text.ts';
import { whatsappFormat } from './whatsapp.ts';

for (const module of [pdfFormat, imageFormat, docxFormat, msgFormat, officeFormat, whatsappFormat, textFormat, markdownFormat, htmlFormat, emlFormat]) registerFormat(module);

export { acceptedExtensions, detectModule, formatModule, formatModules, registerFormat, unregisterFormat } from './registry.ts';
export type { ChildFile, Detected, FormatContext, FormatInput, FormatOutput, OcrWish, SourceFormatModule } from './types.ts';
