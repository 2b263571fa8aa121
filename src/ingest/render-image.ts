/**
 * Photos and scans (JPEG, PNG, HEIC/HEIF, WebP, GIF, multi-page TIFF faxes):
 * decoded upright (EXIF orientation applied) into one A4 page per image
 * page, each fitted inside the printable area with a caption. The work is
 * in ./image/ (detect, decode, capture metadata, rendition).
 */
import { renderImageFile, type ImageRenderOptions, type ImageRendition } from './image/render.ts';

export type { ImageRendition };

export function renderImage(bytes: Uint8Array, ext: string, options: ImageRenderOptions = {}): Promise<ImageRendition> {
  return renderImageFile(bytes, ext, options);
}
