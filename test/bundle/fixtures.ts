/**
 * Test fixtures for the bundle engine: small generated source PDFs with the
 * awkward features real sources have (rotation, crop boxes, landscape pages,
 * existing links and form fields, unbalanced graphics state), their text,
 * excerpts anchored in them, and a minimal part renderer that prints an index
 * with internal links.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, PDFString, StandardFonts, degrees } from '@cantoo/pdf-lib';
import { excerptFromQuote } from '../../src/anchor/index.ts';
import { extractText } from '../../src/pdf/text.ts';
import type { BundleDefinition, CaseFile, Excerpt, SourceMeta, Tag } from '../../src/model/index.ts';
import { PROFILES } from '../../src/model/profiles.ts';
import type { BundleInput, BundleSource } from '../../src/bundle/input.ts';
import { internalLink, type PartContext, type PartRequest } from '../../src/bundle/parts/context.ts';

export interface PageSpec {
  lines: string[];
  rotate?: 0 | 90 | 180 | 270;
  landscape?: boolean;
  /** CropBox inset from the MediaBox on every side, in points. */
  cropInset?: number;
  /** Leave a q and a scaling cm open at the end of the page's content. */
  unbalanced?: boolean;
  /** Kilobytes of incompressible filler in the content (for volume tests). */
  bulkKB?: number;
}

export interface SourceSpec {
  title: string;
  pages: PageSpec[];
  withLink?: boolean;
  withFormField?: boolean;
  published?: string;
  url?: string;
  translationOf?: string;
}

export async function makeSourcePdf(spec: SourceSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const p of spec.pages) {
    const size: [number, number] = p.landscape ? [842, 595] : [595, 842];
    const page = doc.addPage(size);
    p.lines.forEach((line, i) => page.drawText(line, { x: 72, y: size[1] - 100 - i * 20, size: 12, font }));
    if (p.rotate) page.setRotation(degrees(p.rotate));
    if (p.cropInset) page.setCropBox(p.cropInset, p.cropInset, size[0] - 2 * p.cropInset, size[1] - 2 * p.cropInset);
    if (p.bulkKB) {
      let filler = '';
      let x = 7;
      for (let i = 0; i < p.bulkKB * 1024; i++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        filler += String.fromCharCode(33 + (x % 90));
        if (i % 100 === 99) filler += '\n%';
      }
      page.node.addContentStream(doc.context.register(doc.context.stream(`%${filler}\n`)));
    }
    if (p.unbalanced) {
      const open = doc.context.register(doc.context.stream('q 0.3 0 0 0.3 200 200 cm 1 0 0 rg 0 0 100 100 re f'));
      page.node.addContentStream(open);
    }
  }
  if (spec.withFormField) {
    const field = doc.getForm().createTextField('appellant.name');
    field.setText('A.H.C.');
    field.addToPage(doc.getPage(0), { x: 72, y: 300, width: 200, height: 24 });
  }
  if (spec.withLink) {
    const page = doc.getPage(0);
    const link = doc.context.register(
      doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 400, 300, 420], Border: [0, 0, 0], A: { S: 'URI', URI: PDFString.of('https://example.org/report') } }),
    );
    page.node.addAnnot(link);
  }
  return doc.save();
}

export async function makeSource(spec: SourceSpec): Promise<BundleSource> {
  const pdf = await makeSourcePdf(spec);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const meta: SourceMeta = {
    schemaVersion: 1,
    id: `s-${sha256.slice(0, 16)}`,
    sha256,
    scope: { kind: 'library' },
    originalName: `${spec.title}.pdf`,
    originalFile: 'original.pdf',
    format: 'pdf',
    pages: spec.pages.length,
    flags: [],
    title: spec.title,
    published: spec.published ?? '2025-03',
    type: 'report',
    previousEditions: [],
    importedAt: '2026-01-01T00:00:00.000Z',
    ...(spec.url ? { url: spec.url, accessed: '2026-01-02' } : {}),
  };
  if (spec.translationOf) {
    meta.translation = { of: spec.translationOf, fromLanguage: 'Urdu', toLanguage: 'English', translator: { name: 'N. Translator' } };
  }
  return { meta, pdf, text: await extractText(pdf) };
}

export const TAGS: Tag[] = [
  { id: 't-threat-patterns', name: 'Threat patterns', colour: '#f4a261' },
  { id: 't-internal-relocation-risk', name: 'Internal relocation risk', colour: '#8ecae6' },
];

export function excerptIn(source: BundleSource, quote: string, tag: string, page?: number): Excerpt {
  const target = { sourceId: source.meta.id, sha256: source.meta.sha256, pages: source.text, title: source.meta.title };
  return excerptFromQuote(target, quote, { tags: [tag] }, new Date('2026-01-03T00:00:00Z'), page === undefined ? {} : { page });
}

export function caseFile(overrides: Partial<CaseFile> = {}): CaseFile {
  return {
    schemaVersion: 1,
    slug: 'ah-2026',
    title: 'AH v SSHD',
    appellant: { name: 'Ali Hussain Changezi', anonymise: true },
    respondent: 'Secretary of State for the Home Department',
    references: [{ label: 'Appeal', value: 'PA/01234/2026' }],
    tribunal: 'uk-ftt-iac',
    hearingDate: '2026-03-02',
    bundleDate: '2026-02-01',
    stalenessMonths: 24,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function inputOf(sources: BundleSource[], definition: BundleDefinition, excerpts: Excerpt[] = [], c: CaseFile = caseFile()): BundleInput {
  return { case: c, definition, profile: PROFILES[c.tribunal], sources: new Map(sources.map((s) => [s.meta.id, s])), excerpts, tags: TAGS };
}

/** The smallest real bundle: section A a generated index, section B the one source (no dividers). */
export function indexThenSource(source: BundleSource, excerpts: Excerpt[] = []): BundleInput {
  return inputOf(
    [source],
    {
      schemaVersion: 1,
      pagination: 'continuous',
      sections: [
        { id: 'a', letter: 'A', title: 'Index', divider: false, items: [{ kind: 'generated', part: 'index' }] },
        { id: 'b', letter: 'B', title: 'Evidence', divider: false, items: [{ kind: 'source', sourceId: source.meta.id }] },
      ],
    },
    excerpts,
  );
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A minimal part renderer: an index whose page numbers are internal links, and one-line other parts. */
export function tinyParts(request: PartRequest, ctx: PartContext): string {
  let body = `<h1>${esc(request.part)}</h1>`;
  if (request.part === 'index') {
    for (const s of ctx.sections) {
      body += `<h2>${esc(s.letter)} ${esc(s.title)}</h2>`;
      for (const d of s.documents) {
        const where = d.first.volume && d.first.volume > 1 ? `vol ${d.first.volume}, p ` : 'p ';
        body += `<p>${esc(d.title)} … ${where}<a href="${internalLink(d.first.pageIndex)}">${esc(d.first.label)}</a></p>`;
      }
    }
    for (const e of ctx.excerpts) body += `<p>${e.label} <a href="${internalLink(e.page.pageIndex)}">${esc(e.page.label)}</a></p>`;
  }
  if (request.part === 'divider') body = `<h1>${esc(request.letter)}. ${esc(request.title)}</h1>`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>body{font:14pt sans-serif}</style></head><body>${body}</body></html>`;
}

