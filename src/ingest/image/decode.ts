/**
 * Decodes any image Sanad imports into upright pages ready for a rendition:
 * EXIF orientation applied (a sideways phone photo stands up), one page per
 * TIFF page (faxes, CCITT G3/G4 included: libvips reads them), the first
 * frame of an animated GIF, HEIC through libheif (heic-decode: sharp's
 * prebuilt libvips reads AVIF but not HEVC). Pages are scaled to at most
 * A4 at 300 dpi; photos become JPEG, line art and faxes PNG.
 */
import sharp, { type Sharp } from 'sharp';
import { DamagedSourceError } from '../../errors.ts';
import type { ImageExt } from './detect.ts';

export interface ImagePage {
  bytes: Uint8Array;
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

/** A4 at 300 dpi. */
const LONG = 3508;
const SHORT = 2480;

/** heic-decode (ISC; libheif compiled to JavaScript, LGPL-3.0, used as a library) ships no types. */
type HeicDecode = (input: { buffer: Uint8Array }) => Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
const HEIC_DECODE = 'heic-decode';

/**
 * libheif reports a file it cannot read with console.log before heic-decode throws: on the
 * command line that lands on standard output, in the middle of `sanad --json`'s result. Those
 * messages (exactly these) are kept from the console; the last one becomes the error's cause.
 */
const LIBHEIF_SAYS = /^(Could not create HEIF context|Could not get image data for id|Could not parse HEIF file|Decoding image failed|Error loading image ids|No images found)$/;
let libheifSaid: string | undefined;
let libheifQuiet = false;

/** A libheif console argument as text: its errors are objects with a message; its handles say nothing. */
function said(arg: unknown): string | undefined {
  if (typeof arg !== 'object' || arg === null) return String(arg);
  const message = (arg as { message?: unknown }).message;
  return typeof message === 'string' && message ? message : undefined;
}

function quietLibheif(): void {
  if (libheifQuiet) return;
  libheifQuiet = true;
  const log = console.log.bind(console);
  console.log = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && LIBHEIF_SAYS.test(args[0])) libheifSaid = args.map(said).filter((a) => a !== undefined).join(': ');
    else log(...args);
  };
}

async function heicToPng(bytes: Uint8Array): Promise<Buffer> {
  const { default: decode } = (await import(HEIC_DECODE)) as { default: HeicDecode };
  quietLibheif();
  libheifSaid = undefined;
  let image: Awaited<ReturnType<HeicDecode>>;
  try {
    image = await decode({ buffer: bytes });
  } catch (error) {
    throw libheifSaid ? new Error(libheifSaid, { cause: error }) : error;
  }
  return sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), { raw: { width: image.width, height: image.height, channels: 4 } }).png().toBuffer();
}

async function page(input: Sharp, photo: boolean): Promise<ImagePage> {
  const upright = input.rotate();
  const { data: oriented, info: size } = await upright.png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
  const landscape = size.width > size.height;
  const box = landscape ? { width: LONG, height: SHORT } : { width: SHORT, height: LONG };
  const fitted = sharp(oriented).resize({ ...box, fit: 'inside', withoutEnlargement: true }).flatten({ background: '#ffffff' });
  const encoded = photo ? fitted.jpeg({ quality: 88, mozjpeg: true }) : fitted.png({ compressionLevel: 9, palette: false });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { bytes: new Uint8Array(data), mime: photo ? 'image/jpeg' : 'image/png', width: info.width, height: info.height };
}

export async function decodeImage(name: string, bytes: Uint8Array, ext: ImageExt): Promise<ImagePage[]> {
  try {
    if (ext === 'heic') return [await page(sharp(await heicToPng(bytes)), true)];
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const meta = await sharp(buffer).metadata();
    const photo = ext === 'jpg' || ext === 'webp' || ext === 'avif';
    if (ext === 'tif') {
      const pages: ImagePage[] = [];
      const count = meta.pages ?? 1;
      // Scans and faxes stay lossless.
      for (let i = 0; i < count; i++) pages.push(await page(sharp(buffer, { page: i }), false));
      return pages;
    }
    return [await page(sharp(buffer, { page: 0 }), photo)];
  } catch (error) {
    throw new DamagedSourceError(name, 'the image cannot be decoded', error, 'image');
  }
}
