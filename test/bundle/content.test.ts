/**
 * The byte scanner that counts graphics states a page leaves open must agree
 * with the plain string scanner it replaced, on every kind of token, and the
 * page's streams must be read the same whether zlib or pdf-lib inflates them.
 */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFRawStream, StandardFonts } from '@cantoo/pdf-lib';
import { appendToPage, measureOpenStates, openGraphicsStates } from '../../src/bundle/content.ts';

/** The scanner as it was (string, regular expressions): the reference. */
function reference(content: string): number {
  let depth = 0;
  let i = 0;
  const n = content.length;
  while (i < n) {
    const ch = content[i]!;
    if (ch === '(') {
      let nest = 1;
      i++;
      while (i < n && nest > 0) {
        const c = content[i]!;
        if (c === '\\') i++;
        else if (c === '(') nest++;
        else if (c === ')') nest--;
        i++;
      }
    } else if (ch === '%') {
      while (i < n && content[i] !== '\n' && content[i] !== '\r') i++;
    } else if (ch === '<' && content[i + 1] !== '<') {
      while (i < n && content[i] !== '>') i++;
      i++;
    } else if (/\s/.test(ch) || '[]{}<>/'.includes(ch)) {
      i++;
    } else {
      let j = i;
      while (j < n && !/[\s()<>[\]{}/%]/.test(content[j]!)) j++;
      const token = content.slice(i, j);
      if (token === 'q') depth++;
      else if (token === 'Q') depth = Math.max(0, depth - 1);
      else if (token === 'ID') {
        const end = content.indexOf('EI', j + 1);
        j = end < 0 ? n : end + 2;
      }
      i = Math.max(j, i + 1);
    }
  }
  return depth;
}

describe('counting open graphics states', () => {
  it('agrees with the string scanner on random content streams', () => {
    const pieces = ['q', 'Q', ' ', '\n', '\r', '\t', '\u00a0', '\f', '(', ')', '\\', '%', '<', '<<', '>', '>>', '[', ']', '{', '}', '/', 'ID', 'EI', 'BI', 'qq', 'Qq', 'Tj', '1', 'cm', '\u0000', '\u00ff'];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 3000; round++) {
      let s = '';
      for (let k = rand(40); k > 0; k--) s += pieces[rand(pieces.length)];
      expect(openGraphicsStates(s), JSON.stringify(s)).toBe(reference(s));
      expect(openGraphicsStates(Buffer.from(s, 'latin1'))).toBe(reference(s));
    }
  });

  it('closes what a page left open across several Flate streams, one with a predictor-free filter array', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([200, 200]);
    const a = doc.context.register(PDFRawStream.of(doc.context.obj({ Filter: 'FlateDecode' }), deflateSync(Buffer.from('q 2 0 0 2 0 0 cm q'))));
    const b = doc.context.register(PDFRawStream.of(doc.context.obj({ Filter: ['FlateDecode'] }), deflateSync(Buffer.from('(a q) Tj Q q'))));
    const c = doc.context.register(doc.context.stream('q 0.5 g'));
    page.node.set(PDFName.of('Contents'), doc.context.obj([a, b, c]));
    appendToPage(page, 'BT /F 9 Tf (x) Tj ET', { fonts: { F: font.ref } });
    const bytes = await doc.save({ useObjectStreams: false });
    const back = await PDFDocument.load(bytes);
    const contents = back.getPage(0).node.Contents()!;
    const last = back.context.lookup((contents as unknown as { get(i: number): unknown }).get((contents as unknown as { size(): number }).size() - 1) as never) as PDFRawStream;
    // Opened: q q (stream 1), then Q q (stream 2), then q (stream 3) = 3 open. Sanad's stream is stored unfiltered.
    expect(last.dict.get(PDFName.of('Filter'))).toBeUndefined();
    expect(Buffer.from(last.contents).toString('latin1')).toBe('Q\nQ\nQ\nBT /F 9 Tf (x) Tj ET');
  });

  it('uses a depth measured ahead (while the parts print) once, then measures again', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([200, 200]);
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream('q q 1 0 0 RG')));
    measureOpenStates(page);
    // The build measures the copied page and appends nothing before stamping: the measure stands.
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream('0 0 1 rg')));
    appendToPage(page, 'BT /F 9 Tf (x) Tj ET', { fonts: { F: font.ref } });
    const contents = page.node.Contents() as unknown as { size(): number; get(i: number): unknown };
    const last = doc.context.lookup(contents.get(contents.size() - 1) as never) as PDFRawStream;
    expect(Buffer.from(last.contents).toString('latin1')).toBe('Q\nQ\nBT /F 9 Tf (x) Tj ET');
    // Used once: a second append measures the content as it is now.
    appendToPage(page, 'BT /F 9 Tf (y) Tj ET', { fonts: { F: font.ref } });
    const again = page.node.Contents() as unknown as { size(): number; get(i: number): unknown };
    const next = doc.context.lookup(again.get(again.size() - 1) as never) as PDFRawStream;
    expect(Buffer.from(next.contents).toString('latin1')).toBe('BT /F 9 Tf (y) Tj ET');
  });
});
