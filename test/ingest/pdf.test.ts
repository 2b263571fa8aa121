import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PDFDocument } from '@cantoo/pdf-lib';
import { prepareSource, type PrepareOptions } from '../../src/ingest/index.ts';
import { DamagedSourceError, EmptyFileError, EncryptedSourceError, InvalidInputError, UnsupportedFileError } from '../../src/errors.ts';
import { extractText } from '../../src/pdf/text.ts';
import type { Printer } from '../../src/print/printer.ts';
import { formPdf, noTextPdf, qpdfEncrypt, scratchDir, textPdf, write } from './fixtures.ts';

/** PDFs never need the printer: a printer that fails proves it. */
const noPrinter: Printer = {
  printHtml: () => Promise.reject(new Error('the printer must not be used for PDF input')),
  close: () => Promise.resolve(),
};
const options: PrepareOptions = { printer: noPrinter, scope: { kind: 'library' }, now: new Date('2026-01-02T03:04:05Z') };
const dir = scratchDir();

describe('prepareSource with PDF input', () => {
  it('keeps a sound PDF byte-for-byte, with identity, metadata from the Info dictionary, and text per page', async () => {
    const bytes = await (await textPdf(['Threats traced to Karachi', 'Second page about Quetta'], { title: 'Country report', author: 'HRW' })).save();
    const file = await write(dir, 'report.pdf', bytes);
    const progress: string[] = [];
    const src = await prepareSource(file, { ...options, onProgress: (p) => progress.push(`${p.stage}:${p.done}/${p.total}`) });
    expect(src.documentPdf).toEqual(bytes);
    expect(src.original).toEqual(bytes);
    expect(src.meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(src.meta.id).toBe(`s-${src.meta.sha256.slice(0, 16)}`);
    expect(src.meta).toMatchObject({ originalName: 'report.pdf', originalFile: 'original.pdf', format: 'pdf', pages: 2, flags: [], title: 'Country report', author: 'HRW', importedAt: '2026-01-02T03:04:05.000Z' });
    expect(src.text.map((p) => p.text.trim())).toEqual(['Threats traced to Karachi', 'Second page about Quetta']);
    expect(progress).toContain('extracting:2/2');
    expect(progress[0]).toBe('reading:0/1');
  });

  it('lets the caller\'s metadata win and falls back to the file name for the title', async () => {
    const file = await write(dir, 'hrw_walking_dead.pdf', await (await textPdf(['x'])).save());
    const plain = await prepareSource(file, options);
    expect(plain.meta.title).toBe('hrw walking dead');
    const given = await prepareSource(file, { ...options, metadata: { title: "We are the Walking Dead", published: '2014-06', type: 'report', url: 'https://www.hrw.org/report' } });
    expect(given.meta).toMatchObject({ title: 'We are the Walking Dead', published: '2014-06', url: 'https://www.hrw.org/report' });
    await expect(prepareSource(file, { ...options, metadata: { published: '29/06/2014' } })).rejects.toThrow(/hrw_walking_dead\.pdf.*published/);
  });

  it('decrypts a PDF with an empty user password and flags it', async () => {
    const plain = await write(dir, 'plain.pdf', await (await textPdf(['Encrypted report about Quetta'])).save());
    const enc = `${dir}/empty-password.pdf`;
    qpdfEncrypt(plain, enc, '');
    const src = await prepareSource(enc, options);
    expect(src.meta.flags).toEqual(['decrypted']);
    expect(src.original).toEqual(new Uint8Array(readFileSync(enc)));
    expect(src.documentPdf).not.toEqual(src.original);
    const reopened = await PDFDocument.load(src.documentPdf); // throws if still encrypted
    expect(reopened.isEncrypted).toBe(false);
    expect(src.text[0]!.text).toContain('Encrypted report about Quetta');
  });

  it('refuses a PDF that needs a real password, naming the file', async () => {
    const plain = await write(dir, 'plain2.pdf', await (await textPdf(['secret'])).save());
    const enc = `${dir}/locked.pdf`;
    qpdfEncrypt(plain, enc, 'user-secret');
    const err = await prepareSource(enc, options).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EncryptedSourceError);
    expect((err as Error).message).toMatch(/^locked\.pdf is protected by a password/);
  });

  it('refuses a truncated PDF instead of importing it with pages missing', async () => {
    for (const objectStreams of [true, false]) {
      const bytes = await (await textPdf(['one', 'two', 'three', 'four', 'five'])).save({ useObjectStreams: objectStreams });
      const file = await write(dir, `cut-${objectStreams}.pdf`, bytes.slice(0, Math.floor(bytes.length * 0.6)));
      const err = await prepareSource(file, options).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DamagedSourceError);
      expect((err as Error).message).toContain(`cut-${objectStreams}.pdf is damaged`);
    }
  });

  it('repairs a PDF whose cross-reference offset is wrong, and flags it', async () => {
    const bytes = await (await textPdf(['first page', 'second page'])).save({ useObjectStreams: false });
    const text = Buffer.from(bytes).toString('latin1').replace(/startxref\s+(\d+)/, (_m, n: string) => `startxref\n${Number(n) + 7}`);
    const file = await write(dir, 'bad-xref.pdf', Buffer.from(text, 'latin1'));
    const src = await prepareSource(file, options);
    expect(src.meta.flags).toEqual(['repaired']);
    expect(src.documentPdf).not.toEqual(src.original);
    expect((await extractText(src.documentPdf)).map((p) => p.text.trim())).toEqual(['first page', 'second page']);
  });

  it('flattens a filled form so the value is page content', async () => {
    const file = await write(dir, 'form.pdf', await formPdf());
    const src = await prepareSource(file, options);
    expect(src.meta.flags).toEqual(['forms-flattened']);
    const doc = await PDFDocument.load(src.documentPdf);
    expect(doc.getForm().getFields()).toHaveLength(0);
    expect(src.text[0]!.text).toContain('Ali Hussain Hazara');
  });

  it('imports a PDF without a text layer and flags it when OCR is off', async () => {
    const file = await write(dir, 'scan.pdf', await noTextPdf());
    const src = await prepareSource(file, { ...options, ocr: 'never' });
    expect(src.meta.pages).toBe(2);
    expect(src.meta.flags).toEqual(['no-text-layer']);
    expect(src.documentPdf).toEqual(src.original);
  });

  it('refuses empty, unsupported and missing files with typed errors naming them', async () => {
    const empty = await write(dir, 'empty.pdf', new Uint8Array());
    await expect(prepareSource(empty, options)).rejects.toThrow(EmptyFileError);
    await expect(prepareSource(empty, options)).rejects.toThrow(/^empty\.pdf is empty/);
    // A .docx is a ZIP container: PK\x03\x04 then binary data.
    const docx = await write(dir, 'statement.docx', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64, 1)]));
    await expect(prepareSource(docx, options)).rejects.toThrow(UnsupportedFileError);
    await expect(prepareSource(docx, options)).rejects.toThrow(/^statement\.docx is not a format Sanad imports/);
    const missing = `${dir}/nowhere.pdf`;
    const err = await prepareSource(missing, options).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as Error).message).toContain('nowhere.pdf does not exist');
  });

  it('recognises a PDF by its bytes whatever its name, and never stores a full path', async () => {
    const file = await write(dir, 'misnamed.txt', await (await textPdf(['really a PDF'])).save());
    const src = await prepareSource(file, options);
    expect(src.meta).toMatchObject({ format: 'pdf', originalName: 'misnamed.txt', originalFile: 'original.pdf' });
    expect(JSON.stringify(src.meta)).not.toContain(dir);
  });
});
