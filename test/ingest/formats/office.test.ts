import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ConverterMissingError } from '../../../src/errors.ts';
import { detectFormat, prepareSource, type PrepareOptions } from '../../../src/ingest/index.ts';
import { findSoffice } from '../../../src/ingest/formats/soffice.ts';
import { ChromiumPrinter } from '../../../src/print/chromium.ts';
import { scratchDir, write } from '../fixtures.ts';

const printer = new ChromiumPrinter();
afterAll(() => printer.close());
const options: PrepareOptions = { printer, scope: { kind: 'library' }, now: new Date('2026-01-02T03:04:05Z') };
const dir = scratchDir();
const soffice = findSoffice();
const pdftotext = (bytes: Uint8Array, name: string) => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-']).toString();
};

const RTF = String.raw`{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}
{\pard\b Statement of the sponsor\b0\par}
{\pard 1. The letter was left at the house in Quetta.\par}
{\pard 2. A second threat came from Karachi.\par}
}`;

/** Converts `file` with LibreOffice itself, to make inputs in formats no test library writes. */
function convertWithSoffice(file: string, to: string): string {
  execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/test-profile`, '--headless', '--convert-to', to, '--outdir', dir, file], { timeout: 120_000 });
  return file.replace(/\.[^.]+$/, `.${to.split(':')[0]}`);
}

describe('office files without LibreOffice', () => {
  const saved = process.env.SANAD_SOFFICE;
  afterEach(() => {
    if (saved === undefined) delete process.env.SANAD_SOFFICE;
    else process.env.SANAD_SOFFICE = saved;
  });

  it('refuses an RTF file, naming it and saying to install LibreOffice or save as PDF/DOCX', async () => {
    process.env.SANAD_SOFFICE = join(dir, 'no-such-soffice');
    const file = await write(dir, 'sponsor.rtf', RTF);
    expect(detectFormat('sponsor.rtf', readFileSync(file))).toEqual({ format: 'office', ext: 'rtf' });
    const error = await prepareSource(file, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConverterMissingError);
    expect((error as Error).message).toMatch(/sponsor\.rtf is a Rich Text document.*install LibreOffice.*PDF or \.docx/);
  });
});

describe.skipIf(!soffice)(`office files through LibreOffice${soffice ? '' : ' (skipped: soffice is not installed; apt-get install libreoffice-writer-nogui)'}`, () => {
  it('converts RTF, and .odt and .doc made from it, keeping their words', async () => {
    const rtf = await write(dir, 'sponsor.rtf', RTF);
    const odt = convertWithSoffice(rtf, 'odt');
    const doc = convertWithSoffice(rtf, 'doc:MS Word 97');
    for (const [file, ext] of [[rtf, 'rtf'], [odt, 'odt'], [doc, 'doc']] as const) {
      const src = await prepareSource(file, options);
      expect(src.meta).toMatchObject({ format: 'office', originalFile: `original.${ext}` });
      const text = pdftotext(src.documentPdf, `${ext}.pdf`);
      expect(text).toContain('Statement of the sponsor');
      expect(text).toContain('2. A second threat came from Karachi.');
      expect(src.text.map((p) => p.text).join(' ')).toContain('left at the house in Quetta');
    }
  }, 120_000);

  it('converts an Excel workbook', async () => {
    const csv = await write(dir, 'incidents.csv', 'Date,Place,Incident\n2024-03-12,Quetta,Threat letter\n2024-04-02,Karachi,Phone call\n');
    const xlsx = convertWithSoffice(csv, 'xlsx');
    const src = await prepareSource(xlsx, options);
    expect(src.meta).toMatchObject({ format: 'office', originalFile: 'original.xlsx' });
    expect(pdftotext(src.documentPdf, 'xlsx.pdf')).toMatch(/Karachi[\s\S]*Phone call/);
  }, 120_000);
});
