/**
 * Deliberately broken PDFs of the kinds that used to import cleanly and then
 * sink a bundle build, or crash the import: generated with pdf-lib, then
 * damaged object by object. Each page says which page it is.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, StandardFonts, type PDFRef } from '@cantoo/pdf-lib';

async function pagesDoc(n: number, label: string): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < n; i++) doc.addPage([595, 842]).drawText(`${label} page ${i + 1} of ${n}`, { x: 72, y: 760, size: 14, font });
  return doc;
}

const save = (doc: PDFDocument) => doc.save({ useObjectStreams: false, updateFieldAppearances: false });

/** Page 2's /Parent is a plain dictionary, not a Pages node ("Parent.ascend is not a function"). */
export async function parentNotPages(): Promise<Uint8Array> {
  const doc = await pagesDoc(2, 'Wrong parent');
  doc.getPage(1).node.set(PDFName.of('Parent'), doc.context.register(doc.context.obj({ Note: 'not a page tree node' })));
  return save(doc);
}

/** Page 2 is stored as a stream ("Expected instance of PDFDict, but got instance of PDFRawStream"). */
export async function pageIsStream(): Promise<Uint8Array> {
  const doc = await pagesDoc(2, 'Stream page');
  const page = doc.getPage(1);
  const dict = doc.context.obj({}) as PDFDict;
  for (const [k, v] of page.node.entries()) dict.set(k, v);
  doc.context.assign(page.ref, PDFRawStream.of(dict, new Uint8Array(0)));
  return save(doc);
}

/** Pages 2 and 3 sit under an intermediate Pages node stored as a stream. */
export async function pagesNodeIsStream(): Promise<Uint8Array> {
  const doc = await pagesDoc(3, 'Stream node');
  const ctx = doc.context;
  const root = doc.catalog.Pages();
  const kids = root.Kids().asArray() as PDFRef[];
  const nodeDict = ctx.obj({ Type: 'Pages', Kids: [kids[1]!, kids[2]!], Count: 2, Parent: doc.catalog.get(PDFName.of('Pages')) }) as PDFDict;
  const nodeRef = ctx.register(PDFRawStream.of(nodeDict, new Uint8Array(0)));
  for (const k of kids.slice(1)) ctx.lookup(k, PDFDict).set(PDFName.of('Parent'), nodeRef);
  root.set(PDFName.of('Kids'), ctx.obj([kids[0]!, nodeRef]) as PDFArray);
  return save(doc);
}

/** A filled-in form whose second field's widget is on no page and is listed twice ("Tried to remove inexistent field"). */
export async function widgetsOnNoPage(): Promise<Uint8Array> {
  const doc = await pagesDoc(2, 'Orphan widget');
  const form = doc.getForm();
  const kept = form.createTextField('appellant.name');
  kept.setText('A.H.C.');
  kept.addToPage(doc.getPage(0), { x: 72, y: 600, width: 200, height: 24 });
  const orphan = form.createTextField('orphan.field');
  orphan.setText('nowhere');
  orphan.addToPage(doc.getPage(1), { x: 72, y: 600, width: 200, height: 24 });
  // Take the widget off its page: it is in the form but on no page.
  const annots = doc.getPage(1).node.Annots()!;
  annots.remove(annots.size() - 1);
  // And listed twice in the form, as some form tools leave it.
  const fields = form.acroForm.dict.lookup(PDFName.of('Fields'), PDFArray);
  fields.push(orphan.ref);
  return save(doc);
}

/** The page tree has a Pages node with no /Kids entry at all (next to the real pages). */
export async function missingKids(): Promise<Uint8Array> {
  const doc = await pagesDoc(2, 'Missing kids');
  const ctx = doc.context;
  const root = doc.catalog.Pages();
  const empty = ctx.register(ctx.obj({ Type: 'Pages', Count: 0, Parent: doc.catalog.get(PDFName.of('Pages')) }));
  root.Kids().push(empty);
  root.set(PDFName.of('Count'), PDFNumber.of(2));
  return save(doc);
}

/**
 * A page-tree bomb: each of `levels` Pages nodes lists the next one `fanout`
 * times, so a few KB claim fanout^levels pages. `honestCount` writes a small
 * /Count instead, so only the reuse of nodes gives it away.
 */
export function pageTreeBomb(levels = 8, fanout = 8, honestCount = false): Uint8Array {
  const objects: string[] = [];
  // 1: catalog, 2..levels+1: Pages nodes, levels+2: the page, levels+3: its content.
  const pageNo = levels + 2;
  objects.push(`<< /Type /Catalog /Pages 2 0 R >>`);
  for (let l = 0; l < levels; l++) {
    const next = l === levels - 1 ? pageNo : l + 3;
    const count = honestCount ? 3 : fanout ** (levels - l);
    const parent = l === 0 ? '' : ` /Parent ${l + 1} 0 R`;
    objects.push(`<< /Type /Pages /Kids [${Array(fanout).fill(`${next} 0 R`).join(' ')}] /Count ${count}${parent} >>`);
  }
  objects.push(`<< /Type /Page /Parent ${levels + 1} 0 R /MediaBox [0 0 595 842] /Contents ${pageNo + 1} 0 R /Resources << >> >>`);
  const content = 'BT /F1 12 Tf 72 760 Td (bomb) Tj ET';
  objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

// Found by fuzzing the import (random bytes flipped, zeroed, cut or repeated in real PDFs).

/** A file with one page object and nothing that lists it: no catalog, no trailer (a download cut short). */
export function noCatalog(): Uint8Array {
  return new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Page /MediaBox [0 0 200 200] >>\nendobj\n2 0 obj\n<< /Length 0 >>\nstream\n\nendstream\nendobj\n');
}

/** Writes bits least significant first, as deflate packs them. */
class BitWriter {
  readonly bytes: number[] = [];
  private bit = 0;
  write(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      if (this.bit === 0) this.bytes.push(0);
      this.bytes[this.bytes.length - 1]! |= ((value >> i) & 1) << this.bit;
      this.bit = (this.bit + 1) % 8;
    }
  }
  /** A Huffman code: its bits go most significant first. */
  code(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i--) this.write((value >> i) & 1, 1);
  }
}

/**
 * Flate data zlib refuses ("invalid distance too far back": a copy from before the start of the
 * output) but a forgiving decoder (pdf.js's, pdf-lib's) reads as `q` and a newline followed by
 * three stray bytes: a page whose content is damaged, not missing.
 */
export function farBackFlate(): Uint8Array {
  const w = new BitWriter();
  w.write(1, 1); // last block
  w.write(1, 2); // fixed Huffman codes
  for (const c of 'q\n') w.code(0x30 + c.charCodeAt(0), 8); // literals 0–143: 8-bit codes from 0x30
  w.code(1, 7); // length code 257: 3 bytes
  w.code(10, 5); // distance code 10: 33 bytes back (4 extra bits follow, all zero), with 2 bytes written
  w.write(0, 4);
  w.code(0, 7); // end of block (256)
  return new Uint8Array([0x78, 0x01, ...w.bytes, 0, 0, 0, 0]);
}

/** Three pages; page 2's content is `flate` (Flate-encoded, as stored). */
export async function damagedContent(flate: Uint8Array): Promise<Uint8Array> {
  const doc = await pagesDoc(3, 'Damaged content');
  const page = doc.getPage(1);
  const stream = PDFRawStream.of(doc.context.obj({ Filter: 'FlateDecode', Length: flate.length }) as PDFDict, flate);
  page.node.set(PDFName.of('Contents'), doc.context.register(stream));
  return save(doc);
}

/**
 * Six pages whose page objects 3 to 6 were overwritten with zeros where the cross-reference table
 * says they are (pdfjs: "Bad (uncompressed) XRef entry"), leaving pages 1 and 2 whole.
 */
export async function zeroedPageObjects(): Promise<Uint8Array> {
  const doc = await pagesDoc(6, 'Zeroed');
  const refs = doc.getPages().map((p) => p.ref);
  const bytes = await save(doc);
  const text = Buffer.from(bytes).toString('latin1');
  for (const ref of refs.slice(2)) {
    const start = text.indexOf(`\n${ref.objectNumber} 0 obj`) + 1;
    const end = text.indexOf('endobj', start) + 'endobj'.length;
    bytes.fill(0, start, end);
  }
  return bytes;
}
