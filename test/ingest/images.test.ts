/**
 * Image input decoded upright, page by page, with its capture metadata: a
 * sideways iPhone JPEG (EXIF orientation 6), HEIC, WebP, GIF and a two-page
 * CCITT G4 fax TIFF, all generated here. OCR is off in these tests (see
 * test/integration/scans-and-photos.test.ts for the whole path with OCR).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { DamagedSourceError } from '../../src/errors.ts';
import { PACKAGE_ROOT } from '../../src/paths.ts';
import { readCapture } from '../../src/ingest/image/capture.ts';
import { decodeImage } from '../../src/ingest/image/decode.ts';
import { detectImage } from '../../src/ingest/image/detect.ts';
import { prepareSource } from '../../src/ingest/index.ts';
import { openPdf } from '../../src/pdf/pdfjs.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { faxTiff, heicPhoto, sidewaysJpeg, textImage } from './ocr-fixtures.ts';
import { readFileSync } from 'node:fs';

const dir = mkdtempSync(join(tmpdir(), 'sanad-images-'));
const printer = new ChromiumPrinter();
afterAll(() => printer.close());
const bytesOf = (file: string) => new Uint8Array(readFileSync(file));

describe('image decoding', () => {
  it('turns a sideways iPhone photo upright (EXIF orientation 6) and reads its capture metadata, GPS only on request', async () => {
    const file = sidewaysJpeg(dir, ['Leave Quetta before Muharram.']);
    const stored = await sharp(file).metadata();
    expect([stored.width, stored.height, stored.orientation]).toEqual([1000, 1400, 6]);
    const [page] = await decodeImage('IMG_0412.JPG', bytesOf(file), 'jpg');
    expect([page!.width, page!.height, page!.mime]).toEqual([1400, 1000, 'image/jpeg']);
    expect(await readCapture(bytesOf(file))).toEqual({ capturedAt: '2026-03-04T10:15:30+05:00', camera: { make: 'Apple', model: 'iPhone 13' }, orientation: 6 });
    const withGps = await readCapture(bytesOf(file), { keepGps: true });
    expect(withGps.gps!.latitude).toBeCloseTo(30.1798, 3);
    expect(withGps.gps!.longitude).toBeCloseTo(66.975, 3);
  });

  it('decodes HEIC (HEVC) through libheif', async () => {
    const file = heicPhoto(dir, ['The school bus was stopped.']);
    expect(detectImage(bytesOf(file))).toBe('heic');
    const [page] = await decodeImage('IMG_0413.HEIC', bytesOf(file), 'heic');
    expect([page!.width, page!.height]).toEqual([1400, 900]);
  });

  it('gives one page per page of a CCITT Group 4 fax TIFF', async () => {
    const file = faxTiff(dir, [['Page one'], ['Page two']]);
    expect(execFileSync('identify', ['-format', '%C ', file]).toString().trim()).toBe('Group4 Group4');
    expect(detectImage(bytesOf(file))).toBe('tif');
    const pages = await decodeImage('fax.tif', bytesOf(file), 'tif');
    expect(pages.map((p) => [p.mime, p.width, p.height])).toEqual([['image/png', 1654, 2338], ['image/png', 1654, 2338]]);
  });

  it('reads WebP and GIF, and refuses a damaged image naming the file', async () => {
    const png = textImage(join(dir, 'small.png'), ['WebP and GIF'], { width: 600, height: 300, dpi: 150 });
    const webp = await sharp(png).webp().toBuffer();
    const gif = await sharp(png).gif().toBuffer();
    expect(detectImage(webp)).toBe('webp');
    expect(detectImage(gif)).toBe('gif');
    expect((await decodeImage('a.webp', webp, 'webp'))[0]!.width).toBe(600);
    expect((await decodeImage('a.gif', gif, 'gif'))[0]!.mime).toBe('image/png');
    const broken = new Uint8Array(webp.subarray(0, 40));
    await expect(decodeImage('broken.webp', broken, 'webp')).rejects.toBeInstanceOf(DamagedSourceError);
    await expect(decodeImage('broken.webp', broken, 'webp')).rejects.toThrow(/broken\.webp/);
    // Advice for a photo, not a PDF's.
    await expect(decodeImage('broken.webp', broken, 'webp')).rejects.toThrow(
      'broken.webp is damaged and could not be repaired (the image cannot be decoded): copy it from the phone or camera again, or open it in an image viewer and save a new copy, then import it.',
    );
  });

  it('refuses a damaged HEIC with libheif\'s reason as the cause, and keeps that reason off the command\'s standard output', async () => {
    const whole = bytesOf(heicPhoto(dir, ['Cut short.']));
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    const error = await decodeImage('IMG_0414.HEIC', cut, 'heic').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DamagedSourceError);
    expect(((error as Error).cause as Error).message).toMatch(/^(Could not parse HEIF file|Decoding image failed): \w/);
    // libheif prints that reason with console.log: on the command line, standard output carries --json results.
    const file = join(dir, 'IMG_0414.HEIC');
    writeFileSync(file, cut);
    const bin = join(PACKAGE_ROOT, 'bin', 'sanad.js');
    const ws = join(dir, 'ws-heic');
    execFileSync(process.execPath, [bin, '--workspace', ws, 'init']);
    const run = spawnSync(process.execPath, [bin, '--workspace', ws, '--json', 'import', '--ocr', 'never', file], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(/HEIF/);
    expect(run.stderr).toContain('IMG_0414.HEIC is damaged and could not be repaired (the image cannot be decoded): copy it from the phone or camera again');
  });
});

describe('image renditions', () => {
  it('puts each fax page on its own A4 page with a "Page n of 2" caption', async () => {
    const file = faxTiff(dir, [['First'], ['Second']]);
    const src = await prepareSource(file, { printer, scope: { kind: 'library' }, ocr: 'never' });
    expect(src.meta).toMatchObject({ format: 'image', pages: 2, originalFile: 'original.tif' });
    expect(src.text[0]!.text).toContain('Page 1 of 2');
    expect(src.text[1]!.text).toContain('Page 2 of 2');
    const doc = await openPdf(src.documentPdf);
    expect(doc.numPages).toBe(2);
    await doc.destroy();
  });

  it('shows the capture in the caption and keeps GPS only with keepGps', async () => {
    const file = sidewaysJpeg(dir, ['Caption test']);
    const dropped = await prepareSource(file, { printer, scope: { kind: 'library' }, ocr: 'never' });
    expect(dropped.meta.gps).toBeUndefined();
    expect(dropped.text[0]!.text).toContain('Taken 4 March 2026, 10:15 (+05:00) · Camera: Apple iPhone 13');
    expect(dropped.text[0]!.text).not.toContain('Position');
    const kept = await prepareSource(file, { printer, scope: { kind: 'library' }, ocr: 'never', keepGps: true });
    expect(kept.meta.gps!.latitude).toBeCloseTo(30.1798, 3);
    expect(kept.text[0]!.text).toContain('Position: 30.17980, 66.97500');
    writeFileSync(join(dir, 'kept.pdf'), kept.documentPdf);
  });
});
