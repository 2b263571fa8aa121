import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { buildBundle, writeBundle, type BuildResult } from '../../src/bundle/index.ts';
import type { BundleInput } from '../../src/bundle/input.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { openPdf } from '../../src/pdf/pdfjs.ts';
import { verifyBuiltFile } from '../../src/verify/index.ts';
import { excerptIn, inputOf, makeSource, tinyParts } from './fixtures.ts';

const OUT = '/tmp/bundle/build-test';
const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

describe('buildBundle on awkward sources', () => {
  const printer = new ChromiumPrinter();
  let input: BundleInput;
  let result: BuildResult;
  let file: string;
  afterAll(() => printer.close());

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const report = await makeSource({
      title: 'تقرير: Hazara in Quetta',
      url: 'https://example.org/hazara',
      withLink: true,
      withFormField: true,
      pages: [
        { lines: ['Targeted killings of Hazara continued in Quetta.', 'Original page 1'] },
        { lines: ['Rotated ninety page text.', 'Threat letters were delivered.'], rotate: 90 },
        { lines: ['Rotated two-seventy page.', 'Kidnapping was reported.'], rotate: 270 },
        { lines: ['Cropped page text sits here.'], cropInset: 60 },
        { lines: ['Landscape page about Karachi relocation.'], landscape: true },
        { lines: ['Unbalanced page text.'], unbalanced: true },
      ],
    });
    const second = await makeSource({ title: 'Karachi news', pages: [{ lines: ['Threats reached Karachi in 2024.'] }, { lines: ['Not included.'] }] });
    const excerpts = [
      excerptIn(report, 'Threat letters were delivered.', 't-threat-patterns'),
      excerptIn(report, 'Targeted killings of Hazara', 't-threat-patterns'),
      excerptIn(report, 'Cropped page text', 't-internal-relocation-risk'),
      excerptIn(second, 'Threats reached Karachi', 't-internal-relocation-risk'),
      excerptIn(second, 'Not included.', 't-threat-patterns'),
    ];
    input = inputOf(
      [report, second],
      {
        schemaVersion: 1,
        pagination: 'continuous',
        sections: [
          { id: 'a', letter: 'A', title: 'Index', divider: false, items: [{ kind: 'generated', part: 'index' }] },
          { id: 'b', letter: 'B', title: 'الأدلة Country evidence', divider: true, items: [{ kind: 'source', sourceId: report.meta.id }, { kind: 'source', sourceId: second.meta.id, pages: '1' }] },
        ],
      },
      excerpts,
    );
    result = await buildBundle(input, { printer, renderPart: tinyParts });
    file = (await writeBundle(result, `${OUT}/bundle.pdf`))[0]!;
  });

  it('numbers every page and reports where each document and excerpt went', () => {
    const r = result.report;
    expect(r.pages).toBe(1 + 1 + 6 + 1);
    expect(r.documents.map((d) => [d.firstPage, d.lastPage])).toEqual([[3, 8], [9, 9]]);
    expect(r.excerpts.map((e) => [e.label, e.bundlePage])).toEqual([['E1', 3], ['E2', 4], ['E3', 6], ['E4', 9]]);
    expect(r.pageLabels).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(sh('pdfinfo', [file!])).toMatch(/Pages:\s+9/);
    expect(() => sh('qpdf', ['--check', file!])).not.toThrow();
  });

  it('passes verification from the written files', async () => {
    expect(await verifyBuiltFile(file!)).toEqual({ ok: true, failures: [] });
  });

  it('stamps each label at the visual bottom right, rotated, cropped, landscape and unbalanced pages included', async () => {
    const doc = await openPdf(result.volumes[0]!.bytes);
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const vp = page.getViewport({ scale: 1 });
      const items = (await page.getTextContent()).items as Array<{ str: string; transform: number[] }>;
      const stamp = items.findLast((i) => i.str === String(n));
      expect(stamp, `page ${n}`).toBeDefined();
      const [x, y] = vp.convertToViewportPoint(stamp!.transform[4]!, stamp!.transform[5]!) as [number, number];
      expect(x, `page ${n} x`).toBeGreaterThan(vp.width - 60);
      expect(x).toBeLessThan(vp.width);
      expect(y, `page ${n} y`).toBeGreaterThan(vp.height - 30);
      expect(y).toBeLessThan(vp.height);
      // Upright: the text's baseline runs left to right on screen.
      const [x2] = vp.convertToViewportPoint(stamp!.transform[4]! + stamp!.transform[0]!, stamp!.transform[5]! + stamp!.transform[1]!) as [number, number];
      expect(x2).toBeGreaterThan(x);
      const txt = sh('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file!, '-']);
      expect(txt).toContain(String(n));
    }
    const landscape = await doc.getPage(7);
    expect(landscape.getViewport({ scale: 1 }).width).toBeGreaterThan(landscape.getViewport({ scale: 1 }).height);
    const rotated = await doc.getPage(4);
    expect(rotated.rotate).toBe(90);
    expect((await doc.getPage(5)).rotate).toBe(270);
    const cropped = await doc.getPage(6);
    expect(cropped.view).toEqual([60, 60, 535, 782]);
    await doc.destroy();
  });

  it('keeps highlighted excerpts findable by pdftotext on their bundle page and leaves out excluded pages', () => {
    for (const e of result.report.excerpts) {
      const txt = sh('pdftotext', ['-f', String(e.bundlePage), '-l', String(e.bundlePage), file!, '-']).replace(/\s+/g, ' ');
      expect(txt).toContain(e.quote.replace(/\s+/g, ' '));
      expect(txt).toContain(e.label);
    }
    expect(result.report.excerpts.some((e) => e.quote === 'Not included.')).toBe(false);
  });

  it('keeps the sources’ own link annotation and form field', async () => {
    const doc = await PDFDocument.load(result.volumes[0]!.bytes);
    expect(doc.getForm().getFields().map((f) => f.getName())).toEqual(['appellant.name']);
    const annots = doc.getPage(2).node.Annots()!;
    const uris = annots.asArray().map((a) => doc.context.lookupMaybe(a, PDFDict)?.lookupMaybe(PDFName.of('A'), PDFDict)?.get(PDFName.of('URI'))?.toString());
    expect(uris).toContain('(https://example.org/report)');
    // No duplicate pages were dragged in by the annotations' /P references.
    const pageObjects = doc.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('Page'));
    expect(pageObjects).toHaveLength(9);
  });

  it('turns index links into GoTo links to the named pages, with Unicode bookmarks', async () => {
    const doc = await openPdf(result.volumes[0]!.bytes);
    const annots = await (await doc.getPage(1)).getAnnotations();
    const targets = [];
    for (const a of annots.filter((x: { subtype: string }) => x.subtype === 'Link')) targets.push((await doc.getPageIndex(a.dest[0])) + 1);
    expect(targets).toEqual([1, 2, 3, 9, 3, 4, 6, 9]);
    const outline = await doc.getOutline();
    expect(outline.map((o: { title: string }) => o.title)).toEqual(['A. Index', 'B. الأدلة Country evidence']);
    expect(outline[1]!.items.map((o: { title: string }) => o.title)).toEqual(['تقرير: Hazara in Quetta', 'Karachi news']);
    const meta = await doc.getMetadata();
    expect(meta.info).toMatchObject({ Title: "AH v SSHD — Appellant's bundle", Producer: 'Sanad', Creator: 'Sanad', Subject: 'UK First-tier Tribunal (IAC)' });
    await doc.destroy();
  });

  it('gives the same bytes for the same inputs, with no paths or user names inside', async () => {
    const again = await buildBundle(input, { printer, renderPart: tinyParts });
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(sha(again.volumes[0]!.bytes)).toBe(sha(result.volumes[0]!.bytes));
    const raw = Buffer.from(result.volumes[0]!.bytes).toString('latin1');
    expect(raw).not.toContain('/tmp');
    expect(raw).not.toContain(process.env.USER ?? 'nobody-here');
    expect(raw).not.toMatch(/\/ID\s*\[/);
  });

  it('renders pages that look right: a stamp ink in the bottom-right corner, coloured highlights on excerpt pages', () => {
    rmSync(`${OUT}/look`, { recursive: true, force: true });
    mkdirSync(`${OUT}/look`, { recursive: true });
    sh('pdftoppm', ['-r', '40', '-cropbox', '-png', file!, `${OUT}/look/p`]);
    const pngs = readdirSync(`${OUT}/look`).filter((f) => f.endsWith('.png')).sort();
    expect(pngs).toHaveLength(9);
    const fx = (png: string, ops: string[], expr: string) => Number(sh('convert', [`${OUT}/look/${png}`, ...ops, '-format', `%[fx:${expr}]`, 'info:']));
    pngs.forEach((png, i) => {
      const [w, h] = sh('identify', ['-format', '%w %h', `${OUT}/look/${png}`]).split(' ').map(Number) as [number, number];
      // The stamp: dark ink in the bottom-right corner (last 25% across, last 6% down) of every page.
      const corner = fx(png, ['-crop', `${Math.round(w * 0.25)}x${Math.round(h * 0.06)}+${Math.round(w * 0.75)}+${Math.round(h * 0.94)}`, '-colorspace', 'Gray'], 'minima');
      expect(corner, `page ${i + 1} stamp`).toBeLessThan(0.5);
      // Highlights are the only saturated colour on a source page (page 8 draws a red square of its own).
      const saturation = fx(png, ['-colorspace', 'HSL', '-channel', 'G', '-separate'], 'maxima');
      const hasExcerpt = result.report.excerpts.some((e) => e.bundlePage === i + 1);
      if (i + 1 > 2 && i + 1 !== 8) expect(saturation > 0.3, `page ${i + 1} highlight`).toBe(hasExcerpt);
    });
    const [lw, lh] = sh('identify', ['-format', '%w %h', `${OUT}/look/${pngs[6]}`]).split(' ').map(Number) as [number, number];
    expect(lw).toBeGreaterThan(lh);
  });
});
