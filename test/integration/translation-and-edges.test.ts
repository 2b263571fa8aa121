/**
 * A translated client document gets its certificate right after it, naming
 * the translator; and the edges of a real bundle: an Arabic-script title in
 * the bookmarks and index, a source with no excerpts, an excerpt on a page the
 * page range leaves out (not labelled), an empty section, and a bundle of
 * generated parts only. All through the ops verbs, checked with pdfjs and pdftotext.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPdf } from '../../src/pdf/pdfjs.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import type { Workspace } from '../../src/store/index.ts';
import { verifyBuiltFile } from '../../src/verify/index.ts';
import type { BuildReport } from '../../src/bundle/report.ts';
import {
  addSourcesToCase, buildCase, freshWorkspace, importOne, newCase, pageCount, pdftotext, qpdfClean, quoteOnPage, tag, writePlainSource,
} from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-edges-'));
const printer = new ChromiumPrinter();
const URDU_TITLE = 'دھمکی آمیز خط';
let ws: Workspace;
let file = '';
let report: BuildReport;
const id = { original: '', translation: '', ranged: '', untagged: '' };
let excludedExcerpt = '';

beforeAll(async () => {
  ws = await freshWorkspace(join(dir, 'ws'));
  await newCase(ws, { slug: 'ah-2026' });
  id.original = (await importOne(ws, printer, await writePlainSource(join(dir, 'letter-ur.pdf'), 'Letter original', 1, () => 'Original letter (sample, Urdu text omitted).'), 'ah-2026')).id;
  await ws.updateSourceMeta(id.original, { title: URDU_TITLE, language: 'ur' });
  id.translation = (await importOne(ws, printer, await writePlainSource(join(dir, 'letter-en.pdf'), 'Letter translation', 1, () => 'We know where your family lives in Karachi.'), 'ah-2026')).id;
  await ws.updateSourceMeta(id.translation, {
    title: 'Threat letter (English translation)',
    translation: { of: id.original, fromLanguage: 'Urdu', toLanguage: 'English', translator: { name: 'Sara Mahmood', qualifications: 'DPSI (Law), Urdu' }, date: '2026-10-02' },
  });
  await tag(ws, id.translation, 'We know where your family lives in Karachi', ['Karachi-traced threats']);

  id.ranged = (await importOne(ws, printer, await writePlainSource(join(dir, 'long.pdf'), 'Long report', 3, (n) => `Finding ${n}: militants reached the city number ${n}.`))).id;
  await tag(ws, id.ranged, 'militants reached the city number 1', ['Threat patterns'], { page: 1 });
  excludedExcerpt = await tag(ws, id.ranged, 'militants reached the city number 3', ['Threat patterns'], { page: 3 });
  id.untagged = (await importOne(ws, printer, await writePlainSource(join(dir, 'plain.pdf'), 'Background note', 1))).id;

  await addSourcesToCase(ws, 'ah-2026', [id.original, id.translation, id.ranged, id.untagged]);
  const bundle = await ws.getBundle('ah-2026');
  const sections = bundle.sections.map((s) => ({ ...s, items: s.items.map((i) => (i.kind === 'source' && i.sourceId === id.ranged ? { ...i, pages: '1-2' } : i)) }));
  sections.splice(3, 0, { id: 'sec-e', letter: 'E', title: 'Further evidence', divider: false, items: [] });
  await ws.saveBundle('ah-2026', { ...bundle, sections });
  const r = await buildCase(ws, 'ah-2026', { printer, out: join(dir, 'out', 'bundle.pdf') });
  file = r.files[0]!;
  report = r.report;
}, 120_000);

afterAll(async () => {
  await ws.close();
  await printer.close();
});

describe('a translated document', () => {
  it('is followed by its certificate, which names the translator and both documents', () => {
    const doc = report.documents.find((d) => d.sourceId === id.translation)!;
    const cert = report.parts.find((p) => p.kind === 'translation-certificate')!;
    expect(cert.firstPage).toBe(doc.lastPage + 1);
    const text = pdftotext(file, cert.firstPage);
    expect(text).toContain('Sara Mahmood');
    expect(text).toContain('DPSI (Law), Urdu');
    expect(text).toContain('Urdu');
    expect(text).toContain('Threat letter (English translation)');
    // The certificate comes after the translation, and says so.
    expect(text.replace(/\s+/g, ' ')).toContain('the translation placed immediately before this certificate');
    // The original sits next to its translation.
    const original = report.documents.find((d) => d.sourceId === id.original)!;
    expect(original.lastPage + 1).toBe(doc.firstPage);
  });
});

describe('edges of a real bundle', () => {
  it('builds a clean bundle that verifies', async () => {
    expect(qpdfClean(file)).toBe(true);
    expect(pageCount(file)).toBe(report.pages);
    expect(await verifyBuiltFile(file)).toEqual({ ok: true, failures: [] });
    for (const e of report.excerpts) expect(quoteOnPage(file, e.bundlePage, e.quote), e.label).toBe(true);
  });

  it('shows the Arabic-script title in the bookmarks and the index', async () => {
    const doc = await openPdf(new Uint8Array(readFileSync(file)));
    try {
      const outline = (await doc.getOutline()) ?? [];
      const titles = outline.flatMap((o) => [o.title, ...o.items.map((i) => i.title)]);
      expect(titles).toContain(URDU_TITLE);
    } finally {
      await doc.destroy();
    }
    // pdftotext reads the index row back (it may split glyph clusters with spaces and wrap
    // the run in bidi marks); pdfjs maps some shaped Naskh glyphs to dotless letters, so it is not asked.
    const index = report.parts.find((p) => p.kind === 'index')!;
    const strip = (s: string) => s.normalize('NFKC').replace(/[\s\u200c-\u200f\u202a-\u202e]/g, '');
    const row = pdftotext(file, index.firstPage, '-layout').split('\n').find((l) => /^\s*5\s/.test(l)) ?? '';
    expect(strip(row)).toContain(strip(URDU_TITLE));
  });

  it('leaves out the excerpt on an excluded page, and lists a source with no excerpts', () => {
    expect(report.excerpts.map((e) => e.id)).not.toContain(excludedExcerpt);
    expect(report.excerpts.map((e) => e.label)).toEqual(report.excerpts.map((_, i) => `E${i + 1}`));
    const ranged = report.documents.find((d) => d.sourceId === id.ranged)!;
    expect(ranged.lastPage - ranged.firstPage + 1).toBe(2);
    for (let p = ranged.firstPage; p <= ranged.lastPage; p++) expect(pdftotext(file, p)).not.toContain('city number 3');
    const untagged = report.documents.find((d) => d.sourceId === id.untagged)!;
    expect(pdftotext(file, untagged.firstPage)).toContain('Background note');
    const index = pdftotext(file, report.parts.find((p) => p.kind === 'index')!.firstPage);
    expect(index).toContain('Background note');
    expect(index).toMatch(/pp 1–2 of the original/);
  });

  it('handles an empty section without a page or a bookmark pointing nowhere', async () => {
    const index = pdftotext(file, report.parts.find((p) => p.kind === 'index')!.firstPage);
    expect(index).toContain('Section E: Further evidence');
    expect(index).toContain('No documents in this section.');
    const doc = await openPdf(new Uint8Array(readFileSync(file)));
    try {
      const outline = (await doc.getOutline()) ?? [];
      expect(outline.map((o) => o.title)).not.toContain('E. Further evidence');
      for (const o of outline) expect(o.dest).toBeTruthy();
    } finally {
      await doc.destroy();
    }
  });
});

describe('a bundle of generated parts only', () => {
  it('builds and verifies before any document is added', async () => {
    await newCase(ws, { slug: 'empty-2026' });
    const r = await buildCase(ws, 'empty-2026', { printer, out: join(dir, 'out', 'empty.pdf') });
    expect(r.report.documents).toEqual([]);
    expect(r.report.excerpts).toEqual([]);
    expect(r.report.pages).toBeGreaterThanOrEqual(5);
    expect(qpdfClean(r.files[0]!)).toBe(true);
    expect(await verifyBuiltFile(r.files[0]!)).toEqual({ ok: true, failures: [] });
  }, 60_000);
});
