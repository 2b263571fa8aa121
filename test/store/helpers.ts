/** Shared test helpers for the store: temp workspaces and small generated sources. */
import { mkdtemp, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import type { BundleDefinition, CaseFile, Excerpt, PageText, SourceMeta, SourceScope } from '../../src/model/index.ts';
import type { NewSource } from '../../src/store/index.ts';
import { extractText } from '../../src/pdf/text.ts';
import { textPdf } from '../helpers/pdf.ts';

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sanad-store-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function onePagePdf(line: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  doc.addPage([595.28, 841.89]).drawText(line, { x: 72, y: 760, size: 12, font });
  return doc.save();
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A one-page text source; `seed` makes its bytes (and so its id) unique. */
export async function makeSource(seed: string, options: { title?: string; scope?: SourceScope } = {}): Promise<NewSource> {
  const original = new TextEncoder().encode(`Report ${seed}: threats were traced to Karachi.\n`);
  const hash = sha256(original);
  const text = `Report ${seed}: threats were traced to Karachi.\n`;
  const page: PageText = { page: 1, view: [0, 0, 595.28, 841.89], rotate: 0, text, runs: [{ start: 0, end: text.length - 1, rect: { x: 72, y: 760, w: 300, h: 12 } }] };
  const meta: SourceMeta = {
    schemaVersion: 1,
    id: `s-${hash.slice(0, 16)}`,
    sha256: hash,
    scope: options.scope ?? { kind: 'library' },
    originalName: `report-${seed}.txt`,
    originalFile: 'original.txt',
    format: 'text',
    pages: 1,
    flags: [],
    title: options.title ?? `Report ${seed}`,
    publisher: 'Human Rights Watch',
    published: '2014-06',
    type: 'report',
    previousEditions: [],
    importedAt: '2026-01-02T03:04:05.000Z',
  };
  return { meta, original, documentPdf: await onePagePdf(text.trim()), text: [page] };
}

export function makeExcerpt(sourceId: string, sha: string, n: number): Excerpt {
  return {
    id: `e-${n.toString(16).padStart(12, '0')}`,
    sourceId,
    page: 1,
    quote: { exact: 'traced to Karachi', prefix: 'threats were ', suffix: '.' },
    position: { start: 30, end: 47 },
    rects: [{ x: 150, y: 760, w: 90, h: 12 }],
    tags: ['t-karachi-traced-threats'],
    places: ['Karachi'],
    anchor: { status: 'exact', sha256: sha },
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-02T03:04:05.000Z',
  };
}

export function makeCase(slug: string): CaseFile {
  return {
    schemaVersion: 1,
    slug,
    title: `Appeal ${slug}`,
    appellant: { name: 'Ali Hussain Changezi', anonymise: true },
    respondent: 'Secretary of State for the Home Department',
    references: [{ label: 'Appeal number', value: 'PA/01234/2026' }],
    tribunal: 'uk-ftt-iac',
    hearingDate: '2026-03-02',
    stalenessMonths: 24,
    createdAt: '2026-01-02T03:04:05.000Z',
  };
}

export function makeBundle(sourceId?: string): BundleDefinition {
  return {
    schemaVersion: 1,
    pagination: 'continuous',
    sections: [
      { id: 'sec-a', letter: 'A', title: 'Appellant', divider: false, items: [{ kind: 'generated', part: 'index' }] },
      { id: 'sec-b', letter: 'B', title: 'Country evidence', divider: true, items: sourceId ? [{ kind: 'source', sourceId, pages: '1' }] : [] },
    ],
  };
}

/** A born-digital PDF source as the importer prepares it: document.pdf is the original's bytes. */
export async function pdfSource(lines: string[][]): Promise<NewSource> {
  const base = await makeSource('pdf');
  const original = await textPdf(lines);
  const hash = sha256(original);
  const text = await extractText(original);
  return {
    meta: { ...base.meta, id: `s-${hash.slice(0, 16)}`, sha256: hash, originalName: 'report.pdf', originalFile: 'original.pdf', format: 'pdf', pages: text.length },
    original,
    documentPdf: original,
    text,
  };
}

