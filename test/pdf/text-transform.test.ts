import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFOperator, PDFNumber, PDFHexString, StandardFonts } from '@cantoo/pdf-lib';
import { openPdf } from '../../src/pdf/pdfjs.ts';
import { packageDir } from '../../src/paths.ts';

type M = [number, number, number, number, number, number];

/** m1 × m2 in PDF's row-vector convention (what a `cm` after another does). */
function times(m1: M, m2: M): M {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

interface Case {
  ctm: M;
  tm: M;
  size: number;
  /** Tz, in percent. */
  hscale: number;
  /** Ts. */
  rise: number;
  text: string;
}

const cases: Case[] = [
  { ctm: [1, 0, 0, 1, 0, 0], tm: [1, 0, 0, 1, 72, 700], size: 12, hscale: 100, rise: 0, text: 'Plain' },
  { ctm: [0.5, 0, 0, 0.5, 100, 50], tm: [1, 0, 0, 1, 40, 900], size: 20, hscale: 150, rise: 4, text: 'Scaled and risen' },
  { ctm: [0, 1, -1, 0, 500, 100], tm: [1, 0, 0.25, 1, 30, 60], size: 10, hscale: 80, rise: -2, text: 'Rotated and skewed' },
  { ctm: [0.8, 0.6, -0.6, 0.8, 200, 200], tm: [2, 0, 0, 1.5, 10, 20], size: 9, hscale: 100, rise: 1.5, text: 'Turned' },
];

function op(name: string, ...args: number[]): PDFOperator {
  return PDFOperator.of(name as never, args.map((n) => PDFNumber.of(n)));
}

// Each text item's transform is ctm × Tm × [size·Tz, 0, 0, size, 0, rise]: the
// position every excerpt rectangle and highlight is drawn from. Sanad's patch
// of pdfjs (patches/pdfjs-dist+*.patch) writes that product out by hand for speed.
describe('text item transforms', () => {
  it('are ctm × Tm × the text state, whatever the scale, rotation, skew, Tz and Ts', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 1000]);
    const fontName = page.node.newFontDictionary('F1', font.ref);
    for (const c of cases) {
      const encoded = font.encodeText(c.text);
      page.pushOperators(
        op('q'),
        op('cm', ...c.ctm),
        op('BT'),
        PDFOperator.of('Tf' as never, [fontName, PDFNumber.of(c.size)]),
        op('Tz', c.hscale),
        op('Ts', c.rise),
        op('Tm', ...c.tm),
        PDFOperator.of('Tj' as never, [encoded as PDFHexString]),
        op('ET'),
        op('Q'),
      );
    }
    const pdf = await openPdf(await doc.save());
    try {
      const content = await (await pdf.getPage(1)).getTextContent();
      const items = content.items.filter((i): i is typeof i & { str: string; transform: number[] } => 'str' in i && i.str.length > 0);
      expect(items.map((i) => i.str)).toEqual(cases.map((c) => c.text));
      items.forEach((item, k) => {
        const c = cases[k]!;
        // pdfjs keeps the ctm in a Float32Array.
        const ctm = c.ctm.map(Math.fround) as M;
        const expected = times(ctm, times(c.tm, [c.size * (c.hscale / 100), 0, 0, c.size, 0, c.rise]));
        item.transform.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 4));
      });
    } finally {
      await pdf.destroy();
    }
  });

  it('come from the patched pdfjs worker (npm ci applies patches/ in postinstall)', () => {
    const worker = readFileSync(join(packageDir('pdfjs-dist'), 'legacy/build/pdf.worker.mjs'), 'utf8');
    expect(worker).toContain('Sanad (patches/)');
  });
});
