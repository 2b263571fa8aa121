/**
 * Page selections such as "1-3,7,10-" (1-based, inclusive, open end = last
 * page) turned into 0-based page indices, checked against the source's length.
 */
import { BundleError } from '../errors.ts';

export function parsePageRanges(spec: string | undefined, pageCount: number, sourceTitle: string): number[] {
  if (spec === undefined || spec.trim() === '') return Array.from({ length: pageCount }, (_, i) => i);
  const pages: number[] = [];
  for (const part of spec.split(',')) {
    const m = /^\s*(\d+)\s*(?:(-)\s*(\d*))?\s*$/.exec(part);
    if (!m) throw new BundleError(`The page selection "${spec}" for "${sourceTitle}" is not valid: write it like "1-3,7,10-".`);
    const from = Number(m[1]);
    const to = m[2] ? (m[3] ? Number(m[3]) : pageCount) : from;
    if (from < 1 || to > pageCount || from > to) {
      throw new BundleError(`The page selection "${spec}" for "${sourceTitle}" asks for pages outside 1–${pageCount}: correct it in the bundle editor.`);
    }
    for (let p = from; p <= to; p++) pages.push(p - 1);
  }
  return pages;
}

/** "pp 3–7, 9 of the original" for the index; undefined when the whole source is included. */
export function describeSelection(pages: number[], pageCount: number): string | undefined {
  if (pages.length === pageCount && pages.every((p, i) => p === i)) return undefined;
  const spans: string[] = [];
  let start = pages[0];
  let prev = start;
  const flush = () => {
    if (start === undefined || prev === undefined) return;
    spans.push(start === prev ? `${start + 1}` : `${start + 1}–${prev + 1}`);
  };
  for (const p of pages.slice(1)) {
    if (prev !== undefined && p === prev + 1) prev = p;
    else {
      flush();
      start = p;
      prev = p;
    }
  }
  flush();
  return `${pages.length === 1 ? 'p' : 'pp'} ${spans.join(', ')} of the original`;
}
