/**
 * The same small case built under the UK Upper Tribunal and the US
 * Immigration Court profiles, through the ops verbs, checked the way a clerk
 * would: paper size of every generated page (pdfinfo), exhibit tabs for the
 * sections the US bundle divides, the certificate of service, what the table
 * of contents is called, a stamp on every page, and the court on the cover.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import type { Workspace } from '../../src/store/index.ts';
import type { TribunalId } from '../../src/model/index.ts';
import { verifyBuiltFile } from '../../src/verify/index.ts';
import type { BuildReport } from '../../src/bundle/report.ts';
import {
  addSourcesToCase, buildCase, freshWorkspace, importOne, newCase, pageCount, pageSize, pdftotext, qpdfClean, quoteOnPage, tag, wordsOf, writePlainSource,
} from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-profiles-'));
const printer = new ChromiumPrinter();
let ws: Workspace;
const built: Partial<Record<TribunalId, { file: string; report: BuildReport }>> = {};

beforeAll(async () => {
  ws = await freshWorkspace(join(dir, 'ws'));
  const report = await writePlainSource(join(dir, 'report.pdf'), 'Pakistan country report', 2, (n) => (n === 2 ? 'Militant groups operate in every major city of Pakistan.' : 'Hazara in Quetta live in two enclaves.'));
  const library = await importOne(ws, printer, report);
  await tag(ws, library.id, 'Militant groups operate in every major city', ['Internal relocation risk']);
  for (const tribunal of ['uk-ut-iac', 'us-eoir'] as const) {
    const slug = `ah-${tribunal}`;
    await newCase(ws, { slug, tribunal });
    const letter = await writePlainSource(join(dir, `${slug}-letter.pdf`), `Threat letter ${tribunal}`, 1, () => 'You will be killed wherever you go.');
    const own = await importOne(ws, printer, letter, slug);
    await tag(ws, own.id, 'You will be killed wherever you go', ['Threat patterns'], { eventDate: '2025-03' });
    await addSourcesToCase(ws, slug, [own.id, library.id]);
    const r = await buildCase(ws, slug, { printer, out: join(dir, 'out', `${slug}.pdf`) });
    built[tribunal] = { file: r.files[0]!, report: r.report };
  }
}, 180_000);

afterAll(async () => {
  await ws.close();
  await printer.close();
});

function commonChecks(file: string, report: BuildReport): void {
  expect(qpdfClean(file)).toBe(true);
  expect(pageCount(file)).toBe(report.pages);
  for (let p = 1; p <= report.pages; p++) {
    const { width, height, words } = wordsOf(file, p);
    expect(words.some((w) => w.text === String(p) && w.xMin > width * 0.75 && w.yMin > height * 0.9), `stamp on page ${p}`).toBe(true);
  }
  for (const e of report.excerpts) expect(quoteOnPage(file, e.bundlePage, e.quote), e.label).toBe(true);
}

const generatedPages = (report: BuildReport) => report.parts.flatMap((p) => Array.from({ length: p.lastPage - p.firstPage + 1 }, (_, k) => p.firstPage + k));
const partText = (file: string, report: BuildReport, kind: string) => {
  const part = report.parts.find((p) => p.kind === kind)!;
  return Array.from({ length: part.lastPage - part.firstPage + 1 }, (_, k) => pdftotext(file, part.firstPage + k)).join('\n');
};

describe('UK Upper Tribunal profile', () => {
  it('builds one A4 file under 50 MB that verifies, stamped throughout', async () => {
    const { file, report } = built['uk-ut-iac']!;
    commonChecks(file, report);
    expect(await verifyBuiltFile(file)).toEqual({ ok: true, failures: [] });
    expect(report.volumes).toHaveLength(1);
    expect(report.volumes[0]!.bytes).toBeLessThan(50 * 1024 * 1024);
    for (const p of generatedPages(report)) {
      const { w, h } = pageSize(file, p);
      expect([Math.round(w), Math.round(h)], `page ${p}`).toEqual([595, 842]);
    }
  });

  it('names the Upper Tribunal on the cover, has an index and no US parts', () => {
    const { file, report } = built['uk-ut-iac']!;
    const cover = partText(file, report, 'cover');
    expect(cover).toContain('UPPER TRIBUNAL (IMMIGRATION AND ASYLUM CHAMBER)');
    expect(cover).toContain('PA/01234/2026');
    expect(cover).toContain('A.H.C.');
    expect(partText(file, report, 'index')).toMatch(/Index/);
    expect(report.parts.map((p) => p.kind)).not.toContain('certificate-of-service');
    expect(report.parts.map((p) => p.kind)).not.toContain('divider');
  });
});

describe('US Immigration Court profile', () => {
  it('prints every generated page on Letter paper and verifies', async () => {
    const { file, report } = built['us-eoir']!;
    commonChecks(file, report);
    expect(await verifyBuiltFile(file)).toEqual({ ok: true, failures: [] });
    for (const p of generatedPages(report)) {
      const { w, h } = pageSize(file, p);
      expect([Math.round(w), Math.round(h)], `page ${p}`).toEqual([612, 792]);
    }
  });

  it('puts an exhibit tab before each divided section, with its letter', () => {
    const { file, report } = built['us-eoir']!;
    const dividers = report.parts.filter((p) => p.kind === 'divider');
    expect(dividers.map((d) => d.section)).toEqual(['B', 'C']);
    for (const d of dividers) {
      const text = pdftotext(file, d.firstPage);
      expect(text).toContain('EXHIBIT');
      expect(text).toContain(`Exhibit ${d.section}`);
      // The tab is the exhibit letter, at the top right of the page.
      const { width, height, words } = wordsOf(file, d.firstPage);
      expect(words.some((w) => w.text === d.section && w.xMin > width * 0.6 && w.yMax < height * 0.3)).toBe(true);
      // The divider is the first page of its section's documents.
      const firstDoc = report.documents.find((doc) => doc.section === d.section)!;
      expect(firstDoc.firstPage).toBe(d.lastPage + 1);
    }
  });

  it('calls the index a table of contents and lists exhibits', () => {
    const { file, report } = built['us-eoir']!;
    const toc = partText(file, report, 'index');
    expect(toc).toMatch(/Table of contents/i);
    expect(toc).not.toMatch(/^Index$/m);
    expect(toc).toContain('Exhibit B');
    expect(toc).toContain('Exhibit C');
    // Front matter and the service section are not exhibits.
    expect(toc).toContain('Section A');
    expect(toc).not.toContain('Exhibit A');
    expect(report.parts.find((p) => p.kind === 'index')!.title).toMatch(/Table of contents/i);
  });

  it('has a certificate of service naming the representative, and a US caption on the cover', () => {
    const { file, report } = built['us-eoir']!;
    const cos = partText(file, report, 'certificate-of-service');
    expect(cos).toContain('Certificate of service');
    expect(cos).toContain('J. Solicitor');
    expect(cos).toContain('21 November 2026');
    const cover = partText(file, report, 'cover');
    expect(cover).toContain('IMMIGRATION COURT');
    expect(cover).toContain('In the Matter of');
    // The noncitizen is the respondent in removal proceedings: no "Appellant's bundle" anywhere.
    expect(cover + cos).not.toMatch(/Appellant/i);
    expect(cover + cos).not.toMatch(/Secretary of State/);
  });
});
