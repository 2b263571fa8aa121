import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, StandardFonts } from '@cantoo/pdf-lib';
import { appendPagesDirectly, balancePageTree } from '../../src/bundle/page-tree.ts';
import { extractText } from '../../src/pdf/text.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-page-tree-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function numberedPdf(pages: number, fanout?: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) doc.addPage([200, 200]).drawText(`Page ${n}`, { x: 20, y: 100, size: 12, font });
  // A bookmark-like reference to page 150 that must still resolve after regrouping.
  const target = doc.getPage(Math.min(pages, 150) - 1).ref;
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj([target, PDFName.of('Fit')]));
  balancePageTree(doc, fanout);
  return doc.save({ useObjectStreams: true, addDefaultPage: false });
}

interface TreeStats {
  leaves: number;
  maxKids: number;
  depth: number;
}

/** Walks the saved tree, checking /Count and /Parent on every node. */
function walk(doc: PDFDocument, ref: PDFRef, parent: PDFRef | undefined, depth: number): TreeStats {
  const node = doc.context.lookup(ref, PDFDict);
  expect(node.get(PDFName.of('Parent'))).toEqual(parent);
  if (node.get(PDFName.of('Type')) === PDFName.of('Page')) return { leaves: 1, maxKids: 0, depth };
  const kids = node.lookup(PDFName.of('Kids'), PDFArray).asArray() as PDFRef[];
  const stats = kids.map((k) => walk(doc, k, ref, depth + 1));
  const leaves = stats.reduce((n, s) => n + s.leaves, 0);
  expect(node.lookup(PDFName.of('Count'), PDFNumber).asNumber()).toBe(leaves);
  return { leaves, maxKids: Math.max(kids.length, ...stats.map((s) => s.maxKids)), depth: Math.max(...stats.map((s) => s.depth)) };
}

describe('balancePageTree', () => {
  it('groups pages under nodes of at most 64 kids, in order, with counts and parents right', async () => {
    const bytes = await numberedPdf(300);
    const doc = await PDFDocument.load(bytes);
    const root = doc.catalog.get(PDFName.of('Pages')) as PDFRef;
    const stats = walk(doc, root, undefined, 0);
    expect(stats).toEqual({ leaves: 300, maxKids: 64, depth: 2 });
    expect(doc.catalog.Pages().Kids().size()).toBe(5);
    const text = await extractText(bytes);
    expect(text.map((p) => p.text.trim())).toEqual(Array.from({ length: 300 }, (_, i) => `Page ${i + 1}`));
    // The reference to page 150 still points at page 150.
    const open = doc.catalog.lookup(PDFName.of('OpenAction'), PDFArray).get(0) as PDFRef;
    expect(doc.getPages().findIndex((p) => p.ref === open)).toBe(149);
    const file = join(dir, 'three-hundred.pdf');
    writeFileSync(file, bytes);
    expect(() => execFileSync('qpdf', ['--check', file])).not.toThrow();
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Pages:\s+300/);
  });

  it('adds levels when one level of nodes would itself be too wide', async () => {
    const bytes = await numberedPdf(70, 4);
    const doc = await PDFDocument.load(bytes);
    const stats = walk(doc, doc.catalog.get(PDFName.of('Pages')) as PDFRef, undefined, 0);
    expect(stats).toEqual({ leaves: 70, maxKids: 4, depth: 4 });
    expect((await extractText(bytes)).map((p) => p.text.trim())).toEqual(Array.from({ length: 70 }, (_, i) => `Page ${i + 1}`));
  });

  it('leaves a small tree flat and gives the same bytes every time', async () => {
    const small = await PDFDocument.load(await numberedPdf(64));
    expect(small.catalog.Pages().Kids().size()).toBe(64);
    expect(Buffer.from(await numberedPdf(200)).equals(Buffer.from(await numberedPdf(200)))).toBe(true);
  });
});

describe('appendPagesDirectly', () => {
  /** 250 pages, new and copied from another document, added as the assembly adds them. */
  async function built(direct: boolean): Promise<Uint8Array> {
    const donor = await PDFDocument.load(await numberedPdf(40));
    const doc = await PDFDocument.create({ updateMetadata: false });
    if (direct) appendPagesDirectly(doc);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let n = 1; n <= 210; n++) doc.addPage([200, 200]).drawText(`New ${n}`, { x: 20, y: 100, size: 12, font });
    for (const page of await doc.copyPages(donor, donor.getPageIndices())) doc.addPage(page);
    return doc.save({ useObjectStreams: true, addDefaultPage: false });
  }

  it("gives the very bytes pdf-lib's own page insertion gives", async () => {
    const direct = await built(true);
    expect(Buffer.from(direct).equals(Buffer.from(await built(false)))).toBe(true);
    const doc = await PDFDocument.load(direct);
    expect(walk(doc, doc.catalog.get(PDFName.of('Pages')) as PDFRef, undefined, 0)).toEqual({ leaves: 250, maxKids: 250, depth: 1 });
  });

  it("leaves any other insertion, and a tree changed meanwhile, to pdf-lib's walk", async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    appendPagesDirectly(doc);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const add = (label: string, at?: number) => {
      const page = at === undefined ? doc.addPage([200, 200]) : doc.insertPage(at, [200, 200]);
      page.drawText(label, { x: 20, y: 100, size: 12, font });
    };
    for (let n = 1; n <= 100; n++) add(`Page ${n}`);
    add('First', 0);
    balancePageTree(doc, 8);
    add('Last');
    add('Second', 1);
    const bytes = await doc.save({ useObjectStreams: true, addDefaultPage: false });
    const saved = await PDFDocument.load(bytes);
    expect(walk(saved, saved.catalog.get(PDFName.of('Pages')) as PDFRef, undefined, 0).leaves).toBe(103);
    const labels = (await extractText(bytes)).map((p) => p.text.trim());
    expect(labels).toEqual(['First', 'Second', ...Array.from({ length: 100 }, (_, i) => `Page ${i + 1}`), 'Last']);
  });
});
