import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, type BuildResult } from '../../src/bundle/index.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { verifyBundle, VerifyPool } from '../../src/verify/index.ts';
import { splitPages } from '../../src/verify/volume.ts';
import { excerptIn, indexThenSource, makeSource, tinyParts } from '../bundle/fixtures.ts';
import type { BuildReport } from '../../src/bundle/report.ts';

// Verification split over worker threads must give exactly what one thread gives:
// the same checks, the same failures, in page order.
describe('verification on worker threads', () => {
  const printer = new ChromiumPrinter();
  let built: BuildResult;
  afterAll(() => printer.close());
  beforeAll(async () => {
    const pages = Array.from({ length: 40 }, (_, i) => ({ lines: [`Paragraph ${i + 1}: Hazara were attacked in Quetta.`, i === 30 ? 'Karachi is not safe.' : 'Nothing else.'] }));
    const s = await makeSource({ title: 'Report', pages });
    const input = indexThenSource(s, [excerptIn(s, 'Karachi is not safe.', 't-internal-relocation-risk'), excerptIn(s, 'Paragraph 3:', 't-threat-patterns')]);
    // The build's own verification runs on three threads here.
    built = await buildBundle(input, { printer, renderPart: tinyParts, verifyThreads: 3 });
  }, 60_000);
  const bytes = () => built.volumes.map((v) => v.bytes);
  /** Every check fails somewhere: stamps on all pages, both excerpts, the index's links. */
  const broken = (): BuildReport => ({
    ...built.report,
    pageLabels: built.report.pageLabels.map((l) => String(Number(l) + 1)),
    excerpts: built.report.excerpts.map((e) => ({ ...e, bundlePage: e.bundlePage + 1 })),
  });

  it('splits pages into contiguous ranges that cover every page once', () => {
    for (const [count, threads] of [[1, 1], [41, 1], [41, 3], [1031, 2], [10089, 4]] as const) {
      const ranges = splitPages(count, threads);
      expect(ranges[0]!.from).toBe(1);
      expect(ranges.at(-1)!.to).toBe(count);
      ranges.slice(1).forEach((r, i) => expect(r.from).toBe(ranges[i]!.to + 1));
      if (threads > 1) expect(ranges.length).toBeGreaterThan(threads);
    }
  });

  it('passes a good bundle on one thread and on several', async () => {
    expect(built.report.pages).toBe(41);
    expect(await verifyBundle(bytes(), built.report, { threads: 1 })).toEqual({ ok: true, failures: [] });
    expect(await verifyBundle(bytes(), built.report, { threads: 3 })).toEqual({ ok: true, failures: [] });
  });

  it('reports the same failures in the same order as one thread, with the workers doing part of the work', async () => {
    // Every page read with pdfjs (the explicit list), so the workers have enough pages to take part.
    const extraTextPages = Array.from({ length: 41 }, (_, i) => i + 1);
    const single = await verifyBundle(bytes(), broken(), { threads: 1, extraTextPages });
    expect(single.ok).toBe(false);
    expect(single.failures.filter((f) => /no page label/.test(f))).toHaveLength(41);
    expect(single.failures.some((f) => /E1 is not on/.test(f))).toBe(true);
    expect(single.failures.some((f) => /link .* leads to bundle page/.test(f))).toBe(true);

    const pool = new VerifyPool(3);
    try {
      const started = await Promise.all(pool.workers);
      expect(started.every((w) => w?.usable)).toBe(true);
      const parallel = await verifyBundle(bytes(), broken(), { pool, extraTextPages });
      expect(parallel).toEqual(single);
      const byWorkers = started.reduce((n, w) => n + (w?.rangesChecked ?? 0), 0);
      expect(byWorkers).toBeGreaterThan(0);
      // A pool is reusable: a second verification (other bytes in the workers' hands) is right too.
      expect(await verifyBundle(bytes(), built.report, { pool })).toEqual({ ok: true, failures: [] });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('falls back to the calling thread when the workers are gone', async () => {
    const single = await verifyBundle(bytes(), broken(), { threads: 1 });
    const pool = new VerifyPool(3);
    try {
      const started = await Promise.all(pool.workers);
      await started[0]?.terminate();
      // The other one dies while verification is under way.
      const killing = new Promise((resolve) => setTimeout(resolve, 5)).then(() => started[1]?.terminate());
      const r = await verifyBundle(bytes(), broken(), { pool });
      await killing;
      expect(r).toEqual(single);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
