import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName, PDFString, StandardFonts } from '@cantoo/pdf-lib';
import { findActiveContent } from '../../src/bundle/inert.ts';
import { checkInert, checkInertWithPdfLib } from '../../src/verify/inert.ts';
import { rawActiveContent } from '../../src/verify/raw-inert.ts';
import { RawPdf } from '../../src/verify/raw-pdf.ts';
import { hostilePdf } from '../bundle/hostile-fixtures.ts';

// The inert check reads every object with the raw reader instead of loading the
// whole file into pdf-lib: it must find exactly what findActiveContent (the
// assembler's rules, on pdf-lib) finds, in the same words and order, whether the
// objects sit in the file body or inside object streams.

function rawFindings(bytes: Uint8Array, limit = 1000): string[] {
  const walk = rawActiveContent(new RawPdf(bytes), [], limit);
  for (;;) {
    const step = walk.next();
    if (step.done) return step.value;
  }
}

async function pdfLibFindings(bytes: Uint8Array, limit = 1000): Promise<string[]> {
  return findActiveContent(await PDFDocument.load(bytes, { updateMetadata: false }), limit);
}

/** A one-page PDF with a JavaScript link, saved with its objects packed into object streams. */
async function packedHostile(): Promise<{ bytes: Uint8Array; actionNumber: number }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText('Packed', { x: 72, y: 760, size: 12, font });
  const action = doc.context.register(doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
  page.node.addAnnot(doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], A: action })));
  return { bytes: await doc.save({ useObjectStreams: true }), actionNumber: action.objectNumber };
}

describe('the inert check on the raw reader', () => {
  it('finds what pdf-lib finds in a hostile file, in the same words and order, with and without object streams', async () => {
    const plain = await hostilePdf();
    const packed = await (await PDFDocument.load(plain, { updateMetadata: false })).save({ useObjectStreams: true, updateFieldAppearances: false });
    for (const bytes of [plain, packed]) {
      const expected = await pdfLibFindings(bytes);
      expect(expected.length).toBeGreaterThan(15);
      expect(rawFindings(bytes)).toEqual(expected);
      // Capped the same way.
      expect(rawFindings(bytes, 20)).toEqual(await pdfLibFindings(bytes, 20));
    }
  });

  it('catches a hostile object inside an object stream, with the words verification always used', async () => {
    const { bytes, actionNumber } = await packedHostile();
    // The action really is packed (its cross-reference entry points into an object stream).
    const latin = Buffer.from(bytes).toString('latin1');
    expect(latin).toContain('/ObjStm');
    expect(latin).not.toMatch(new RegExp(`(^|\\s)${actionNumber} 0 obj`));
    const failures = await checkInert(bytes, 'bundle.pdf');
    expect(failures).toEqual([`bundle.pdf is not inert: object ${actionNumber} holds /JS`, `bundle.pdf is not inert: object ${actionNumber} holds a JavaScript action`]);
    expect(failures).toEqual(await checkInertWithPdfLib(bytes, 'bundle.pdf'));
  });

  it('judges an action type held in another object, which pdf-lib’s check took as written', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const page = doc.addPage([595, 842]);
    const launch = doc.context.register(PDFName.of('Launch'));
    const action = doc.context.register(doc.context.obj({ S: launch, F: PDFString.of('calc.exe') }));
    page.node.addAnnot(doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], A: action })));
    const bytes = await doc.save({ useObjectStreams: false });
    expect(await checkInert(bytes, 'b.pdf')).toEqual([`b.pdf is not inert: object ${action.objectNumber} holds a Launch action`]);
  });

  it('passes an inert file, and falls back to pdf-lib for one it cannot read', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const page = doc.addPage([595, 842]);
    page.node.addAnnot(doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], A: { S: 'URI', URI: PDFString.of('https://www.hrw.org/') } })));
    const inert = await doc.save();
    expect(await checkInert(inert, 'b.pdf')).toEqual([]);
    // No startxref at the end: the raw reader gives up, pdf-lib still reads (and judges) every object.
    (doc.getPage(0).node.lookup(PDFName.of('Annots')) as unknown as { lookup(i: number, t: typeof PDFDict): PDFDict }).lookup(0, PDFDict).set(PDFName.of('AA'), doc.context.obj({}));
    const broken = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1').replace(/startxref\s+\d+\s+%%EOF\s*$/, '%%EOF\n');
    const bytes = new Uint8Array(Buffer.from(broken, 'latin1'));
    expect(() => new RawPdf(bytes)).toThrow(/startxref/);
    expect((await checkInert(bytes, 'b.pdf')).join('\n')).toMatch(/^b\.pdf is not inert: object \d+ holds \/AA$/);
  });
});

describe('the raw reader on a hybrid-reference file', () => {
  it('reads the compressed objects a classic table leaves to /XRefStm, so a packed hostile object is still judged', async () => {
    const { bytes, actionNumber } = await packedHostile();
    // Rewrite the pdf-lib file as a hybrid: a classic table for the body's objects,
    // whose trailer points at the existing cross-reference stream for the packed ones.
    const latin = Buffer.from(bytes).toString('latin1');
    const body = latin.slice(0, latin.lastIndexOf('startxref'));
    const offsets = new Map<number, number>();
    for (const m of body.matchAll(/(?<=\n)(\d+) 0 obj\b/g)) offsets.set(Number(m[1]), m.index);
    // pdf-lib's own startxref points at its cross-reference stream.
    const stream = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin)![1]);
    expect(body.slice(stream, stream + 300)).toMatch(/^\d+ 0 obj\s*<<[^>]*\/Type \/XRef/);
    const size = Math.max(...offsets.keys(), actionNumber) + 1;
    const rows = Array.from({ length: size }, (_, n) => (offsets.has(n) ? `${String(offsets.get(n)).padStart(10, '0')} 00000 n \n` : '0000000000 65535 f \n'));
    const root = /\/Root (\d+ 0 R)/.exec(body)![1];
    const table = `xref\n0 ${size}\n${rows.join('')}trailer\n<< /Size ${size} /Root ${root} /XRefStm ${stream} >>\nstartxref\n${body.length}\n%%EOF\n`;
    const hybrid = new Uint8Array(Buffer.from(body + table, 'latin1'));
    const file = join(mkdtempSync(join(tmpdir(), 'sanad-hybrid-')), 'hybrid.pdf');
    writeFileSync(file, hybrid);
    // A valid file to qpdf, which reads the packed object through the table's /XRefStm.
    expect(execFileSync('qpdf', ['--check', file]).toString()).toMatch(/No syntax or stream encoding errors/);
    expect(execFileSync('qpdf', [`--show-object=${actionNumber}`, file]).toString()).toContain('/JavaScript');
    expect(rawFindings(hybrid)).toEqual([`object ${actionNumber} holds /JS`, `object ${actionNumber} holds a JavaScript action`]);
    expect(await checkInert(hybrid, 'b.pdf')).toEqual(await checkInertWithPdfLib(hybrid, 'b.pdf'));
  });
});
