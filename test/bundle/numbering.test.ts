import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, writeBundle } from '../../src/bundle/index.ts';
import type { BundleSource } from '../../src/bundle/input.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { openPdf } from '../../src/pdf/pdfjs.ts';
import { BuildCancelledError } from '../../src/errors.ts';
import { verifyBuiltFile } from '../../src/verify/index.ts';
import type { BundleDefinition } from '../../src/model/index.ts';
import { excerptIn, inputOf, makeSource, tinyParts } from './fixtures.ts';

const OUT = '/tmp/bundle/numbering-test';

async function stampsOf(bytes: Uint8Array): Promise<string[]> {
  const doc = await openPdf(bytes);
  const out: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const items = (await (await doc.getPage(n)).getTextContent()).items as Array<{ str: string }>;
    out.push(items[items.length - 1]!.str);
  }
  await doc.destroy();
  return out;
}

describe('numbering, supplementary bundles and volumes', () => {
  const printer = new ChromiumPrinter();
  afterAll(() => printer.close());
  let a: BundleSource, b: BundleSource, c: BundleSource;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    a = await makeSource({ title: 'Report A', pages: [{ lines: ['Alpha one.'], bulkKB: 24 }, { lines: ['Alpha two.'] }] });
    b = await makeSource({ title: 'Report B', pages: [{ lines: ['Bravo one.'], bulkKB: 24 }] });
    c = await makeSource({ title: 'Report C', pages: [{ lines: ['Charlie one threat.'], bulkKB: 24 }] });
  });
  const definition = (extra: Partial<BundleDefinition> = {}): BundleDefinition => ({
    schemaVersion: 1,
    pagination: 'continuous',
    sections: [
      { id: 'a', letter: 'A', title: 'Index', divider: false, items: [{ kind: 'generated', part: 'index' }] },
      { id: 'b', letter: 'B', title: 'Reports', divider: false, items: [{ kind: 'source', sourceId: a.meta.id }, { kind: 'source', sourceId: b.meta.id }] },
      { id: 'c', letter: 'C', title: 'News', divider: true, items: [{ kind: 'source', sourceId: c.meta.id }] },
    ],
    ...extra,
  });

  it('stamps section-prefixed labels A1, B1… and verifies against them', async () => {
    const input = inputOf([a, b, c], definition({ pagination: 'section-prefixed' }), [excerptIn(c, 'Charlie one threat.', 't-threat-patterns')]);
    const result = await buildBundle(input, { printer, renderPart: tinyParts });
    expect(result.report.pageLabels).toEqual(['A1', 'B1', 'B2', 'B3', 'C1', 'C2']);
    expect(await stampsOf(result.volumes[0]!.bytes)).toEqual(['A1', 'B1', 'B2', 'B3', 'C1', 'C2']);
    expect(result.report.excerpts[0]).toMatchObject({ label: 'E1', bundlePage: 6 });
    const doc = await openPdf(result.volumes[0]!.bytes);
    expect(await doc.getPageLabels()).toEqual(['A1', 'B1', 'B2', 'B3', 'C1', 'C2']);
    await doc.destroy();
  });

  it('continues a served bundle after its last page without renumbering', async () => {
    const input = inputOf([a, b, c], definition({ supplementary: { number: 1, date: '2026-02-20', afterPage: 200 } }));
    const result = await buildBundle(input, { printer, renderPart: tinyParts });
    expect(await stampsOf(result.volumes[0]!.bytes)).toEqual(['201', '202', '203', '204', '205', '206']);
    expect(result.report.numbering).toMatchObject({ pagination: 'continuous', offset: 200 });
    expect(result.report.numbering?.note).toContain('201');
    expect(result.report.documents[0]).toMatchObject({ firstPage: 2 });
  });

  it('splits into volumes under a cap with one pagination and one index', async () => {
    const input = inputOf([a, b, c], definition());
    const cap = 0.06;
    const result = await buildBundle(input, { printer, renderPart: tinyParts, volumeCapMB: cap });
    expect(result.volumes.length).toBeGreaterThan(1);
    for (const v of result.volumes) expect(v.bytes.length).toBeLessThanOrEqual(cap * 1048576);
    const labels = (await Promise.all(result.volumes.map((v) => stampsOf(v.bytes)))).flat();
    expect(labels).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(result.report.volumes.map((v) => [v.firstPage, v.lastPage])).toEqual(result.volumes.map((v) => [v.firstPage, v.lastPage]));
    expect(result.report.volumes[0]!.firstPage).toBe(1);
    expect(result.report.volumes.at(-1)!.lastPage).toBe(6);
    // The index (volume 1) names the volume of later documents; links across volumes are text only.
    const doc = await openPdf(result.volumes[0]!.bytes);
    const text = ((await (await doc.getPage(1)).getTextContent()).items as Array<{ str: string }>).map((i) => i.str).join(' ');
    expect(text).toMatch(/vol 2, p/);
    const outline = await doc.getOutline();
    expect(outline.map((o: { title: string }) => o.title)).toContain('A. Index');
    await doc.destroy();
    const files = await writeBundle(result, `${OUT}/split.pdf`);
    expect(files.map((f) => f.split('/').pop())).toEqual(result.volumes.map((_, i) => `split.vol${i + 1}.pdf`));
    expect(existsSync(`${OUT}/split.report.json`)).toBe(true);
    expect(await verifyBuiltFile(files[1]!)).toEqual({ ok: true, failures: [] });
  });

  it('stops with a typed error when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(buildBundle(inputOf([a], definition()), { printer, renderPart: tinyParts, signal: controller.signal })).rejects.toBeInstanceOf(BuildCancelledError);
  });
});
