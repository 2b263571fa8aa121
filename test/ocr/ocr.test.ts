/**
 * The OCR module on generated scans: offline (a child process whose every
 * thread has the network stubbed to fail), the invisible word-by-word text
 * layer read back by pdfjs and pdftotext, extra languages from the
 * workspace's ocr/ folder, cancellation, and `sanad ocr` re-running a source.
 */
import { gunzipSync } from 'node:zlib';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { OcrCancelledError, OcrLanguageMissingError } from '../../src/errors.ts';
import { resolveLanguages, parseLanguages } from '../../src/ocr/languages.ts';
import { addOcrTextLayer } from '../../src/ocr/text-layer.ts';
import { addInvisibleWords } from '../../src/pdf/invisible-text.ts';
import { extractText } from '../../src/pdf/text.ts';
import { sanad } from '../helpers/cli.ts';
import { scannedPdf, textImage } from '../ingest/ocr-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-ocr-'));
const URDU_DATA = '/usr/share/tesseract-ocr/5/tessdata/urd.traineddata';

describe('OCR engine offline', () => {
  it('recognises a scan while every thread has the network blocked, and no request is attempted', () => {
    const png = textImage(join(dir, 'offline.png'), ['Threats were traced to Karachi by the police.'], { height: 800 });
    const log = join(dir, 'net.log');
    writeFileSync(log, '');
    const r = spawnSync(process.execPath, ['--import', join(__dirname, 'offline-stub.mjs'), '--import', 'tsx', join(__dirname, 'offline-run.mts'), png], {
      env: { ...process.env, SANAD_NET_LOG: log },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Threats were traced to Karachi by the police.');
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines.filter((l) => l.startsWith('NETWORK'))).toEqual([]);
    // The stub ran in the main thread and in both OCR worker threads.
    expect(lines.filter((l) => l.startsWith('loaded ')).length).toBeGreaterThanOrEqual(3);
    expect(lines).toContain('loaded 0');
  }, 150_000);
});

describe('invisible text layer', () => {
  it('places each word over its box in render mode 3, read back in order by pdfjs and pdftotext, RTL included', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const page = doc.addPage([595, 842]);
    await addInvisibleWords(doc, page, [
      { text: 'Threats', x: 50, y: 700, width: 80, height: 20 },
      { text: 'traced', x: 140, y: 700, width: 60, height: 20 },
      { text: 'Karachi.', x: 210, y: 700, width: 90, height: 20 },
      { text: 'دھمکی', x: 50, y: 660, width: 60, height: 20 },
    ]);
    const bytes = await doc.save();
    const [text] = await extractText(bytes);
    expect(text!.text).toBe('Threats traced Karachi.\nدھمکی');
    expect(text!.runs[0]!.rect).toEqual({ x: 50, y: 700, w: 250, h: 20 });
    const file = join(dir, 'invisible.pdf');
    writeFileSync(file, bytes);
    expect(execFileSync('pdftotext', [file, '-']).toString()).toMatch(/Threats traced Karachi\.\n+\u202B?دھمکی/);
    // Nothing is painted: the page renders blank.
    expect(String(bytes.length)).toBeTruthy();
    const content = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-']).toString('latin1');
    expect(content).toMatch(/3 Tr/);
  });
});

describe('OCR text layer on a scanned PDF', () => {
  it('adds words at their place on the page and reports confidence per page', async () => {
    const png = textImage(join(dir, 'fir.png'), ['FIRST INFORMATION REPORT', 'The appellant was threatened in Quetta.']);
    const pdf = await scannedPdf([png, png]);
    const before = await extractText(pdf);
    expect(before.every((p) => p.text === '')).toBe(true);
    const progress: number[] = [];
    const r = await addOcrTextLayer(pdf, [2], before, { onProgress: (p) => progress.push(p.done) });
    expect(progress).toEqual([0, 1]);
    expect(r.pages).toHaveLength(1);
    expect(r.pages[0]).toMatchObject({ page: 2 });
    expect(r.pages[0]!.confidence).toBeGreaterThan(85);
    const after = await extractText(r.documentPdf);
    expect(after[0]!.text).toBe('');
    expect(after[1]!.text).toContain('The appellant was threatened in Quetta.');
    // "FIRST" starts 0.9 in from the left and its line 1.2 in from the top (300 dpi drawing).
    const first = after[1]!.runs[0]!.rect;
    expect(first.x).toBeGreaterThan(0.9 * 72 - 3);
    expect(first.x).toBeLessThan(0.9 * 72 + 3);
    expect(first.y).toBeGreaterThan(841.89 - 1.2 * 72 - 5);
    expect(first.y).toBeLessThan(841.89 - 1.2 * 72 + 20);
    // The input bytes come first, unchanged (incremental update).
    expect(Buffer.from(r.documentPdf.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);
  }, 120_000);

  it('stops when cancelled, with a typed error', async () => {
    const png = textImage(join(dir, 'cancel.png'), ['Cancelled page']);
    const pdf = await scannedPdf([png, png, png]);
    const controller = new AbortController();
    const run = addOcrTextLayer(pdf, [1, 2, 3], await extractText(pdf), { signal: controller.signal, onProgress: (p) => { if (p.done === 1) controller.abort(); } });
    await expect(run).rejects.toBeInstanceOf(OcrCancelledError);
  }, 120_000);
});

describe('OCR languages', () => {
  it('parses eng+urd and refuses nonsense', () => {
    expect(parseLanguages('eng+urd')).toEqual(['eng', 'urd']);
    expect(() => parseLanguages('eng+../x')).toThrow(/not a list of OCR languages/);
  });

  it('names the missing language file and where to put it', async () => {
    const ocrDir = join(dir, 'empty-ocr');
    await expect(resolveLanguages(['eng', 'pus'], ocrDir)).rejects.toBeInstanceOf(OcrLanguageMissingError);
    await expect(resolveLanguages(['pus'], ocrDir)).rejects.toThrow(/pus\.traineddata.*tesseract-ocr-pus/);
  });

  it.skipIf(!existsSync(URDU_DATA))('sanad ocr --lang eng+urd re-runs a scan with Urdu from the workspace ocr/ folder and keeps its excerpt', async () => {
    const ws = join(dir, 'ws');
    expect((await sanad(ws, 'init')).code).toBe(0);
    const png = textImage(join(dir, 'letter.png'), ['Threat letter delivered to the family in Quetta.']);
    const file = join(dir, 'letter-scan.pdf');
    writeFileSync(file, await scannedPdf([png]));
    const imported = await sanad(ws, 'import', file, '--json');
    const id = imported.json<Array<{ id: string }>>()[0]!.id;
    expect((await sanad(ws, 'tag', id, '--quote', 'delivered to the family', '--tag', 'Threat patterns')).code).toBe(0);
    const missing = await sanad(ws, 'ocr', id, '--lang', 'eng+urd');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/urd\.traineddata/);
    mkdirSync(join(ws, 'ocr'), { recursive: true });
    copyFileSync(URDU_DATA, join(ws, 'ocr', 'urd.traineddata'));
    const r = await sanad(ws, 'ocr', id, '--lang', 'eng+urd', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ id, languages: ['eng', 'urd'], reanchored: 1, orphaned: [] });
    const meta = JSON.parse(readFileSync(join(ws, 'library', 'sources', id, 'source.json'), 'utf8'));
    expect(meta.ocr.languages).toEqual(['eng', 'urd']);
    expect(meta.previousEditions).toEqual([]);
    const text = JSON.parse(gunzipSync(readFileSync(join(ws, 'library', 'sources', id, 'text.json.gz'))).toString('utf8'));
    expect(text.pages[0].text).toContain('delivered to the family');
  }, 180_000);
});
