/**
 * Donors parsed ahead while the parts print must give the very bundle a
 * build that parses each donor itself gives, stay within their byte budget,
 * and leave a damaged source to the assembly's own clear error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../src/bundle/index.ts';
import { DonorPrefetch } from '../../src/bundle/prefetch.ts';
import { expandItems } from '../../src/bundle/plan.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { BundleError } from '../../src/errors.ts';
import { excerptIn, inputOf, makeSource } from './fixtures.ts';
import type { BundleInput } from '../../src/bundle/input.ts';

describe('donors read ahead while printing', () => {
  const printer = new ChromiumPrinter();
  let input: BundleInput;
  afterAll(() => printer.close());
  beforeAll(async () => {
    const a = await makeSource({ title: 'Pakistan: Security situation', pages: Array.from({ length: 4 }, (_, i) => ({ lines: [`Paragraph ${i + 1}: Hazara were attacked in Quetta.`] })) });
    const b = await makeSource({ title: 'Pakistan: Religious minorities', pages: Array.from({ length: 3 }, (_, i) => ({ lines: [`Section ${i + 1}: Ahmadis were threatened in Lahore.`] })) });
    input = inputOf(
      [a, b],
      {
        schemaVersion: 1,
        pagination: 'continuous',
        sections: [
          { id: 'a', letter: 'A', title: 'Bundle parts', divider: false, items: [{ kind: 'generated', part: 'index' }, { kind: 'generated', part: 'schedule' }] },
          { id: 'b', letter: 'B', title: 'Country evidence', divider: true, items: [{ kind: 'source', sourceId: a.meta.id }, { kind: 'source', sourceId: b.meta.id }, { kind: 'source', sourceId: a.meta.id, pages: '2-3' }] },
        ],
      },
      [excerptIn(a, 'Paragraph 2: Hazara were attacked', 't-threat-patterns', 2), excerptIn(b, 'Section 1: Ahmadis were threatened', 't-threat-patterns', 1)],
    );
  });

  it('makes the same bytes with and without reading ahead', async () => {
    const ahead = await buildBundle(input, { printer, verifyThreads: 1 });
    const alone = await buildBundle(input, { printer, verifyThreads: 1, prefetchBytes: 0 });
    expect(ahead.report.pages).toBe(alone.report.pages);
    expect(Buffer.from(ahead.volumes[0]!.bytes).equals(Buffer.from(alone.volumes[0]!.bytes))).toBe(true);
  }, 120_000);

  it('reads sources in bundle order within the budget, each handed out once', async () => {
    const items = expandItems(input);
    const ids = [...new Set(items.flatMap((i) => (i.kind === 'source' ? [i.meta.id] : [])))];
    const first = input.sources.get(ids[0]!)!.pdf.length;
    const prefetch = new DonorPrefetch(input, items, first);
    await prefetch.settled;
    const doc = await prefetch.take(ids[0]!);
    expect(doc?.getPageCount()).toBe(4);
    expect(prefetch.take(ids[0]!)).toBeUndefined();
    expect(prefetch.take(ids[1]!)).toBeUndefined();
    expect(prefetch.parsed).toEqual([ids[0]]);
    prefetch.stop();
    // A source asked for before its turn is left to the caller, not parsed a second time.
    const early = new DonorPrefetch(input, items);
    expect(early.take(ids[1]!)).toBeUndefined();
    await early.settled;
    expect(early.parsed).toEqual([ids[0]]);
    early.stop();
  });

  it('leaves a damaged source to the assembly, which names it', async () => {
    const broken: BundleInput = { ...input, sources: new Map([...input.sources].map(([id, s], k) => [id, k === 1 ? { ...s, pdf: new TextEncoder().encode('%PDF-1.7\nnot really a pdf') } : s])) };
    await expect(buildBundle(broken, { printer, verifyThreads: 1 })).rejects.toThrow(BundleError);
    await expect(buildBundle(broken, { printer, verifyThreads: 1 })).rejects.toThrow(/Religious minorities/);
  }, 120_000);
});
