/**
 * What a page still says once its redactions are applied. The stored page
 * text with every redacted character blanked (same length, so offsets keep
 * their meaning) drives the anonymity check and the verification, and its
 * words, with their boxes, become the invisible text layer of a rasterised
 * page. A word whose box meets a redacted area goes too.
 */
import type { PageText, Rect, Redaction } from '../model/index.ts';
import { rectsForRange } from '../anchor/rects.ts';
import type { InvisibleWord } from '../pdf/invisible-text.ts';
import { overlapArea } from './geometry.ts';

/** Share of a word's box that must lie under a redacted area for the word to go. */
const AREA_SHARE = 0.02;

function wordsOf(text: string, from: number, to: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /\S+/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    out.push({ start: m.index, end: Math.min(to, m.index + m[0].length) });
  }
  return out;
}

function underArea(rect: Rect, areas: Rect[]): boolean {
  const size = rect.w * rect.h;
  return areas.some((a) => overlapArea(rect, a) > Math.max(0, size * AREA_SHARE));
}

/** Character ranges of the page hidden by its redactions (text ranges, and words under areas). */
export function redactedRanges(page: PageText, redactions: Redaction[]): Array<{ start: number; end: number }> {
  const mine = redactions.filter((r) => r.page === page.page && r.anchor.status !== 'orphaned');
  if (mine.length === 0) return [];
  const ranges: Array<{ start: number; end: number }> = [];
  for (const r of mine) if (r.kind === 'text') ranges.push({ start: r.position.start, end: r.position.end });
  const areas = mine.flatMap((r) => r.rects);
  for (const run of page.runs) {
    if (!areas.some((a) => overlapArea(run.rect, a) > 0)) continue;
    for (const w of wordsOf(page.text, run.start, run.end)) {
      const boxes = rectsForRange(page, w.start, w.end);
      if (boxes.some((b) => underArea(b, areas))) ranges.push(w);
    }
  }
  return ranges;
}

/** The page text with every redacted character replaced by a space. */
export function effectiveText(page: PageText, redactions: Redaction[]): string {
  const ranges = redactedRanges(page, redactions);
  if (ranges.length === 0) return page.text;
  // Work in code units so offsets match PageText positions.
  const units = page.text.split('');
  for (const r of ranges) for (let i = r.start; i < r.end && i < units.length; i++) if (!/\s/u.test(units[i]!)) units[i] = ' ';
  return units.join('');
}

/** The page with its redactions applied, as a PageText (same runs, blanked text). */
export function effectivePage(page: PageText, redactions: Redaction[]): PageText {
  const text = effectiveText(page, redactions);
  return text === page.text ? page : { ...page, text };
}

/** The words left on the page after redaction, each with its box: the invisible text layer. */
export function remainingWords(page: PageText, redactions: Redaction[]): InvisibleWord[] {
  const visible = effectivePage(page, redactions);
  const words: InvisibleWord[] = [];
  for (const run of page.runs) {
    // The same test as the highlight rectangles: a run taller than wide with several letters is vertical.
    const vertical = run.rect.h > run.rect.w * 1.5 && run.end - run.start > 1;
    for (const w of wordsOf(visible.text, run.start, run.end)) {
      const box = rectsForRange(page, w.start, w.end)[0];
      if (!box) continue;
      words.push({ text: visible.text.slice(w.start, w.end), x: box.x, y: box.y, width: box.w, height: box.h, ...(vertical ? { vertical } : {}) });
    }
  }
  return words;
}
