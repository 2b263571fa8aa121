import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from '@cantoo/pdf-lib';
import { buildBundle, type BuildResult } from '../../src/bundle/index.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { verifyBundle } from '../../src/verify/index.ts';
import { excerptIn, indexThenSource, makeSource, tinyParts } from '../bundle/fixtures.ts';

describe('verifyBundle', () => {
  const printer = new ChromiumPrinter();
  let built: BuildResult;
  afterAll(() => printer.close());
  beforeAll(async () => {
    const s = await makeSource({ title: 'Report', pages: [{ lines: ['Hazara were attacked in Quetta.'] }, { lines: ['Karachi is not safe.'] }] });
    const input = indexThenSource(s, [excerptIn(s, 'Karachi is not safe.', 't-internal-relocation-risk')]);
    built = await buildBundle(input, { printer, renderPart: tinyParts });
  });
  const bytes = () => built.volumes.map((v) => v.bytes);

  it('passes a good bundle', async () => {
    expect(await verifyBundle(bytes(), built.report)).toEqual({ ok: true, failures: [] });
  });

  it('fails when an excerpt is reported on the wrong page', async () => {
    const report = { ...built.report, excerpts: built.report.excerpts.map((e) => ({ ...e, bundlePage: e.bundlePage - 1 })) };
    const r = await verifyBundle(bytes(), report);
    expect(r.ok).toBe(false);
    expect(r.failures.join('\n')).toMatch(/E1 is not on .*bundle page 2/);
    expect(r.failures.join('\n')).toMatch(/E1 has no highlight annotation/);
  });

  it('fails when the page count or the stamps disagree with the report', async () => {
    const shifted = { ...built.report, pageLabels: built.report.pageLabels.map((l) => String(Number(l) + 1)) };
    const r = await verifyBundle(bytes(), shifted);
    expect(r.failures.filter((f) => /no page label/.test(f))).toHaveLength(built.report.pages);
    // A link that names page 2 in its text but points elsewhere is caught too.
    expect(r.failures.some((f) => /link .* leads to bundle page/.test(f))).toBe(true);
    const doc = await PDFDocument.load(bytes()[0]!);
    doc.removePage(2);
    const short = await verifyBundle([await doc.save()], built.report);
    expect(short.failures.join('\n')).toMatch(/has 2 pages; the report expects 3/);
  });
});
