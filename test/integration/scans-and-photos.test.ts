/**
 * Issue 8's "done when" for scans, photos and faxes, through the command
 * line: a scanned PDF with no text, a sideways iPhone JPEG, an HEIC photo and
 * a two-page CCITT G4 fax are imported (OCR in auto mode); `sanad search`
 * finds a word from each (the fax's page-2 word on page 2); `sanad tag`
 * quotes a sentence of the scan; the bundle passes `sanad verify` and
 * pdftotext finds the scanned quote on its bundle page. All inputs are made
 * here (ImageMagick, exiftool, heif-enc, pdf-lib).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/bundle/report.ts';
import { openPdf } from '../../src/pdf/pdfjs.ts';
import { sanad } from '../helpers/cli.ts';
import { faxTiff, heicPhoto, scannedPdf, sidewaysJpeg, textImage } from '../ingest/ocr-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-scans-'));
const ws = join(dir, 'ws');
const input = join(dir, 'in');
const SCAN_QUOTE = 'armed men came to the house of the appellant in Quetta';
const files = { scan: '', photo: '', heic: '', fax: '' };
const ids = { scan: '', photo: '', heic: '', fax: '' };
interface Imported { id: string; title: string; pages: number; warnings: string[] }
interface Hit { sourceId: string; page: number }

beforeAll(async () => {
  mkdirSync(input, { recursive: true });
  const scanPage = textImage(join(input, 'fir.png'), ['FIRST INFORMATION REPORT', `The complainant states that ${SCAN_QUOTE} at night.`, 'They said the family would be followed wherever it went.']);
  files.scan = join(input, 'fir-scan.pdf');
  writeFileSync(files.scan, await scannedPdf([scanPage]));
  files.photo = sidewaysJpeg(input, ['We know where your brother sleeps.', 'Leave Quetta before Muharram.']);
  files.heic = heicPhoto(input, ['The school bus was stopped near Mariabad.']);
  files.fax = faxTiff(input, [['Police station fax, first page.'], ['The second page names Orangi as the caller location.']]);
  expect((await sanad(ws, 'init')).code).toBe(0);
}, 60_000);

describe('scans, photos and faxes: import, search, quote, bundle, verify', () => {
  it('imports all four with OCR, with no "no text layer" warning', async () => {
    const r = await sanad(ws, 'import', files.scan, files.photo, files.heic, files.fax, '--json');
    expect(r.stderr).not.toMatch(/no text layer/);
    expect(r.code).toBe(0);
    const out = r.json<Imported[]>();
    expect(out.map((o) => o.pages)).toEqual([1, 1, 1, 2]);
    [ids.scan, ids.photo, ids.heic, ids.fax] = out.map((o) => o.id) as [string, string, string, string];
    for (const id of Object.values(ids)) {
      const meta = JSON.parse(readFileSync(join(ws, 'library', 'sources', id, 'source.json'), 'utf8'));
      expect(meta.flags).toContain('ocr');
      expect(meta.flags).not.toContain('no-text-layer');
      expect(meta.ocr.languages).toEqual(['eng']);
      for (const p of meta.ocr.pages) expect(p.confidence).toBeGreaterThan(70);
    }
  }, 240_000);

  it('keeps the scan original byte for byte and adds the text layer as an incremental update', () => {
    const folder = join(ws, 'library', 'sources', ids.scan);
    const original = readFileSync(join(folder, 'original.pdf'));
    const document = readFileSync(join(folder, 'document.pdf'));
    expect(original.equals(readFileSync(files.scan))).toBe(true);
    expect(document.length).toBeGreaterThan(original.length);
    expect(document.subarray(0, original.length).equals(original)).toBe(true);
    expect(execFileSync('pdftotext', [join(folder, 'document.pdf'), '-']).toString().replace(/\s+/g, ' ')).toContain(SCAN_QUOTE);
  });

  it('stands the sideways photo upright and keeps its capture metadata, without GPS', async () => {
    const folder = join(ws, 'library', 'sources', ids.photo);
    const meta = JSON.parse(readFileSync(join(folder, 'source.json'), 'utf8'));
    expect(meta).toMatchObject({ capturedAt: '2026-03-04T10:15:30+05:00', camera: { make: 'Apple', model: 'iPhone 13' }, format: 'image', originalFile: 'original.jpg' });
    expect(meta.gps).toBeUndefined();
    const text = execFileSync('pdftotext', ['-layout', join(folder, 'document.pdf'), '-']).toString();
    // Read upright: the OCR found whole sentences (a sideways image gives none), and the caption shows the capture.
    expect(text).toContain('We know where your brother sleeps.');
    expect(text).toMatch(/Taken 4 March 2026, 10:15 \(\+05:00\) · Camera: Apple iPhone 13/);
    const doc = await openPdf(new Uint8Array(readFileSync(join(folder, 'document.pdf'))));
    const page = await doc.getPage(1);
    expect(page.rotate).toBe(0);
    expect(page.view.map(Math.round)).toEqual([0, 0, 595, 842]);
    // The words lie left to right along one baseline: upright text.
    const items = (await page.getTextContent()).items as Array<{ str: string; transform: number[] }>;
    const sleeps = items.find((i) => i.str.includes('sleeps'))!;
    expect(sleeps.transform[0]).toBeGreaterThan(0);
    expect(sleeps.transform[1]).toBe(0);
    await doc.destroy();
  });

  it('finds a word from each source with sanad search, the fax word on page 2', async () => {
    const find = async (word: string) => (await sanad(ws, 'search', word, '--json')).json<Hit[]>();
    expect((await find('complainant')).map((h) => [h.sourceId, h.page])).toContainEqual([ids.scan, 1]);
    expect((await find('Muharram')).map((h) => [h.sourceId, h.page])).toContainEqual([ids.photo, 1]);
    expect((await find('Mariabad')).map((h) => [h.sourceId, h.page])).toContainEqual([ids.heic, 1]);
    const orangi = await find('Orangi');
    expect(orangi.map((h) => [h.sourceId, h.page])).toEqual([[ids.fax, 2]]);
  }, 60_000);

  it('quotes a sentence of the scan with sanad tag, with rectangles on the words', async () => {
    const r = await sanad(ws, 'tag', ids.scan, '--quote', SCAN_QUOTE, '--tag', 'Threat patterns', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const excerpts = JSON.parse(readFileSync(join(ws, 'library', 'sources', ids.scan, 'excerpts.json'), 'utf8'));
    const e = (excerpts.excerpts ?? excerpts)[0];
    expect(e.page).toBe(1);
    expect(e.rects.length).toBeGreaterThan(0);
    // The words sit where the scan prints them: about 1.2 in from the top, 0.9 in from the left.
    const top = Math.max(...e.rects.map((q: { y: number; h: number }) => q.y + q.h));
    expect(top).toBeGreaterThan(841.89 - 1.2 * 72 - 40);
    expect(top).toBeLessThan(841.89 - 1.2 * 72 + 10);
    expect(Math.min(...e.rects.map((q: { x: number }) => q.x))).toBeGreaterThan(0.9 * 72 - 5);
  });

  it('builds a bundle that sanad verify passes, with the scanned quote on its bundle page for pdftotext', async () => {
    expect((await sanad(ws, 'case', 'new', 'hz-2026', '--title', 'HZ v SSHD')).code).toBe(0);
    expect((await sanad(ws, 'case', 'add', 'hz-2026', ids.scan, ids.photo, ids.heic, ids.fax)).code).toBe(0);
    const out = join(dir, 'bundle.pdf');
    const built = await sanad(ws, 'build', 'hz-2026', '--out', out);
    expect(built.code, built.stderr).toBe(0);
    const verified = await sanad(ws, 'verify', out);
    expect(verified.code, verified.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out.replace(/\.pdf$/, '.report.json'), 'utf8')) as BuildReport;
    const e = report.excerpts.find((x) => x.sourceId === ids.scan)!;
    const text = execFileSync('pdftotext', ['-f', String(e.bundlePage), '-l', String(e.bundlePage), out, '-']).toString().replace(/\s+/g, ' ');
    expect(text).toContain(SCAN_QUOTE);
    const fax = report.documents.find((d) => d.sourceId === ids.fax)!;
    const faxPage2 = execFileSync('pdftotext', ['-f', String(fax.firstPage + 1), '-l', String(fax.firstPage + 1), out, '-']).toString();
    expect(faxPage2).toContain('Orangi');
  }, 240_000);
});
