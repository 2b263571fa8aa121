import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareSource, type PrepareOptions } from '../../src/ingest/index.ts';
import { preparePdf } from '../../src/ingest/pdf.ts';
import { probeWithPdfjs } from '../../src/ingest/pdf-checks.ts';
import { stopPdfWorker } from '../../src/ingest/pdf-worker.ts';
import { readInput } from '../../src/ingest/detect.ts';
import { DamagedSourceError, SourceTooComplexError, SourceTooLargeError } from '../../src/errors.ts';
import { buildBundle, writeBundle } from '../../src/bundle/index.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { verifyBuiltFile } from '../../src/verify/index.ts';
import type { Printer } from '../../src/print/printer.ts';
import { inputOf, makeSource, tinyParts } from '../bundle/fixtures.ts';
import { sourceOf } from '../bundle/hostile-fixtures.ts';
import { missingKids, pageIsStream, pagesNodeIsStream, pageTreeBomb, parentNotPages, widgetsOnNoPage } from './broken-pdfs.ts';
import { scratchDir, textPdf, write } from './fixtures.ts';

const noPrinter: Printer = { printHtml: () => Promise.reject(new Error('no printer for PDFs')), close: () => Promise.resolve() };
const options: PrepareOptions = { printer: noPrinter, scope: { kind: 'library' }, now: new Date('2026-01-02T03:04:05Z') };
const dir = scratchDir();
afterAll(() => stopPdfWorker());

const BROKEN = [
  { name: 'wrong-parent.pdf', make: parentNotPages, pages: 2, label: 'Wrong parent' },
  { name: 'stream-page.pdf', make: pageIsStream, pages: 2, label: 'Stream page' },
  { name: 'stream-node.pdf', make: pagesNodeIsStream, pages: 3, label: 'Stream node' },
  { name: 'missing-kids.pdf', make: missingKids, pages: 2, label: 'Missing kids' },
  { name: 'orphan-widget.pdf', make: widgetsOnNoPage, pages: 2, label: 'Orphan widget' },
];

describe('untrusted PDFs at import', () => {
  it('refuses a 4 KB page-tree bomb within the test timeout, naming the file, whether its /Count is absurd or honest', async () => {
    for (const honest of [false, true]) {
      const bomb = pageTreeBomb(8, 8, honest);
      expect(bomb.length).toBeLessThan(4096);
      const file = await write(dir, `bomb-${honest}.pdf`, bomb);
      const err = await prepareSource(file, options).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DamagedSourceError);
      expect((err as Error).message).toMatch(new RegExp(`^bomb-${honest}\\.pdf is damaged.*(claims 16777216 pages|same node more than once)`));
    }
  }, 20_000);

  it('stops a file that exceeds the worker’s time limit with a typed error naming it, and the caller stays responsive', async () => {
    const big = await (await textPdf(Array.from({ length: 400 }, (_, i) => `Page ${i + 1} of a long report`))).save();
    const file = await write(dir, 'slow-report.pdf', big);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const err = await prepareSource(file, { ...options, pdfLimits: { timeoutSeconds: 0.05 } }).catch((e: unknown) => e);
    clearInterval(timer);
    expect(err).toBeInstanceOf(SourceTooComplexError);
    expect((err as Error).message).toMatch(/^slow-report\.pdf was refused because it took longer than 0\.05 seconds to read/);
    // The event loop kept turning while the worker parsed.
    expect(ticks).toBeGreaterThan(0);
    // The next file gets a fresh worker.
    const ok = await prepareSource(await write(dir, 'small.pdf', await (await textPdf(['fine'])).save()), options);
    expect(ok.meta.pages).toBe(1);
  }, 60_000);

  it('stops a file that exceeds the worker’s memory limit with a typed error naming it', async () => {
    const pages = Array.from({ length: 1500 }, (_, i) => `Page ${i + 1} `.repeat(40));
    const file = await write(dir, 'heavy-report.pdf', await (await textPdf(pages)).save());
    const err = await prepareSource(file, { ...options, pdfLimits: { memoryMb: 8, timeoutSeconds: 60 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceTooComplexError);
    expect((err as Error).message).toMatch(/^heavy-report\.pdf was refused because (it needed more than 8 MB of memory|the reader stopped)/);
  }, 90_000);

  it('refuses a file over the size cap before reading it', async () => {
    const file = await write(dir, 'huge.pdf', await (await textPdf(['x'])).save());
    const err = await readInput(file, 100).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceTooLargeError);
    expect((err as Error).message).toMatch(/^huge\.pdf is \d+ MB, more than Sanad imports in one file/);
  });

  it('does not report an ordinary PDF as encrypted', async () => {
    const probe = await probeWithPdfjs(await (await textPdf(['plain'])).save());
    expect(probe).toMatchObject({ ok: true, encrypted: false });
  });

  it('repairs each broken page tree and form so the file can be bundled, and flags it', async () => {
    for (const b of BROKEN) {
      const file = await write(dir, b.name, await b.make());
      const source = await prepareSource(file, options);
      expect(source.meta.pages, b.name).toBe(b.pages);
      expect(source.meta.flags, b.name).toContain(b.name === 'orphan-widget.pdf' ? 'forms-not-flattened' : 'repaired');
      expect(source.text.map((p) => p.text.trim()), b.name).toEqual(Array.from({ length: b.pages }, (_, i) => `${b.label} page ${i + 1} of ${b.pages}`).map((t, i) => (b.name === 'orphan-widget.pdf' && i === 0 ? expect.stringContaining(t) : t)));
    }
  }, 60_000);
});

describe('a bundle of odd sources', () => {
  const printer = new ChromiumPrinter();
  afterAll(() => printer.close());

  it('names a source that cannot be copied instead of failing with an internal error', async () => {
    const raw = await sourceOf(await parentNotPages(), 'Wrong parent report');
    const input = inputOf([raw], { schemaVersion: 1, pagination: 'continuous', sections: [{ id: 'b', letter: 'A', title: 'Evidence', divider: false, items: [{ kind: 'source', sourceId: raw.meta.id }] }] });
    const err = await buildBundle(input, { printer, renderPart: tinyParts }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^"Wrong parent report" could not be copied into the bundle \(.*\): re-import it or remove it from the bundle/);
  });

  it('builds every imported broken file with awkward ones into one bundle that verifies and passes qpdf --check', async () => {
    const sources = [];
    for (const b of BROKEN) {
      const prepared = await preparePdf(b.name, await b.make());
      sources.push(await sourceOf(prepared.documentPdf, b.label));
    }
    sources.push(await makeSource({ title: 'Awkward', withLink: true, withFormField: true, pages: [{ lines: ['Rotated'], rotate: 90 }, { lines: ['Cropped'], cropInset: 40 }, { lines: ['Open state'], unbalanced: true }] }));
    const input = inputOf(sources, {
      schemaVersion: 1,
      pagination: 'continuous',
      sections: [
        { id: 'a', letter: 'A', title: 'Index', divider: false, items: [{ kind: 'generated', part: 'index' }] },
        { id: 'b', letter: 'B', title: 'Evidence', divider: false, items: sources.map((s) => ({ kind: 'source' as const, sourceId: s.meta.id })) },
      ],
    });
    const result = await buildBundle(input, { printer, renderPart: tinyParts });
    expect(result.report.pages).toBe(1 + BROKEN.reduce((n, b) => n + b.pages, 0) + 3);
    mkdirSync('/tmp/bundle/odd-sources', { recursive: true });
    const file = (await writeBundle(result, '/tmp/bundle/odd-sources/bundle.pdf'))[0]!;
    expect(await verifyBuiltFile(file)).toEqual({ ok: true, failures: [] });
    expect(() => execFileSync('qpdf', ['--check', file])).not.toThrow();
  }, 60_000);
});
