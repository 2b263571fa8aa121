/**
 * Issue 9's "done when", end to end through the command line: import a
 * statement, redact a name and an address by text and a photograph by area,
 * build; neither pdftotext nor pdfjs finds the redacted strings anywhere in
 * the bundle, the other words on those pages are still there, the original
 * file is byte-for-byte unchanged, and the anonymised case warns about the
 * appellant's name before redaction and not after.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPdf } from '../../src/pdf/pdfjs.ts';
import { sanad } from '../helpers/cli.ts';
import { statementPdf } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-redact-'));
const ws = join(dir, 'ws');
const source = join(dir, 'statement.pdf');
let id = '';
let sourceBytes: Uint8Array;

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function pdfjsText(file: string): Promise<string[]> {
  const doc = await openPdf(new Uint8Array(readFileSync(file)));
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    pages.push((await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  const outline = (await doc.getOutline()) ?? [];
  const titles = JSON.stringify(outline, (k, v) => (k === 'dest' ? undefined : v));
  const meta = JSON.stringify((await doc.getMetadata()).info);
  await doc.destroy();
  return [...pages, titles, meta];
}

/** The RGB pixel at (x, y) of a PPM image. */
function ppmPixel(file: string, x: number, y: number): [number, number, number] {
  const buf = readFileSync(file);
  const header = buf.subarray(0, 50).toString('latin1').split(/\s+/);
  const width = Number(header[1]);
  let offset = 0;
  let fields = 0;
  while (fields < 4) {
    while (/\s/.test(String.fromCharCode(buf[offset]!))) offset++;
    while (!/\s/.test(String.fromCharCode(buf[offset]!))) offset++;
    fields++;
  }
  offset++;
  const at = offset + (y * width + x) * 3;
  return [buf[at]!, buf[at + 1]!, buf[at + 2]!];
}

beforeAll(async () => {
  sourceBytes = await statementPdf();
  writeFileSync(source, sourceBytes);
  expect((await sanad(ws, 'init')).code).toBe(0);
  const created = await sanad(ws, 'case', 'new', 'la-2026', '--title', 'LA v SSHD', '--appellant', 'Liaquat Ali', '--anonymise', '--protect', '0300 1234567', '--json');
  expect(created.code, created.stderr).toBe(0);
  const imported = await sanad(ws, 'import', source, '--case', 'la-2026', '--title', 'Statement of Liaquat Ali', '--type', 'statement', '--json');
  expect(imported.code, imported.stderr).toBe(0);
  id = imported.json<Array<{ id: string }>>()[0]!.id;
  expect((await sanad(ws, 'case', 'add', 'la-2026', id)).code).toBe(0);
});

describe('redaction through the command line (issue 9 acceptance)', () => {
  it('warns before redaction that the anonymised appellant is named, on which bundle pages', async () => {
    const shown = await sanad(ws, 'case', 'show', 'la-2026', '--json');
    const warnings = shown.json<{ warnings: Array<{ code: string; term?: string; message: string }> }>().warnings;
    const names = warnings.filter((w) => w.code === 'protected-name');
    expect(names.map((w) => w.term).sort()).toEqual(['0300 1234567', 'Liaquat Ali']);
    expect(names.find((w) => w.term === 'Liaquat Ali')!.message).toMatch(/'Liaquat Ali' appears on "Statement of Liaquat Ali" pages 1 and 2: redact it or confirm/);
    const built = await sanad(ws, 'build', 'la-2026', '--out', join(dir, 'before.pdf'), '--json');
    expect(built.code, built.stderr).toBe(0);
    const w = built.json<{ warnings: string[] }>().warnings;
    expect(w.find((x) => x.startsWith("'Liaquat Ali' appears on bundle pages"))).toMatch(/^'Liaquat Ali' appears on bundle pages \d+ and \d+: redact it or confirm\.$/);
    expect(existsSync(join(dir, 'before.redactions.json'))).toBe(false);
  });

  it('redacts a name everywhere (across a hyphenated line break), an address, and an area', async () => {
    const name = await sanad(ws, 'redact', id, '--text', 'Liaquat Ali', '--reason', 'anonymity-order', '--by', 'A. Solicitor', '--json');
    expect(name.code, name.stderr).toBe(0);
    const names = name.json<Array<{ id: string; page: number; quote: { exact: string } }>>();
    expect(names.map((r) => r.page)).toEqual([1, 2]);
    expect(names[1]!.quote.exact).toBe('Lia- quat Ali');
    const address = await sanad(ws, 'redact', id, '--text', '14 alamdar road', '--page', '1', '--reason', 'third-party data', '--json');
    expect(address.code, address.stderr).toBe(0);
    const area = await sanad(ws, 'redact', id, '--page', '1', '--rect', '72,292,200,150', '--reason', 'other: family photograph', '--json');
    expect(area.code, area.stderr).toBe(0);
    expect(area.json<Array<{ rects: unknown }>>()[0]!.rects).toEqual([{ x: 72, y: 399.89, w: 200, h: 150 }]);
    const list = await sanad(ws, 'redactions', id, '--json');
    expect(list.json<unknown[]>()).toHaveLength(4);
    const human = await sanad(ws, 'redactions');
    expect(human.stdout).toMatch(/Redacted: anonymity order/);
    expect(human.stdout).toMatch(/Redacted: family photograph/);
  });

  it('refuses a bad rectangle and an absent text with a clear message, leaving the redactions as they were', async () => {
    const before = readFileSync(join(ws, 'cases', 'la-2026', 'sources', id, 'redactions.json'));
    const bad = await sanad(ws, 'redact', id, '--page', '1', '--rect', '72,100,abc');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--rect expects X,Y,W,H/);
    const missing = await sanad(ws, 'redact', id, '--text', 'Zulfiqar Khan');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/Zulfiqar Khan/);
    expect(readFileSync(join(ws, 'cases', 'la-2026', 'sources', id, 'redactions.json'))).toEqual(before);
  });

  it('builds a bundle in which nothing redacted can be found, while the rest stays searchable', async () => {
    const out = join(dir, 'bundle.pdf');
    const built = await sanad(ws, 'build', 'la-2026', '--out', out, '--json');
    expect(built.code, built.stderr).toBe(0);
    const warnings = built.json<{ warnings: string[] }>().warnings;
    expect(warnings.some((w) => w.includes('Liaquat Ali'))).toBe(false);
    expect(warnings.some((w) => w.startsWith("'0300 1234567' appears on bundle page "))).toBe(true);

    const poppler = execFileSync('pdftotext', ['-layout', out, '-']).toString();
    const pdfjs = (await pdfjsText(out)).join('\n');
    for (const text of [poppler, pdfjs]) {
      expect(text).not.toMatch(/Liaquat/i);
      expect(text).not.toMatch(/quat Ali/i);
      expect(text).not.toMatch(/Alamdar/i);
      expect(text).toMatch(/born in Quetta/);
      expect(text).toMatch(/Hazara Town/);
      expect(text).toMatch(/The threats began in 2019/);
      expect(text).toMatch(/in the letter they left/);
      expect(text).toMatch(/Redacted/);
    }
    // Bookmarks, index and metadata name the document without the name.
    expect(pdfjs).toMatch(/Statement of \[redacted\]/);
    // Raw file, uncompressed: no literal string anywhere.
    const qdf = join(dir, 'bundle.qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', out, qdf]);
    expect(readFileSync(qdf).toString('latin1')).not.toMatch(/Liaquat|Alamdar/i);
    expect(readFileSync(out.replace(/\.pdf$/, '.report.json'), 'utf8')).not.toMatch(/Liaquat|Alamdar/i);
    // The photograph is gone: the area is black in a render by poppler.
    const report = JSON.parse(readFileSync(out.replace(/\.pdf$/, '.report.json'), 'utf8')) as { documents: Array<{ firstPage: number }>; redactions: Array<{ kind: string; bundlePage: number }> };
    const page = report.documents[0]!.firstPage;
    expect(report.redactions.filter((r) => r.kind === 'area').map((r) => r.bundlePage)).toEqual([page]);
    const ppm = join(dir, 'page');
    execFileSync('pdftoppm', ['-r', '50', '-f', String(page), '-l', String(page), '-singlefile', out, ppm]);
    // (72+100, 841.89-475) pt → pixels at 50 dpi, inside the photograph's area but away from the label.
    const [r, g, b] = ppmPixel(`${ppm}.ppm`, Math.round((72 + 30) * 50 / 72), Math.round((841.89 - 430) * 50 / 72));
    expect(r + g + b).toBeLessThan(60);
    // The original is untouched.
    const original = readFileSync(join(ws, 'cases', 'la-2026', 'sources', id, 'original.pdf'));
    expect(sha(original)).toBe(sha(sourceBytes));
    // sanad verify re-checks the redacted areas from the report.
    const verified = await sanad(ws, 'verify', out);
    expect(verified.code, verified.stderr).toBe(0);
  });

  it('writes a redaction log beside the bundle, never inside it', async () => {
    const log = JSON.parse(readFileSync(join(dir, 'bundle.redactions.json'), 'utf8')) as { redactions: Array<{ reason: string; createdBy: string | null; bundlePage: number }> };
    expect(log.redactions).toHaveLength(4);
    expect(log.redactions.map((r) => r.reason).sort()).toEqual(['anonymity order', 'anonymity order', 'other: family photograph', 'third-party data']);
    expect(log.redactions.filter((r) => r.createdBy === 'A. Solicitor')).toHaveLength(2);
    const pdf = execFileSync('pdftotext', [join(dir, 'bundle.redactions.pdf'), '-']).toString();
    expect(pdf).toMatch(/Redaction log/);
    expect(pdf).toMatch(/third-party data/);
    expect(execFileSync('pdftotext', [join(dir, 'bundle.pdf'), '-']).toString()).not.toMatch(/Redaction log/);
  });

  it('the anonymity warning is gone from case show once redacted', async () => {
    const shown = await sanad(ws, 'case', 'show', 'la-2026', '--json');
    const terms = shown.json<{ warnings: Array<{ code: string; term?: string }> }>().warnings.filter((w) => w.code === 'protected-name').map((w) => w.term);
    expect(terms).toEqual(['0300 1234567']);
  });

  it('unredact removes a redaction', async () => {
    const list = (await sanad(ws, 'redactions', id, '--json')).json<Array<{ id: string; kind: string }>>();
    const area = list.find((r) => r.kind === 'area')!;
    const removed = await sanad(ws, 'unredact', area.id, '--json');
    expect(removed.code, removed.stderr).toBe(0);
    expect((await sanad(ws, 'redactions', id, '--json')).json<unknown[]>()).toHaveLength(3);
    const again = await sanad(ws, 'unredact', area.id);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/sanad redactions/);
  });
});
