/**
 * Photos and scans in JPEG or PNG, recognised by signature. One A4 page with
 * the image fitted (see `render-image.ts`); the OCR step may add a text layer.
 * An image module handling more formats (HEIC, WebP, TIFF…) replaces this one
 * by registering with the same id "image".
 */
import { SIG, startsWith } from './sniff.ts';
import type { SourceFormatModule } from './types.ts';

export const imageFormat: SourceFormatModule = {
  id: 'image',
  format: 'image',
  label: 'photo or scan',
  extensions: ['jpg', 'jpeg', 'png'],
  ocr: 'pages-without-text',
  detect(bytes) {
    if (startsWith(bytes, SIG.jpeg)) return { ext: 'jpg' };
    if (startsWith(bytes, SIG.png)) return { ext: 'png' };
    return undefined;
  },
  async render(input) {
    return { rendition: (await import('../render-image.ts')).renderImage(input.bytes, input.ext) };
  },
};
