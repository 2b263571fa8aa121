/**
 * Damage found by fuzzing the import (bytes of real PDFs flipped, zeroed, cut or repeated, each
 * file imported with `sanad import`, the survivors built into one bundle). Each kind used to end
 * in an "unexpected error", a reader thread that died with Node's own wording, a refusal that
 * blamed Sanad's own text, or an import that went through and then failed every bundle's
 * verification. The files here are generated to hold exactly that damage.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFNumber, StandardFonts } from '@cantoo/pdf-lib';
import { DamagedSourceError } from '../../src/errors.ts';
import { importPdf } from '../../src/ingest/pdf-import.ts';
import { preparePdf } from '../../src/ingest/pdf.ts';
import { importPdfInWorker, stopPdfWorker } from '../../src/ingest/pdf-worker.ts';
import { PageText } from '../../src/model/index.ts';
import { inflatePdfStream } from '../../src/pdf/inflate.ts';
import { extractText } from '../../src/pdf/text.ts';
import { trialCopy } from '../../src/bundle/trial.ts';
import { damagedContent, farBackFlate, noCatalog, zeroedPageObjects } from './broken-pdfs.ts';

afterAll(() => stopPdfWorker());

async function refusal(run: Promise<unknown>): Promise<DamagedSourceError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DamagedSourceError);
  return error as DamagedSourceError;
}

describe('import of fuzzed PDFs', () => {
  it('refuses a file with no catalog (nothing lists its pages), naming the file, on both ways in', async () => {
    for (const run of [importPdf('cut.pdf', noCatalog()), preparePdf('cut.pdf', noCatalog())]) {
      const e = await refusal(run);
      expect(e.file).toBe('cut.pdf');
      expect(e.message).toBe(
        'cut.pdf is damaged and could not be repaired (its catalog, the object that lists its pages, is missing; the file is probably cut short): download it again or re-save it from a PDF reader, then import it.',
      );
    }
  });

  it('refuses a page whose compressed content is damaged, naming the page, though pdf-lib and pdfjs read around it', async () => {
    const flate = farBackFlate();
    expect(() => inflateSync(flate)).toThrow(/invalid distance too far back/);
    const bytes = await damagedContent(flate);
    // The forgiving readers open every page: the damage would have surfaced only at a build's verification.
    expect((await extractText(bytes)).map((p) => p.text.trim())).toEqual(['Damaged content page 1 of 3', '', 'Damaged content page 3 of 3']);
    await expect(trialCopy(bytes)).rejects.toThrow('the content of page 2 cannot be decoded: its compressed data is damaged (invalid distance too far back)');
    const e = await refusal(importPdf('damaged.pdf', bytes));
    expect(e.message).toMatch(/^damaged\.pdf is damaged and could not be repaired \(it cannot be copied into a bundle: the content of page 2 cannot be decoded: its compressed data is damaged \(invalid distance too far back\)\): download it again/);
  });

  it('imports a page whose compressed content only has a wrong checksum, as readers show it', async () => {
    const content = 'BT /F1 14 Tf 72 760 Td (Checksum page) Tj ET';
    const zlib = deflateSync(Buffer.from(content, 'latin1'));
    zlib[zlib.length - 1] = zlib[zlib.length - 1]! ^ 0xff;
    expect(() => inflateSync(zlib)).toThrow(/incorrect data check/);
    expect(Buffer.from(inflatePdfStream(zlib)).toString('latin1')).toBe(content);

    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    page.node.setFontDictionary(PDFName.of('F1'), font.ref);
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(new Uint8Array(0))));
    const stream = doc.context.lookup(page.node.get(PDFName.of('Contents'))) as unknown as { contents: Uint8Array };
    stream.contents = zlib;
    const bytes = await doc.save({ useObjectStreams: false });
    const { prepared, text } = await importPdf('checksum.pdf', bytes);
    expect(prepared.documentPdf).toBe(bytes);
    expect(text[0]!.text.trim()).toBe('Checksum page');
  });

  it('refuses a file whose page objects were overwritten, with its own reason, in the reader thread that survives it', async () => {
    const bytes = await zeroedPageObjects();
    const e = await refusal(importPdfInWorker('zeroed.pdf', bytes));
    expect(e.message).not.toMatch(/reader stopped|unhandled|catch block/i);
    expect(e.message).toMatch(/^zeroed\.pdf is damaged and could not be repaired \(/);
    // The same thread reads the next file.
    const again = await refusal(importPdfInWorker('zeroed-again.pdf', bytes));
    expect(again.message).toMatch(/^zeroed-again\.pdf is damaged/);
  });

  it('repairs a file whose form entry is not a form, dropping it, instead of failing on it', async () => {
    for (const junk of ['number', 'fields'] as const) {
      const doc = await PDFDocument.create({ updateMetadata: false });
      const font = await doc.embedFont(StandardFonts.Helvetica);
      for (const n of [1, 2]) doc.addPage([595, 842]).drawText(`Form damage page ${n}`, { x: 72, y: 760, size: 14, font });
      // A flipped byte can leave /AcroForm pointing at anything; here a number, or a form whose /Fields is one.
      doc.catalog.set(PDFName.of('AcroForm'), junk === 'number' ? PDFNumber.of(5) : doc.context.obj({ Fields: 7 }));
      const bytes = await doc.save({ useObjectStreams: false });
      const { prepared, text } = await importPdf(`${junk}.pdf`, bytes);
      expect(prepared.flags).toEqual(['repaired']);
      expect(prepared.pages).toBe(2);
      const kept = await PDFDocument.load(prepared.documentPdf);
      expect(kept.catalog.get(PDFName.of('AcroForm'))).toBeUndefined();
      expect(text.map((p) => p.text.trim())).toEqual(['Form damage page 1', 'Form damage page 2']);
      await expect(trialCopy(prepared.documentPdf)).resolves.toBeUndefined();
    }
  });

  it('keeps the text of a line whose matrix overflows, without a box, instead of refusing the file', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([300, 300]);
    page.node.setFontDictionary(PDFName.of('F1'), font.ref);
    page.drawText('Readable line about Karachi', { x: 20, y: 250, size: 12, font });
    // A scale of 1 followed by 400 zeros: pdfjs reads it as Infinity, and the boxes come out NaN.
    page.node.addContentStream(doc.context.register(doc.context.stream(`BT /F1 12 Tf 1${'0'.repeat(400)} 0 0 1 20 200 Tm (Broken matrix line) Tj ET`)));
    const bytes = await doc.save();
    const [pageText] = await extractText(bytes);
    expect(pageText!.text.replace(/\s/g, '')).toContain('Brokenmatrixline');
    expect(pageText!.text).toContain('Readable line about Karachi');
    expect(PageText.safeParse(pageText).success).toBe(true);
    for (const run of pageText!.runs) expect([run.rect.x, run.rect.y, run.rect.w, run.rect.h].every(Number.isFinite)).toBe(true);
    const { text } = await importPdf('matrix.pdf', bytes);
    expect(text[0]!.text).toContain('Readable line about Karachi');
  });
});
