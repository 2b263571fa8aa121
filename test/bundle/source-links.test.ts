import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, writeBundle, type BuildResult } from '../../src/bundle/index.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { openPdf } from '../../src/pdf/pdfjs.ts';
import { verifyBuiltFile } from '../../src/verify/index.ts';
import type { BundleSource } from '../../src/bundle/input.ts';
import { inputOf, tinyParts } from './fixtures.ts';
import { CHROMIUM_LINK_TARGETS, PDF_LIB_LINK_TARGETS, linkedChromiumReport, linkedPdfLibReport, sourceOf } from './hostile-fixtures.ts';

const OUT = '/tmp/bundle/source-links-test';

/** Bundle pages (1-based) that the links on bundle page `page` lead to, in annotation order. */
async function linkTargets(bytes: Uint8Array, page: number): Promise<number[]> {
  const doc = await openPdf(bytes);
  try {
    const annots = (await (await doc.getPage(page)).getAnnotations()) as Array<{ subtype: string; dest?: unknown }>;
    const out: number[] = [];
    for (const a of annots.filter((x) => x.subtype === 'Link' && x.dest)) {
      const dest = typeof a.dest === 'string' ? await doc.getDestination(a.dest) : (a.dest as unknown[]);
      out.push((await doc.getPageIndex(dest![0] as never)) + 1);
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

describe('a source’s own internal links in the bundle', () => {
  const printer = new ChromiumPrinter();
  let chromium: BundleSource;
  let pdfLib: BundleSource;
  let result: BuildResult;
  let file: string;
  afterAll(() => printer.close());

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    chromium = await sourceOf(await linkedChromiumReport(printer), 'Chromium country report');
    pdfLib = await sourceOf(await linkedPdfLibReport(), 'pdf-lib country report');
    const input = inputOf([chromium, pdfLib], {
      schemaVersion: 1,
      pagination: 'continuous',
      sections: [
        { id: 'a', letter: 'A', title: 'Index', divider: false, items: [{ kind: 'generated', part: 'index' }] },
        {
          id: 'b',
          letter: 'B',
          title: 'Country evidence',
          divider: false,
          items: [
            { kind: 'source', sourceId: chromium.meta.id },
            { kind: 'source', sourceId: pdfLib.meta.id },
            { kind: 'source', sourceId: pdfLib.meta.id, pages: '1-3' },
            { kind: 'source', sourceId: chromium.meta.id, pages: '1-4' },
          ],
        },
      ],
    });
    // Verification runs inside the build: it throws if any link does not resolve.
    result = await buildBundle(input, { printer, renderPart: tinyParts });
    file = (await writeBundle(result, `${OUT}/bundle.pdf`))[0]!;
  });

  it('builds and passes verification from the written file, and qpdf finds nothing wrong', async () => {
    expect(await verifyBuiltFile(file)).toEqual({ ok: true, failures: [] });
    expect(() => execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).not.toThrow();
  });

  it('sends each link of a whole document to the bundle page of its target', async () => {
    const docs = result.report.documents;
    expect(docs.map((d) => [d.title, d.lastPage - d.firstPage + 1])).toEqual([
      ['Chromium country report', 7],
      ['pdf-lib country report', 5],
      ['pdf-lib country report', 3],
      ['Chromium country report', 4],
    ]);
    const [chr, lib] = docs;
    expect(await linkTargets(result.volumes[0]!.bytes, chr!.firstPage)).toEqual(CHROMIUM_LINK_TARGETS.map((t) => chr!.firstPage + t));
    expect(await linkTargets(result.volumes[0]!.bytes, lib!.firstPage)).toEqual(PDF_LIB_LINK_TARGETS.map((t) => lib!.firstPage + t));
  });

  it('keeps only the links of a page range whose target is in the range, landing in that copy', async () => {
    const [, , libRange, chrRange] = result.report.documents;
    // pdf-lib pages 1-3: the explicit link to page 3 and the GoTo to page 2 stay; pages 4 and 5 are not in the bundle.
    expect(await linkTargets(result.volumes[0]!.bytes, libRange!.firstPage)).toEqual([libRange!.firstPage + 2, libRange!.firstPage + 1]);
    // Chromium pages 1-4: only section 1 (page 3) is in the range.
    expect(await linkTargets(result.volumes[0]!.bytes, chrRange!.firstPage)).toEqual([chrRange!.firstPage + 2]);
  });

  it('leaves no named destination or dragged-in page behind', () => {
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { maxBuffer: 1 << 28 }).toString('latin1');
    expect(qdf).not.toMatch(/\/Dest\s*\/chap|\/Dest\s*\/sec|\/Dests/);
    const pageObjects = qdf.match(/\/Type \/Page\b/g) ?? [];
    expect(pageObjects).toHaveLength(result.report.pages);
  });
});
