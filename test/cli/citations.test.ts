/**
 * Issue 11 end to end through the command line: a CPIN with numbered
 * paragraphs and a country guidance decision are imported, tagged and built;
 * the report carries paragraphs; `sanad cite` prints page and paragraph;
 * a skeleton argument's bundle references become links (checked with pdfjs),
 * a reference past the last page is reported, and a repagination that moves
 * the cited page moves `sanad cite`, the link, and is listed in the report.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, StandardFonts } from '@cantoo/pdf-lib';
import { verifyBundle } from '../../src/verify/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPdf } from '../../src/pdf/pdfjs.ts';
import { BuildReport } from '../../src/bundle/report.ts';
import { sanad } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-cite-'));
const ws = join(dir, 'ws');
const bundlePath = join(ws, 'cases', 'ahc', 'bundles', 'ahc-bundle.pdf');
const reportPath = bundlePath.replace(/\.pdf$/, '.report.json');

/** Pages of lines; a line is [x, text] so numbers can hang in the margin as reports set them. */
async function pdf(pages: Array<Array<[number, string]>>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595.28, 841.89]);
    let y = 770;
    for (const [x, text] of lines) {
      if (x === 72 && text.length < 8) {
        page.drawText(text, { x, y, size: 12, font });
        continue;
      }
      page.drawText(text, { x, y, size: 12, font });
      y -= 18;
    }
  }
  return doc.save();
}

const ids: Record<string, string> = {};
const excerpts: Record<string, string> = {};

function report(): BuildReport {
  return BuildReport.parse(JSON.parse(readFileSync(reportPath, 'utf8')));
}

async function linksOn(file: string, pageNumber: number): Promise<Array<{ rect: number[]; target: number }>> {
  const doc = await openPdf(new Uint8Array(readFileSync(file)));
  try {
    const page = await doc.getPage(pageNumber);
    const out: Array<{ rect: number[]; target: number }> = [];
    for (const a of (await page.getAnnotations()) as Array<{ subtype: string; dest?: unknown; rect: number[] }>) {
      if (a.subtype !== 'Link' || !Array.isArray(a.dest)) continue;
      out.push({ rect: a.rect, target: (await doc.getPageIndex(a.dest[0] as never)) + 1 });
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

async function ok(...args: string[]) {
  const r = await sanad(ws, ...args);
  if (r.code !== 0) throw new Error(`sanad ${args.join(' ')} failed: ${r.stderr}`);
  return r;
}

beforeAll(async () => {
  writeFileSync(
    join(dir, 'cpin.pdf'),
    await pdf([
      [[72, '2. Consideration of issues'], [72, '2.4.4'], [120, 'Hazaras in Quetta live mainly in two enclaves.']],
      [[72, '2.4.5'], [120, 'E-mailed threats against Hazara activists were traced to Karachi.'], [72, '2.4.6'], [120, 'Militant groups operate in every major city.']],
    ]),
  );
  writeFileSync(
    join(dir, 'ak.pdf'),
    await pdf([[[72, '[33]'], [110, 'We heard the country expert.'], [72, '[34]'], [110, 'Hazaras face a real risk outside the enclaves of Quetta.']]]),
  );
  writeFileSync(join(dir, 'statement.pdf'), await pdf([[[72, 'Statement of the appellant: I was threatened in Quetta.']]]));
  await ok('init');
  const imported = (await ok('import', join(dir, 'cpin.pdf'), '--title', 'Country Policy and Information Note: Pakistan: Hazaras', '--publisher', 'UK Home Office', '--published', '2024-01', '--json')).json<Array<{ id: string }>>();
  ids.cpin = imported[0]!.id;
  const ak = await ok('import', join(dir, 'ak.pdf'), '--title', 'AK and SK (Asylum - Shia - Hazara) Pakistan', '--neutral-citation', '[2014] UKUT 569 (IAC)', '--short-name', 'AK and SK (Pakistan)', '--cg', '--replaced-by', '[2024] UKUT 1 (IAC)', '--json');
  ids.ak = ak.json<Array<{ id: string }>>()[0]!.id;
  excerpts.cpin = (await ok('tag', ids.cpin!, '--quote', 'traced to Karachi', '--tag', 'Karachi-traced threats', '--json')).json<{ id: string }>().id;
  excerpts.ak = (await ok('tag', ids.ak!, '--quote', 'real risk outside the enclaves', '--tag', 'Internal relocation risk', '--json')).json<{ id: string }>().id;
  await ok('case', 'new', 'ahc', '--title', 'AHC v SSHD', '--hearing', '2026-12-14');
  await ok('case', 'add', 'ahc', ids.cpin!, ids.ak!, '--section', 'C');
  await ok('build', 'ahc');
}, 240_000);

afterAll(() => undefined);

describe('citations (issue 11)', () => {
  it('records paragraphs in the build report and cites the CG decision in the schedule', () => {
    const r = report();
    expect(r.excerpts.find((e) => e.id === excerpts.cpin)).toMatchObject({ paragraph: '2.4.5', sourcePage: 2 });
    expect(r.excerpts.find((e) => e.id === excerpts.ak)).toMatchObject({ paragraph: '[34]' });
    expect(r.warnings.some((w) => w.startsWith('AK and SK (Pakistan) CG [2014] UKUT 569 (IAC) is marked as replaced by [2024] UKUT 1 (IAC)'))).toBe(true);
  });

  it('sanad cite prints page and paragraph with the bundle page; --json carries bundlePage', async () => {
    const r = report();
    const page = r.excerpts.find((e) => e.id === excerpts.cpin)!.bundlePage;
    const section = r.documents.find((d) => d.sourceId === ids.cpin)!.section;
    const text = (await ok('cite', excerpts.cpin!, '--case', 'ahc')).stdout.trim();
    expect(text).toBe(`UK Home Office, 'Country Policy and Information Note: Pakistan: Hazaras' (2024) para 2.4.5 [AB/${section}/${r.pageLabels[page - 1]}]`);
    const json = (await ok('cite', excerpts.cpin!, '--json')).json<{ text: string; bundlePage: number; sourcePage: number; paragraph: string }>();
    expect(json).toMatchObject({ bundlePage: page, sourcePage: 2, paragraph: '2.4.5' });
    expect((await ok('cite', excerpts.ak!, '--style', 'oscola')).stdout.trim()).toBe('AK and SK (Pakistan) CG [2014] UKUT 569 (IAC) [34]');
    expect((await ok('cite', excerpts.cpin!, '--style', 'bundle')).stdout.trim()).toBe(`[AB/${section}/${r.pageLabels[page - 1]}]`);
    const bad = await sanad(ws, 'cite', excerpts.cpin!, '--style', 'mla');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--style must be one of oscola, bundle, both/);
  });

  it('links the skeleton argument, reports a reference past the last page, and follows a repagination', async () => {
    const before = report();
    const cited = before.excerpts.find((e) => e.id === excerpts.cpin)!;
    const label = before.pageLabels[cited.bundlePage - 1]!;
    writeFileSync(
      join(dir, 'skeleton.pdf'),
      await pdf([[[72, `1. The threats were traced to Karachi: see [AB/${label}] and E1.`], [72, `2. The expert agreed (p. ${label}); see also p. 999.`]]]),
    );
    const sk = (await ok('import', join(dir, 'skeleton.pdf'), '--case', 'ahc', '--title', 'Skeleton argument', '--json')).json<Array<{ id: string }>>()[0]!.id;
    await ok('case', 'add', 'ahc', sk, '--skeleton');
    // The skeleton's page goes into section A, so every later page moves down by one.
    await ok('build', 'ahc');
    const after = report();
    const moved = after.excerpts.find((e) => e.id === excerpts.cpin)!;
    expect(moved.bundlePage).toBe(cited.bundlePage + 1);
    const refs = after.skeleton!;
    const skPage = after.documents.find((d) => d.sourceId === sk)!.firstPage;
    expect(refs.map((r) => [r.text, r.status, r.target])).toEqual([
      [`[AB/${label}]`, 'moved', moved.bundlePage],
      ['E1', 'ok', after.excerpts.find((e) => e.label === 'E1')!.bundlePage],
      [`p. ${label}`, 'moved', moved.bundlePage],
      ['p. 999', 'missing', null],
    ]);
    expect(after.warnings.some((w) => w.includes('"p. 999"') && w.includes('points at no page'))).toBe(true);
    expect(after.warnings.some((w) => w.includes(`"[AB/${label}]"`) && w.includes(`now refers to page ${after.pageLabels[moved.bundlePage - 1]}`))).toBe(true);
    // The links are real GoTo links over the words, to the page the reference means now.
    const links = await linksOn(bundlePath, skPage);
    expect(links.map((l) => l.target).sort()).toEqual(refs.flatMap((r) => (r.target === null ? [] : [r.target])).sort());
    for (const r of refs.filter((x) => x.target !== null)) {
      expect(links.some((l) => l.target === r.target && Math.abs(l.rect[0]! - r.rects[0]![0]) < 1)).toBe(true);
    }
    // sanad cite follows the new plan.
    const json = (await ok('cite', excerpts.cpin!, '--json')).json<{ bundlePage: number }>();
    expect(json.bundlePage).toBe(moved.bundlePage);
    // Verification passed (the build would have failed otherwise), and sanad verify agrees.
    expect((await sanad(ws, 'verify', bundlePath)).code).toBe(0);
    // Verification fails when a skeleton link is missing.
    const stripped = await PDFDocument.load(readFileSync(bundlePath));
    stripped.getPage(skPage - 1).node.delete(PDFName.of('Annots'));
    const checked = await verifyBundle([await stripped.save()], after, { threads: 1 });
    expect(checked.ok).toBe(false);
    expect(checked.failures.some((f) => f.includes(`reference "[AB/${label}]" has no link`))).toBe(true);
    // A rebuild with nothing changed keeps the meaning: still moved, not drifting to the new page 'label'.
    await ok('build', 'ahc');
    expect(report().skeleton!.map((r) => [r.status, r.target])).toEqual(refs.map((r) => [r.status, r.target]));
  }, 240_000);
});
