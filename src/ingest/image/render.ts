/**
 * The rendition of a photo or scan: each decoded page (see decode.ts) on its
 * own A4 page, fitted inside the printable area, with a caption giving the
 * title, the original file and its SHA-256, and the capture metadata (when,
 * which camera; the position only when the caseworker kept it). Every page
 * is a picture, so OCR reads them all (`pictures`).
 */
import type { Rendition } from '../rendition.ts';
import { readCapture, type Capture } from './capture.ts';
import { captureLines } from './caption.ts';
import { decodeImage } from './decode.ts';
import { detectImage, type ImageExt } from './detect.ts';

export interface ImageRenderOptions {
  /** File name for error messages. */
  name?: string;
  /** Keep the GPS position of a photo (default: dropped). */
  keepGps?: boolean;
}

export interface ImageRendition extends Rendition {
  /** Capture metadata to store with the source (SourceMeta.capturedAt/camera/gps). */
  capture: Omit<Capture, 'orientation'>;
  /** Every page of an image rendition is a picture: OCR reads them all. */
  pictures: true;
}

export async function renderImageFile(bytes: Uint8Array, ext: string, options: ImageRenderOptions = {}): Promise<ImageRendition> {
  const kind: ImageExt = detectImage(bytes) ?? (ext as ImageExt);
  const name = options.name ?? `image.${ext}`;
  const [pages, read] = await Promise.all([decodeImage(name, bytes, kind), readCapture(bytes, { keepGps: options.keepGps === true })]);
  const { orientation: _orientation, ...capture } = read;
  const images = pages.map((p, i) => ({
    src: `data:${p.mime};base64,${Buffer.from(p.bytes.buffer, p.bytes.byteOffset, p.bytes.byteLength).toString('base64')}`,
    pageLabel: pages.length > 1 ? `Page ${i + 1} of ${pages.length}` : '',
    last: i === pages.length - 1,
  }));
  return {
    template: 'rendition-image',
    data: { images, src: images[0]?.src, capture: captureLines(capture) },
    declared: { type: 'photo' },
    capture,
    pictures: true,
  };
}
