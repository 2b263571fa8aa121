/**
 * Integration fixtures: awkward source PDFs written to disk (so they go
 * through the real import), a workspace driven only through the ops verbs,
 * and readers that check a built bundle with independent tools (qpdf,
 * pdfinfo, pdftotext) besides pdfjs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString, StandardFonts, degrees, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import { addSourcesToCase, buildCase, createCase, importSources, tagQuote, type NewCaseInput } from '../../src/ops/index.ts';
import type { Printer } from '../../src/print/printer.ts';
import { initWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import type { BuildReport } from '../../src/bundle/report.ts';

/** Fixed clock: every test build must be reproducible. */
export const NOW = new Date('2026-11-21T10:00:00Z');

type Draw = (page: PDFPage, font: PDFFont) => void;

async function pdfOf(title: string, pages: Array<{ size: [number, number]; draw: Draw; setup?: (page: PDFPage) => void }>, extra?: (doc: PDFDocument) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const p of pages) {
    const page = doc.addPage(p.size);
    p.draw(page, font);
    p.setup?.(page);
  }
  extra?.(doc);
  return doc.save({ useObjectStreams: false });
}

const A4: [number, number] = [595, 842];
const lines = (text: string[], x = 72, top = 740, size = 12): Draw => (page, font) => text.forEach((t, i) => page.drawText(t, { x, y: top - i * 20, size, font }));

/** The quotes each awkward source carries, by file name. */
export const QUOTES = {
  encrypted: 'Hazara shopkeepers in Quetta were shot at close range',
  form: 'The statement form records the threats received at home',
  annotated: 'The report was annotated by its publisher before release',
  rotated: 'Threat letters were delivered to the family house in Quetta',
  cropped: 'Militants operate in Karachi as well as in Quetta',
  landscape: 'The table of incidents shows attacks in every province',
  columns: 'Police protection in Karachi was withdrawn after a week',
} as const;

/** Writes the awkward sources into `dir`; returns their paths keyed like QUOTES. */
export async function writeAwkwardSources(dir: string): Promise<Record<keyof typeof QUOTES, string>> {
  mkdirSync(dir, { recursive: true });
  const files = {} as Record<keyof typeof QUOTES, string>;
  const write = (key: keyof typeof QUOTES, bytes: Uint8Array) => {
    files[key] = join(dir, `${key}.pdf`);
    writeFileSync(files[key], bytes);
  };

  const plain = await pdfOf('Encrypted report', [{ size: A4, draw: lines(['Sample report, encrypted with an empty password.', QUOTES.encrypted + '.']) }]);
  writeFileSync(join(dir, 'plain.pdf'), plain);
  execFileSync('qpdf', ['--encrypt', '', 'owner', '256', '--', join(dir, 'plain.pdf'), join(dir, 'encrypted.pdf')]);
  files.encrypted = join(dir, 'encrypted.pdf');

  write('form', await pdfOf('Statement form', [{ size: A4, draw: lines(['Statement form (sample).', QUOTES.form + '.']) }], (doc) => {
    const field = doc.getForm().createTextField('appellant.initials');
    field.setText('A.H.C.');
    field.addToPage(doc.getPage(0), { x: 72, y: 500, width: 200, height: 24 });
  }));

  write('annotated', await pdfOf('Annotated report', [{ size: A4, draw: lines(['Annotated sample.', QUOTES.annotated + '.']) }], (doc) => {
    const page = doc.getPage(0);
    const ctx = doc.context;
    page.node.addAnnot(ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 600, 300, 620], Border: [0, 0, 0], A: { S: 'URI', URI: PDFString.of('https://example.org/report') } })));
    page.node.addAnnot(ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Text', Rect: [400, 700, 420, 720], Contents: PDFString.of('Publisher note'), Open: false })));
  }));

  // Text drawn so that it reads upright once the page is shown rotated by 90°.
  write('rotated', await pdfOf('Rotated letter', [{
    size: A4,
    draw: (page, font) => {
      ['Rotated sample page.', QUOTES.rotated + '.'].forEach((t, i) => page.drawText(t, { x: 100 + i * 20, y: 72, size: 12, font, rotate: degrees(90) }));
    },
    setup: (page) => page.setRotation(degrees(90)),
  }]));

  write('cropped', await pdfOf('Cropped report', [{
    size: A4,
    draw: lines(['Cropped sample page.', QUOTES.cropped + '.'], 120, 640),
    setup: (page) => page.setCropBox(100, 150, 395, 542),
  }]));

  write('landscape', await pdfOf('Landscape table', [
    { size: A4, draw: lines(['Portrait first page of the sample table.']) },
    { size: [842, 595], draw: lines(['Landscape page.', QUOTES.landscape + '.'], 72, 500) },
  ]));

  write('columns', await pdfOf('Two-column article', [{
    size: A4,
    draw: (page, font) => {
      const left = ['Left column opens the', 'article about Quetta.', 'It continues here.'];
      const right = ['Police protection in', 'Karachi was withdrawn', 'after a week.'];
      left.forEach((t, i) => page.drawText(t, { x: 60, y: 740 - i * 16, size: 11, font }));
      right.forEach((t, i) => page.drawText(t, { x: 320, y: 740 - i * 16, size: 11, font }));
    },
  }]));
  return files;
}

/** A small plain source: `pageCount` pages, each with one numbered sentence. */
export async function writePlainSource(path: string, title: string, pageCount: number, sentence = (n: number) => `Sample page ${n} of ${title}.`): Promise<string> {
  const pages = Array.from({ length: pageCount }, (_, i) => ({ size: A4, draw: lines([sentence(i + 1)]) }));
  writeFileSync(path, await pdfOf(title, pages));
  return path;
}

export async function freshWorkspace(dir: string): Promise<Workspace> {
  await initWorkspace(dir);
  return openWorkspace(dir);
}

export async function importOne(ws: Workspace, printer: Printer, file: string, caseSlug?: string): Promise<{ id: string; warnings: string[] }> {
  const [r] = await importSources(ws, { files: [file], printer, now: NOW, ...(caseSlug ? { caseSlug } : {}) });
  return { id: r!.id, warnings: r!.warnings };
}

export async function tag(ws: Workspace, sourceId: string, quote: string, tags: string[] = ['Threat patterns'], extra: { page?: number; eventDate?: string } = {}): Promise<string> {
  return (await tagQuote(ws, { sourceId, quote, tags, ...extra }, NOW)).excerpt.id;
}

export async function newCase(ws: Workspace, input: Partial<NewCaseInput> & { slug: string }): Promise<void> {
  await createCase(ws, { title: 'AH v SSHD', appellant: 'Ali Hussain Changezi', anonymise: true, reference: 'PA/01234/2026', hearing: '2026-12-14', ...input }, NOW);
  const c = await ws.getCase(input.slug);
  await ws.saveCase({ ...c, bundleDate: '2026-11-21', representative: { name: 'J. Solicitor', firm: 'Sample Law LLP', address: '1 High Street, London', phone: '020 0000 0000' } });
}

export { addSourcesToCase, buildCase };

export function readReport(pdf: string): BuildReport {
  return JSON.parse(readFileSync(pdf.replace(/(\.vol\d+)?\.pdf$/, '.report.json'), 'utf8')) as BuildReport;
}

// ---- independent tools ----

export const pdftotext = (file: string, page: number, ...flags: string[]) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), ...flags, file, '-'], { encoding: 'utf8' });

export const flat = (s: string) => s.normalize('NFKC').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

/** True when pdftotext finds the quote on the page (raw or layout mode; margin labels stripped). */
export function quoteOnPage(file: string, page: number, quote: string): boolean {
  const raw = pdftotext(file, page).replace(/(^|\s)E\d+[ \t]*$/gm, '');
  const layout = pdftotext(file, page, '-layout');
  const q = flat(quote);
  return flat(raw).includes(q) || flat(layout).includes(q) || flat(raw).replace(/\s/g, '').includes(q.replace(/\s/g, ''));
}

export function qpdfClean(file: string): boolean {
  return /No syntax or stream encoding errors/.test(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' }));
}

export function pdfinfo(file: string, page?: number): string {
  return execFileSync('pdfinfo', [...(page ? ['-f', String(page), '-l', String(page)] : []), file], { encoding: 'utf8' });
}

export function pageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(pdfinfo(file))![1]);
}

/** "Page    3 size: 842 x 595 pts" → [842, 595] (pdfinfo applies /Rotate to what it reports as "rot"). */
export function pageSize(file: string, page: number): { w: number; h: number; rot: number } {
  const info = pdfinfo(file, page);
  const m = new RegExp(`Page\\s+${page} size:\\s+([\\d.]+) x ([\\d.]+)`).exec(info)!;
  const rot = new RegExp(`Page\\s+${page} rot:\\s+(\\d+)`).exec(info);
  return { w: Number(m[1]), h: Number(m[2]), rot: rot ? Number(rot[1]) : 0 };
}

export interface Word {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Words of one page with their boxes (pdftotext -bbox: top-left origin, displayed page). */
export function wordsOf(file: string, page: number): { width: number; height: number; words: Word[] } {
  const bbox = pdftotext(file, page, '-bbox');
  const size = /<page width="([\d.]+)" height="([\d.]+)"/.exec(bbox)!;
  const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]!,
  }));
  return { width: Number(size[1]), height: Number(size[2]), words };
}

/** Raw bytes of a PDF with every stream inflated (qpdf), to grep for leaks. */
export function uncompressed(file: string): string {
  return execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('latin1');
}

export { PDFName };

/** A source whose pages each carry `kb` kilobytes of incompressible filler (for volume splitting). */
export async function writeBulkySource(path: string, title: string, pageCount: number, kb: number, sentence: (n: number) => string): Promise<string> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  let x = title.length * 7919;
  for (let n = 1; n <= pageCount; n++) {
    const page = doc.addPage(A4);
    page.drawText(sentence(n), { x: 72, y: 740, size: 12, font });
    let filler = '';
    for (let i = 0; i < kb * 1024; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      filler += String.fromCharCode(33 + (x % 90));
      if (i % 100 === 99) filler += '\n%';
    }
    page.node.addContentStream(doc.context.register(doc.context.stream(`%${filler}\n`)));
  }
  writeFileSync(path, await doc.save({ useObjectStreams: false }));
  return path;
}
