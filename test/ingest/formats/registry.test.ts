import { afterEach, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { acceptedExtensions, detectFormat, formatModules, prepareSource, registerFormat, setOcrStep, type PrepareOptions, type SourceFormatModule } from '../../../src/ingest/index.ts';
import { unregisterFormat } from '../../../src/ingest/formats/index.ts';
import { importExtensions } from '../../../src/model/import-formats.ts';
import type { Printer } from '../../../src/print/printer.ts';
import { noTextPdf, scratchDir, textPdf, write } from '../fixtures.ts';

const noPrinter: Printer = { printHtml: () => Promise.reject(new Error('no printing here')), close: () => Promise.resolve() };
const options: PrepareOptions = { printer: noPrinter, scope: { kind: 'library' }, now: new Date('2026-01-02T03:04:05Z') };
const dir = scratchDir();

afterEach(() => {
  unregisterFormat('test-note');
  setOcrStep(undefined);
});

describe('the format registry', () => {
  it('holds the built-in formats in detection order, signatures before names', () => {
    expect(formatModules().map((m) => m.id)).toEqual(['pdf', 'image', 'docx', 'msg', 'office', 'whatsapp', 'text', 'markdown', 'html', 'eml']);
    expect(detectFormat('letter.txt', new TextEncoder().encode('{\\rtf1 hello}'))).toEqual({ format: 'office', ext: 'rtf' });
    expect(detectFormat('x.docx', new TextEncoder().encode('plain words'))).toBeUndefined();
  });

  it('offers in the import dialog every extension a format module accepts', () => {
    const offered = importExtensions();
    expect(acceptedExtensions().filter((e) => !offered.includes(e))).toEqual([]);
  });

  it('takes a new format without touching the pipeline: detect, render its own PDF, declare metadata', async () => {
    const note: SourceFormatModule = {
      id: 'test-note',
      format: 'text',
      label: 'test note',
      extensions: ['note'],
      detect: (bytes, name) => (name.endsWith('.note') && bytes[0] === 0x4e ? { ext: 'note' } : undefined),
      async render(input) {
        const doc = await PDFDocument.create();
        const font = await doc.embedFont(StandardFonts.Helvetica);
        doc.addPage([300, 200]).drawText(`Note says ${new TextDecoder().decode(input.bytes)}`, { x: 20, y: 100, size: 12, font });
        return { documentPdf: await doc.save(), declared: { title: 'A test note', author: 'Registry test' } };
      },
    };
    registerFormat(note, { before: 'text' });
    expect(formatModules().map((m) => m.id).indexOf('test-note')).toBe(formatModules().map((m) => m.id).indexOf('text') - 1);
    const src = await prepareSource(await write(dir, 'a.note', 'NOTE Karachi'), options);
    expect(src.meta).toMatchObject({ title: 'A test note', author: 'Registry test', originalFile: 'original.note', pages: 1 });
    expect(src.text[0]!.text).toContain('Note says NOTE Karachi');
    // Registering the same id again replaces the module in place.
    registerFormat({ ...note, label: 'replaced' });
    expect(formatModules().filter((m) => m.id === 'test-note').map((m) => m.label)).toEqual(['replaced']);
  });

  it('runs the registered OCR step on formats that ask for it, and uses what it returns', async () => {
    const seen: Array<{ name: string; mode: string; pages: number }> = [];
    setOcrStep(async (request) => {
      seen.push({ name: request.name, mode: request.mode, pages: request.text.length });
      const withText = await (await textPdf(['Recognised words from the scan', 'Page two'])).save();
      const { extractText } = await import('../../../src/pdf/text.ts');
      return { documentPdf: withText, text: await extractText(withText), flags: request.flags };
    });
    const scan = await prepareSource(await write(dir, 'scan.pdf', await noTextPdf()), options);
    expect(seen).toEqual([{ name: 'scan.pdf', mode: 'auto', pages: 2 }]);
    expect(scan.meta.flags).not.toContain('no-text-layer');
    expect(scan.text[0]!.text).toContain('Recognised words from the scan');

    await prepareSource(await write(dir, 'scan2.pdf', await noTextPdf()), { ...options, ocr: 'never' });
    expect(seen).toHaveLength(1);
    // Without a step, a page with no text is flagged as before.
    setOcrStep(undefined);
    const flagged = await prepareSource(await write(dir, 'scan3.pdf', await noTextPdf()), options);
    expect(flagged.meta.flags).toContain('no-text-layer');
  });
});
