/**
 * Photos, scans and faxes: JPEG, PNG, HEIC/HEIF/AVIF, WebP, GIF and
 * multi-page TIFF (CCITT G3/G4 included), recognised by signature. Each
 * image page becomes an upright A4 page with a caption carrying the capture
 * metadata (see `image/`); every page is a picture, so the OCR step reads
 * them all.
 */
import { detectImage } from '../image/detect.ts';
import type { SourceFormatModule } from './types.ts';

export const imageFormat: SourceFormatModule = {
  id: 'image',
  format: 'image',
  label: 'photo or scan',
  extensions: ['jpg', 'jpeg', 'png', 'heic', 'heif', 'avif', 'webp', 'gif', 'tif', 'tiff'],
  ocr: 'pages-without-text',
  detect(bytes) {
    const ext = detectImage(bytes);
    return ext ? { ext } : undefined;
  },
  async render(input, context) {
    const rendition = await (await import('../render-image.ts')).renderImage(input.bytes, input.ext, { name: input.name, keepGps: context.keepGps === true });
    return { rendition };
  },
};
