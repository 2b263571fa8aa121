/**
 * Photos and scans (JPEG, PNG), e.g. a photographed threat letter: one A4
 * page with the image fitted inside the printable area, aspect ratio kept,
 * and a caption. Chromium honours EXIF orientation (image-orientation:
 * from-image), so a phone photo is shown the right way up.
 */
import type { Rendition } from './rendition.ts';

export function renderImage(bytes: Uint8Array, ext: string): Rendition {
  const mime = ext === 'png' ? 'image/png' : 'image/jpeg';
  const src = `data:${mime};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
  return { template: 'rendition-image', data: { src }, declared: { type: 'photo' } };
}
