/**
 * Source pages copied while the parts print must give the very bundle a
 * build that copies them after the prints gives, really run during the
 * prints, and leave a damaged source to the assembly's own clear error.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildBundle } from '../../src/bundle/index.ts';
import { DonorCopier } from '../../src/bundle/copy.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import type { Printer } from '../../src/print/printer.ts';
import { BundleError } from '../../src/errors.ts';
import { excerptIn, inputOf, makeSource } from './fixtures.ts';
import type { BundleInput } from '../../src/bundle/input.ts';

describe('source pages copied while printing', () => {
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

  it('makes the same bytes with and without copying ahead', async () => {
    const ahead = await buildBundle(input, { printer, verifyThreads: 1 });
    const after = await buildBundle(input, { printer, verifyThreads: 1, copyAhead: false });
    expect(ahead.report.pages).toBe(after.report.pages);
    expect(Buffer.from(ahead.volumes[0]!.bytes).equals(Buffer.from(after.volumes[0]!.bytes))).toBe(true);
    // The sources come first in the file, the parts after them, and the page order is the bundle's.
    const dir = mkdtempSync(join(tmpdir(), 'sanad-copy-ahead-'));
    try {
      const file = join(dir, 'bundle.pdf');
      writeFileSync(file, ahead.volumes[0]!.bytes);
      expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
      const docs = ahead.report.documents;
      expect(docs).toHaveLength(3);
      // The first page outside the generated parts holding the words (the schedule quotes excerpts too).
      const generated = (n: number) => ahead.report.parts.some((p) => n >= p.firstPage && n <= p.lastPage);
      const first = (needle: string) => text.findIndex((page, i) => !generated(i + 1) && page.includes(needle)) + 1;
      expect(first('Paragraph 1: Hazara were attacked')).toBe(docs[0]!.firstPage);
      expect(first('Section 1: Ahmadis were threatened')).toBe(docs[1]!.firstPage);
      expect(text[docs[2]!.firstPage - 1]).toContain('Paragraph 2: Hazara were attacked');
      // The generated parts stay where the plan put them, ahead of the sources.
      const index = ahead.report.parts.find((p) => p.kind === 'index')!;
      expect(index.firstPage).toBe(1);
      expect(docs[0]!.firstPage).toBeGreaterThan(index.lastPage);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('copies the source pages while Chromium prints', async () => {
    const events: string[] = [];
    const realCopy = DonorCopier.prototype.copyPages;
    const spy = vi.spyOn(DonorCopier.prototype, 'copyPages').mockImplementation(function (this: DonorCopier, indices: number[]) {
      events.push('copy');
      return realCopy.call(this, indices);
    });
    // A printer slower than the copy: every source is copied before the first print returns.
    const slow: Printer = {
      async printHtml(html, options) {
        events.push('print starts');
        const pdf = await printer.printHtml(html, options);
        await new Promise((resolve) => setTimeout(resolve, 500));
        events.push('print ends');
        return pdf;
      },
      close: async () => undefined,
    };
    try {
      await buildBundle(input, { printer: slow, verifyThreads: 1 });
    } finally {
      spy.mockRestore();
    }
    // Nothing is copied before the first print is on its way: the copy never delays it.
    expect(events.slice(0, events.indexOf('print starts'))).not.toContain('copy');
    const firstEnd = events.indexOf('print ends');
    // Three source items (the first source twice), copied before the parts' print ended; the parts' copy after it.
    expect(events.slice(0, firstEnd).filter((e) => e === 'copy')).toHaveLength(3);
    expect(events.slice(firstEnd).filter((e) => e === 'copy').length).toBeGreaterThan(0);
  }, 120_000);

  it('says when it will print nothing more: before verifying, after the last print', async () => {
    const events: string[] = [];
    let done = false;
    const watched: Printer = {
      async printHtml(html, options) {
        if (done) throw new Error('printed after the build said it was done printing');
        events.push('print');
        return printer.printHtml(html, options);
      },
      close: async () => undefined,
    };
    const built = await buildBundle(input, {
      printer: watched,
      verifyThreads: 1,
      onPrintingDone: () => {
        done = true;
        events.push('done printing');
      },
      onProgress: (p) => {
        if (p.stage === 'verify' && p.done === 0) events.push('verify');
      },
    });
    expect(built.report.pages).toBeGreaterThan(7);
    expect(events.filter((e) => e === 'done printing')).toHaveLength(1);
    expect(events.lastIndexOf('print')).toBeLessThan(events.indexOf('done printing'));
    expect(events.indexOf('done printing')).toBeLessThan(events.indexOf('verify'));
  }, 120_000);

  it('leaves a damaged source to the assembly, which names it', async () => {
    const broken: BundleInput = { ...input, sources: new Map([...input.sources].map(([id, s], k) => [id, k === 1 ? { ...s, pdf: new TextEncoder().encode('%PDF-1.7\nnot really a pdf') } : s])) };
    await expect(buildBundle(broken, { printer, verifyThreads: 1 })).rejects.toThrow(BundleError);
    await expect(buildBundle(broken, { printer, verifyThreads: 1 })).rejects.toThrow(/Religious minorities/);
  }, 120_000);
});
