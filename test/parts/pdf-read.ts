/** Reads back what the parts tests assert on: page text, link targets, font sizes, page size. */
import { openPdf } from '../../src/pdf/pdfjs.ts';
import { extractText } from '../../src/pdf/text.ts';

export interface PrintedPart {
  pages: number;
  /** Text of all pages, joined with form feeds. */
  text: string;
  /** Per page, the URL of every link annotation in order. */
  links: string[][];
  /** Smallest font size (pt) of a non-blank text item. */
  minFontSize: number;
  /** Width and height of page 1 in points. */
  size: [number, number];
}

export async function readPart(pdf: Uint8Array): Promise<PrintedPart> {
  const pages = await extractText(pdf);
  const doc = await openPdf(pdf);
  const links: string[][] = [];
  let minFontSize = Infinity;
  let size: [number, number] = [0, 0];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      if (p === 1) size = [page.view[2]! - page.view[0]!, page.view[3]! - page.view[1]!];
      const annotations = (await page.getAnnotations()) as Array<{ subtype?: string; url?: string }>;
      links.push(annotations.filter((a) => a.subtype === 'Link' && a.url).map((a) => a.url!));
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const t = item.transform as number[];
        minFontSize = Math.min(minFontSize, Math.hypot(t[2] ?? 0, t[3] ?? 0));
      }
    }
  } finally {
    await doc.destroy();
  }
  return { pages: pages.length, text: pages.map((p) => p.text).join('\f'), links, minFontSize, size };
}

/** Text with line breaks and runs of spaces folded to single spaces (table cells wrap). */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}
