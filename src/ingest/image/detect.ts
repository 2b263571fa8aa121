/**
 * Recognises image files by their first bytes (names lie: iPhones send
 * ".JPG" files that are HEIC). Returns the extension the original is stored
 * under, or undefined when the bytes are no image Sanad reads.
 */

export type ImageExt = 'jpg' | 'png' | 'gif' | 'webp' | 'tif' | 'heic' | 'avif';

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);

export function detectImage(bytes: Uint8Array): ImageExt | undefined {
  // JPEG and PNG are known from their first bytes; the other signatures need twelve.
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.length >= 4 && bytes[0] === 0x89 && ascii(bytes, 1, 4) === 'PNG') return 'png';
  if (bytes.length < 12) return undefined;
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if ((bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a && bytes[3] === 0) || (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0 && bytes[3] === 0x2a)) return 'tif';
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const major = ascii(bytes, 8, 12);
    if (major === 'avif' || major === 'avis') return 'avif';
    if (HEIF_BRANDS.has(major)) return 'heic';
  }
  return undefined;
}
