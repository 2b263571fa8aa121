import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { extractText } from '../../src/pdf/text.ts';
import { renderTemplate } from '../../src/templates/render.ts';
import { openPdf } from '../../src/pdf/pdfjs.ts';
import { PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib';

describe('ChromiumPrinter with the shipped templates', () => {
  const printer = new ChromiumPrinter();
  afterAll(() => printer.close());

  it('prints a template to an A4 PDF whose text pdfjs can read, Latin and Arabic script alike', async () => {
    const html = renderTemplate('smoke', { title: 'Threats traced to Karachi', body: 'Sent from an address in Karachi.', urdu: 'کراچی سے دھمکی' }, { paper: 'A4' });
    const pdf = await printer.printHtml(html, { paper: 'A4' });
    const doc = await openPdf(pdf);
    const page = await doc.getPage(1);
    // A4 is 595.28 × 841.89 pt; Chromium rounds to its own pixel grid.
    expect(Math.abs(page.view[2]! - 595.28)).toBeLessThan(1);
    expect(Math.abs(page.view[3]! - 841.89)).toBeLessThan(1);
    await doc.destroy();
    const pages = await extractText(pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.text).toContain('Threats traced to Karachi');
    expect(pages[0]!.text).toContain('Sent from an address in Karachi.');
    // The Arabic-script line is real text, not missing glyphs: pdfjs reports
    // presentation forms, which NFKC folds back to the Arabic block.
    expect(pages[0]!.text.normalize('NFKC')).toMatch(/[\u0600-\u06FF]{3,}/);
    const run = pages[0]!.runs.find((r) => pages[0]!.text.slice(r.start, r.end).includes('Threats'));
    expect(run?.rect.x).toBeGreaterThan(40);
    expect(run?.rect.y).toBeGreaterThan(700);
  });

  it('prints Letter paper for the US profile', async () => {
    const html = renderTemplate('smoke', { title: 'x', body: 'y', urdu: '' }, { paper: 'Letter' });
    const doc = await openPdf(await printer.printHtml(html, { paper: 'Letter' }));
    const page = await doc.getPage(1);
    expect(Math.round(page.view[2]!)).toBe(612);
    expect(Math.round(page.view[3]!)).toBe(792);
    await doc.destroy();
  });
});

describe('tagging and page reuse', () => {
  const printer = new ChromiumPrinter();
  afterAll(() => printer.close());
  const structTree = async (pdf: Uint8Array) => (await PDFDocument.load(pdf, { updateMetadata: false })).catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);

  it('prints a tagged PDF by default and an untagged, smaller one on request', async () => {
    const html = renderTemplate('smoke', { title: 'Threats traced to Karachi', body: 'Sent from an address in Karachi.', urdu: '' }, { paper: 'A4' });
    const tagged = await printer.printHtml(html, { paper: 'A4' });
    const untagged = await printer.printHtml(html, { paper: 'A4', tagged: false });
    expect(await structTree(tagged)).toBeDefined();
    expect(await structTree(untagged)).toBeUndefined();
    expect(untagged.length).toBeLessThan(tagged.length);
    expect((await extractText(untagged)).map((p) => p.text)).toEqual((await extractText(tagged)).map((p) => p.text));
  });

  it('prints each document alone when pages are reused, also after a failed print', async () => {
    const doc = (title: string) => renderTemplate('smoke', { title, body: `Body of ${title}.`, urdu: '' }, { paper: 'A4' });
    const texts = async (pdf: Uint8Array) => (await extractText(pdf)).map((p) => p.text).join('\n');
    const first = await texts(await printer.printHtml(doc('First document'), { paper: 'A4' }));
    expect(first).toContain('Body of First document.');
    // Printed concurrently and in turn: every PDF holds its own document and nothing of another.
    const many = await Promise.all(['Alpha', 'Bravo', 'Charlie', 'Delta'].map((t) => printer.printHtml(doc(t), { paper: 'A4' }).then(texts)));
    for (const [k, t] of ['Alpha', 'Bravo', 'Charlie', 'Delta'].entries()) {
      expect(many[k]).toContain(`Body of ${t}.`);
      for (const other of ['First document', 'Alpha', 'Bravo', 'Charlie', 'Delta'].filter((o) => o !== t)) expect(many[k]).not.toContain(other);
    }
    // A print that fails (Letter is fine, an unknown format is not) leaves the printer usable.
    await expect(printer.printHtml(doc('Broken'), { paper: 'Tabloid-X' as 'A4' })).rejects.toThrow();
    expect(await texts(await printer.printHtml(doc('After the failure'), { paper: 'A4' }))).toContain('Body of After the failure.');
  });
});

describe('ChromiumPrinter started ahead of its first print', () => {
  const doc = (title: string) => renderTemplate('smoke', { title, body: `Body of ${title}.`, urdu: '' }, { paper: 'A4' });

  it('prints on the warmed page only the document it is given', async () => {
    const printer = new ChromiumPrinter();
    try {
      printer.warmUp();
      printer.warmUp(); // a second call starts nothing more
      const pages = await extractText(await printer.printHtml(doc('After warming'), { paper: 'A4' }));
      expect(pages).toHaveLength(1);
      expect(pages[0]!.text).toContain('Body of After warming.');
      // Asked for during the warm-up, the print waited for the warmed page instead of opening a second one.
      const context = await (printer as unknown as { context: Promise<{ pages(): unknown[] }> }).context;
      expect(context.pages()).toHaveLength(1);
      // Printed after the warm-up finished, on the page it left: still only this document.
      await new Promise((r) => setTimeout(r, 1500));
      const again = await extractText(await printer.printHtml(doc('Second'), { paper: 'A4' }));
      expect(again.map((p) => p.text).join('\n')).toContain('Body of Second.');
      expect(again.map((p) => p.text).join('\n')).not.toContain('After warming');
    } finally {
      await printer.close();
    }
  });

  it('closes while a warm-up is still starting Chromium, and twice', async () => {
    const printer = new ChromiumPrinter();
    printer.warmUp();
    await expect(printer.close()).resolves.toBeUndefined();
    await expect(printer.close()).resolves.toBeUndefined();
  });
});

describe('fonts of generated pages', () => {
  const printer = new ChromiumPrinter();
  afterAll(() => printer.close());

  it('prints Latin Extended and Arabic letters in the shipped Noto fonts, each document carrying only the faces it needs', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'sanad-fonts-'));
    try {
      const fontsOf = async (html: string) => {
        const file = join(dir, 'out.pdf');
        writeFileSync(file, await printer.printHtml(html, { paper: 'A4' }));
        return execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
      };
      const polish = renderTemplate('smoke', { title: 'Łódź and Kraków', body: 'Świadek z Łodzi.', urdu: 'کراچی سے دھمکی' }, { paper: 'A4' });
      const fonts = await fontsOf(polish);
      // Every font in the PDF is a shipped Noto face: nothing fell back to the machine's fonts.
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) expect(f).toMatch(/^Noto(Sans|NaskhArabic)/);
      expect(fonts.some((f) => f.startsWith('NotoNaskhArabic'))).toBe(true);
      expect((await extractText(await printer.printHtml(polish, { paper: 'A4' })))[0]!.text).toContain('Świadek z Łodzi.');
      // A document in plain English carries neither the Latin Extended nor the Arabic faces.
      const english = renderTemplate('smoke', { title: 'Karachi', body: 'Threats traced to Karachi.', urdu: '' }, { paper: 'A4' });
      expect(english.length).toBeLessThan(polish.length / 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ligatures in generated pages', () => {
  const printer = new ChromiumPrinter();
  afterAll(() => printer.close());

  it('keeps the letters of ﬁ/ﬂ ligature characters in the text layer', async () => {
    const html = renderTemplate('smoke', { title: 'The ﬁrst oﬃcial ﬂight', body: '', urdu: '' }, { paper: 'A4' });
    const pages = await extractText(await printer.printHtml(html, { paper: 'A4' }));
    expect(pages[0]!.text.normalize('NFKC')).toContain('The first official flight');
  });
});

describe('what a printed page may do', () => {
  it('runs no script and sends no request, on Chromium\'s first page and on a reused one', async () => {
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('body { color: red }');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const html = (n: number) =>
      `<!doctype html><html lang="en"><head><link rel="stylesheet" href="${origin}/style-${n}.css"></head><body>` +
      `<p>Static text ${n}.</p><img src="${origin}/pixel-${n}.png" alt=""><iframe src="${origin}/frame-${n}"></iframe>` +
      `<script>document.body.append('SCRIPT RAN'); fetch('${origin}/fetch-${n}');</script></body></html>`;
    const printer = new ChromiumPrinter();
    try {
      const texts: string[] = [];
      for (const n of [1, 2]) texts.push((await extractText(await printer.printHtml(html(n), { paper: 'A4' }))).map((p) => p.text).join('\n'));
      // Both prints ran on the page Chromium opened as it started: no second renderer.
      const context = await (printer as unknown as { context: Promise<{ pages(): unknown[] }> }).context;
      expect(context.pages()).toHaveLength(1);
      expect(texts[0]).toContain('Static text 1.');
      expect(texts[1]).toContain('Static text 2.');
      for (const t of texts) expect(t).not.toContain('SCRIPT RAN');
    } finally {
      await printer.close();
      server.close();
    }
    expect(requests).toEqual([]);
  });
});
