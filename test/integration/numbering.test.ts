/**
 * Numbering variants through the ops layer (bundle definitions saved in the
 * workspace, built with buildCase): section-prefixed labels, a supplementary
 * bundle continuing after page 120 of a served one, and volumes forced by a
 * small size cap, each checked with pdftotext/pdfinfo/qpdf and `sanad verify`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import type { Workspace } from '../../src/store/index.ts';
import type { BundleDefinition } from '../../src/model/index.ts';
import { verifyBuiltFile } from '../../src/verify/index.ts';
import type { BuildReport } from '../../src/bundle/report.ts';
import { sanad } from '../helpers/cli.ts';
import {
  addSourcesToCase, buildCase, freshWorkspace, importOne, newCase, pageCount, pdftotext, qpdfClean, quoteOnPage, readReport, tag, wordsOf, writeBulkySource,
} from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-numbering-'));
const printer = new ChromiumPrinter();
let ws: Workspace;
const sources: string[] = [];

const QUOTE = (n: number, p: number) => `Report ${n} page ${p} records attacks on Hazara traders`;

async function caseWith(slug: string, change: (b: BundleDefinition) => BundleDefinition): Promise<{ files: string[]; report: BuildReport }> {
  await newCase(ws, { slug });
  await addSourcesToCase(ws, slug, sources);
  await ws.saveBundle(slug, change(await ws.getBundle(slug)));
  return buildCase(ws, slug, { printer, out: join(dir, 'out', `${slug}.pdf`) });
}

/** The stamp on a page: the word in the bottom-right corner. */
function stampOf(file: string, page: number): string | undefined {
  const { width, height, words } = wordsOf(file, page);
  return words.find((w) => w.xMin > width * 0.75 && w.yMin > height * 0.9)?.text;
}

beforeAll(async () => {
  ws = await freshWorkspace(join(dir, 'ws'));
  for (const n of [1, 2, 3]) {
    const file = await writeBulkySource(join(dir, `report-${n}.pdf`), `Country report ${n}`, 2, 24, (p) => `${QUOTE(n, p)}.`);
    const { id } = await importOne(ws, printer, file);
    await tag(ws, id, QUOTE(n, 2), ['Threat patterns'], { page: 2 });
    sources.push(id);
  }
}, 60_000);

afterAll(async () => {
  await ws.close();
  await printer.close();
});

describe('section-prefixed numbering', () => {
  let file = '';
  let report: BuildReport;
  beforeAll(async () => {
    const r = await caseWith('prefixed', (b) => ({ ...b, pagination: 'section-prefixed' }));
    file = r.files[0]!;
    report = r.report;
  }, 60_000);

  it('stamps A1…, C1… and keeps report pages as 1-based positions', async () => {
    expect(qpdfClean(file)).toBe(true);
    expect(pageCount(file)).toBe(report.pages);
    for (let p = 1; p <= report.pages; p++) expect(stampOf(file, p), `page ${p}`).toBe(report.pageLabels[p - 1]);
    expect(report.pageLabels[0]).toBe('A1');
    const c = report.documents.filter((d) => d.section === 'C');
    expect(report.pageLabels[c[0]!.firstPage - 1]).toBe('C1');
    expect(report.pageLabels[c[1]!.firstPage - 1]).toBe('C3');
    for (const e of report.excerpts) {
      expect(quoteOnPage(file, e.bundlePage, e.quote), e.label).toBe(true);
      expect(stampOf(file, e.bundlePage)).toMatch(/^C\d+$/);
    }
    expect(report.numbering?.note).toMatch(/PDF positions/);
    expect(await verifyBuiltFile(file)).toEqual({ ok: true, failures: [] });
  });

  it('has an index whose page labels agree with the stamps', () => {
    const index = report.parts.find((p) => p.kind === 'index')!;
    const text = pdftotext(file, index.firstPage, '-layout');
    for (const d of report.documents) {
      const first = report.pageLabels[d.firstPage - 1]!;
      const last = report.pageLabels[d.lastPage - 1]!;
      expect(text).toMatch(new RegExp(`${d.title}.*${first}–${last}`));
    }
    // The schedule gives each excerpt's printed label.
    const schedule = pdftotext(file, report.parts.find((p) => p.kind === 'schedule')!.firstPage);
    for (const e of report.excerpts) expect(schedule).toContain(report.pageLabels[e.bundlePage - 1]!);
  });
});

describe('supplementary bundle', () => {
  let file = '';
  let report: BuildReport;
  beforeAll(async () => {
    const r = await caseWith('supplementary', (b) => ({ ...b, supplementary: { number: 1, date: '2026-12-01', afterPage: 120 } }));
    file = r.files[0]!;
    report = r.report;
  }, 60_000);

  it('stamps 121 on its first page and continues from there', async () => {
    expect(qpdfClean(file)).toBe(true);
    for (let p = 1; p <= report.pages; p++) expect(stampOf(file, p), `page ${p}`).toBe(String(120 + p));
    for (const e of report.excerpts) expect(quoteOnPage(file, e.bundlePage, e.quote), e.label).toBe(true);
    expect(report.numbering).toMatchObject({ offset: 120 });
    expect(report.numbering?.note).toMatch(/121/);
    expect(await verifyBuiltFile(file)).toEqual({ ok: true, failures: [] });
  });

  it('says on the cover that it is supplementary bundle 1, with its date', () => {
    const cover = pdftotext(file, 1);
    expect(cover).toMatch(/SUPPLEMENTARY BUNDLE 1/i);
    expect(cover).toContain('Supplementary bundle No. 1');
    expect(cover).toContain('1 December 2026');
    expect(cover).toMatch(/pages from 121/);
  });
});

describe('volumes under a size cap', () => {
  let files: string[] = [];
  let report: BuildReport;
  beforeAll(async () => {
    const whole = await caseWith('whole', (b) => b);
    const total = whole.report.volumes[0]!.bytes;
    const r = await caseWith('split', (b) => ({ ...b, volumeCapMB: (total * 0.45) / 1048576 }));
    files = r.files;
    report = readReport(files[0]!);
  }, 120_000);

  it('splits into 2–3 volumes with one pagination', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(files.length).toBeLessThanOrEqual(3);
    expect(files.map((f) => f.split('/').pop())).toEqual(files.map((_, i) => `split.vol${i + 1}.pdf`));
    let next = 1;
    for (const [i, v] of report.volumes.entries()) {
      expect(v.firstPage).toBe(next);
      expect(pageCount(files[i]!)).toBe(v.lastPage - v.firstPage + 1);
      expect(qpdfClean(files[i]!)).toBe(true);
      // The first page of each volume carries its bundle position, not 1.
      expect(stampOf(files[i]!, 1)).toBe(String(v.firstPage));
      next = v.lastPage + 1;
    }
    expect(next - 1).toBe(report.pages);
  });

  it('has one index, in volume 1, giving volume and page', () => {
    const index = report.parts.find((p) => p.kind === 'index')!;
    expect(report.parts.filter((p) => p.kind === 'index')).toHaveLength(1);
    expect(index.lastPage).toBeLessThanOrEqual(report.volumes[0]!.lastPage);
    const text = pdftotext(files[0]!, index.firstPage);
    expect(text).toMatch(/Vol 2, \d+/);
    const lastDoc = report.documents[report.documents.length - 1]!;
    const volumeOfLast = report.volumes.findIndex((v) => v.firstPage <= lastDoc.firstPage && lastDoc.firstPage <= v.lastPage) + 1;
    expect(volumeOfLast).toBeGreaterThan(1);
    expect(text).toContain(`Vol ${volumeOfLast}, ${lastDoc.firstPage}`);
  });

  it('puts each excerpt’s quote on its page in the right volume', () => {
    for (const e of report.excerpts) {
      const v = report.volumes.findIndex((vol) => vol.firstPage <= e.bundlePage && e.bundlePage <= vol.lastPage);
      expect(quoteOnPage(files[v]!, e.bundlePage - report.volumes[v]!.firstPage + 1, e.quote), e.label).toBe(true);
    }
  });

  it('verifies every volume, and sanad verify passes on volume 2', async () => {
    for (const f of files) expect(await verifyBuiltFile(f), f).toEqual({ ok: true, failures: [] });
    const cli = await sanad(join(dir, 'ws'), 'verify', files[1]!);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
  });
});
