/**
 * pdf-lib's cross-reference stream, as patched (patches/@cantoo+pdf-lib+*.patch):
 * an entry at or after the last one is appended without scanning the others
 * (the writer adds them in object order; the scan made saving quadratic in the
 * number of objects). Entries must stay in object order however they come.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFContext, PDFCrossRefStream, PDFDocument, PDFRef, StandardFonts } from '@cantoo/pdf-lib';

describe('cross-reference stream entries', () => {
  it('stay in object order whether they come in order, out of order or repeated', () => {
    const xref = PDFCrossRefStream.create(PDFContext.create().obj({}));
    // The entries are private in pdf-lib's types; the test reads them as the writer does.
    const entries = () => (xref as unknown as { entries: Array<{ ref: PDFRef; offset?: number }> }).entries;
    const initial = entries().length;
    const order = [1, 2, 3, 7, 5, 9, 9, 4, 12, 6, 13, 0];
    order.forEach((n, i) => xref.addUncompressedEntry(PDFRef.of(n), 100 + i));
    const numbers = entries().map((e) => e.ref.objectNumber);
    expect(numbers.length).toBe(initial + order.length);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    // Equal numbers keep their arrival order (the second 9 after the first), as findIndex placed them.
    expect(entries().filter((e) => e.ref.objectNumber === 9).map((e) => e.offset)).toEqual([105, 106]);
  });

  it('index every object of a large document with object streams (qpdf and pdfjs agree)', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let i = 1; i <= 600; i++) doc.addPage([300, 300]).drawText(`Page ${i}`, { x: 20, y: 250, size: 12, font });
    const bytes = await doc.save({ useObjectStreams: true });
    const dir = mkdtempSync(join(tmpdir(), 'sanad-xref-'));
    try {
      const file = join(dir, 'many.pdf');
      writeFileSync(file, bytes);
      const check = execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
      expect(check).toMatch(/No syntax or stream encoding errors found/);
      const text = execFileSync('pdftotext', ['-f', '600', '-l', '600', file, '-'], { encoding: 'utf8' });
      expect(text.trim()).toBe('Page 600');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('come from the patched pdf-lib (npm ci applies patches/ in postinstall)', () => {
    for (const flavour of ['es', 'cjs']) {
      const source = readFileSync(join(dirname(dirname(createRequire(import.meta.url).resolve('@cantoo/pdf-lib'))), flavour, 'core/structures/PDFCrossRefStream.js'), 'utf8');
      expect(source, flavour).toContain('Sanad (patches/)');
    }
  });
});
