/**
 * Scans, photos and faxes for the OCR and image tests, all generated here
 * with ImageMagick (text drawn in DejaVu Sans at 300 dpi), exiftool (EXIF
 * orientation and capture metadata), heif-enc (HEIC) and pdf-lib (a scanned
 * PDF: one image per page, no text layer).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';

const FONT = 'DejaVu-Sans';

/** An A4 page at `dpi` with `lines` of text, as a PNG file (optionally noisy, like a bad photocopy). */
export function textImage(file: string, lines: string[], options: { dpi?: number; width?: number; height?: number; pointsize?: number; noise?: boolean } = {}): string {
  const dpi = options.dpi ?? 300;
  const width = options.width ?? Math.round(8.27 * dpi);
  const height = options.height ?? Math.round(11.69 * dpi);
  const size = options.pointsize ?? 12;
  const args = ['-size', `${width}x${height}`, 'xc:white', '-density', String(dpi), '-units', 'PixelsPerInch', '-font', FONT, '-pointsize', String(size), '-fill', 'black'];
  const lineHeight = Math.round((size * 1.6 * dpi) / 72);
  lines.forEach((line, i) => args.push('-annotate', `+${Math.round(dpi * 0.9)}+${Math.round(dpi * 1.2) + i * lineHeight}`, line));
  if (options.noise) args.push('-attenuate', '0.6', '+noise', 'Gaussian', '-blur', '0x0.7', '-rotate', '0.8', '-gravity', 'center', '-extent', `${width}x${height}`);
  args.push('-type', 'Grayscale', file);
  execFileSync('convert', args);
  return file;
}

/** A PDF of scanned pages: each PNG drawn full-page on A4, nothing else (no text layer). */
export async function scannedPdf(pngFiles: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (const f of pngFiles) {
    const img = await doc.embedPng(readFileSync(f));
    const page = doc.addPage([595.28, 841.89]);
    page.drawImage(img, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  return doc.save();
}

/**
 * An iPhone-style photo stored sideways: the pixels are the upright letter
 * turned a quarter to the left, and EXIF Orientation 6 tells viewers to turn
 * it back. With capture date, make and model, and a GPS position.
 */
export function sidewaysJpeg(dir: string, lines: string[]): string {
  const upright = textImage(join(dir, 'letter-upright.png'), lines, { dpi: 200, width: 1400, height: 1000, pointsize: 14 });
  const file = join(dir, 'IMG_0412.JPG');
  execFileSync('convert', [upright, '-rotate', '-90', '-quality', '90', file]);
  execFileSync('exiftool', ['-q', '-overwrite_original', '-n', '-Orientation=6', '-DateTimeOriginal=2026:03:04 10:15:30', '-OffsetTimeOriginal=+05:00', '-Make=Apple', '-Model=iPhone 13', '-GPSLatitude=30.1798', '-GPSLatitudeRef=N', '-GPSLongitude=66.975', '-GPSLongitudeRef=E', file]);
  return file;
}

/** An HEIC photo (HEVC) made with libheif's heif-enc from a JPEG of the text. */
export function heicPhoto(dir: string, lines: string[]): string {
  const jpg = join(dir, 'heic-source.jpg');
  execFileSync('convert', [textImage(join(dir, 'heic-source.png'), lines, { dpi: 200, width: 1400, height: 900, pointsize: 14 }), '-type', 'TrueColor', '-quality', '95', jpg]);
  const file = join(dir, 'IMG_0413.HEIC');
  execFileSync('heif-enc', ['-q', '90', jpg, '-o', file]);
  return file;
}

/** A two-page fax: bilevel TIFF pages compressed CCITT Group 4, 204×196 dpi like a fine-mode fax. */
export function faxTiff(dir: string, pages: string[][]): string {
  const pngs = pages.map((lines, i) => textImage(join(dir, `fax-${i + 1}.png`), lines, { dpi: 200, pointsize: 12 }));
  const file = join(dir, 'fax-from-quetta.tif');
  execFileSync('convert', [...pngs, '-monochrome', '-compress', 'Group4', '-units', 'PixelsPerInch', '-density', '200', file]);
  return file;
}
