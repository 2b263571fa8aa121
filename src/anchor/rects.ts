/**
 * Highlight rectangles for a range of page text. pdfjs gives one box per
 * text run; a range that covers part of a run gets the matching share of its
 * box (by approximate glyph widths), and the pieces on one line are merged so that a
 * highlight is one rectangle per line. Rectangles are in PDF user space
 * (origin bottom-left, before the page's /Rotate), like the runs.
 */
import type { PageText, Rect, TextRun } from '../model/index.ts';
import { spanFractions } from './advance.ts';

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const LTR = /[A-Za-z\u00C0-\u024F]/u;

/** The part of a run's box holding characters [from, to) of the run (0-based within it). */
function partOfRun(run: TextRun, runText: string, from: number, to: number): Rect {
  const n = run.end - run.start;
  if (from <= 0 && to >= n) return { ...run.rect };
  const { x, y, w, h } = run.rect;
  // A run taller than wide with several characters is set vertically (rotated text matrix).
  const vertical = h > w * 1.5 && n > 1;
  const rtl = RTL.test(runText) && !LTR.test(runText);
  // Vertical and right-to-left runs: glyph widths are no better a guess than character count.
  let [a, b] = vertical || rtl ? [from / n, to / n] : spanFractions(runText, from, to);
  if (rtl || vertical) [a, b] = [1 - b, 1 - a];
  if (vertical) {
    // Assume bottom-to-top text (content turned 90° anticlockwise), the usual case.
    return { x, y: round(y + (1 - b) * h), w, h: round((b - a) * h) };
  }
  return { x: round(x + a * w), y, w: round((b - a) * w), h };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** True when two boxes sit on the same line and touch or nearly touch along it. */
function sameLine(p: Rect, q: Rect): boolean {
  const lineHeight = Math.min(p.h, q.h);
  const overlap = Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y);
  if (overlap < lineHeight * 0.6) return false;
  const gap = Math.max(p.x, q.x) - Math.min(p.x + p.w, q.x + q.w);
  return gap < lineHeight * 2;
}

function union(p: Rect, q: Rect): Rect {
  const x = Math.min(p.x, q.x);
  const y = Math.min(p.y, q.y);
  return { x, y, w: round(Math.max(p.x + p.w, q.x + q.w) - x), h: round(Math.max(p.y + p.h, q.y + q.h) - y) };
}

/** Rectangles covering page text [start, end): one per line, in reading order. */
export function rectsForRange(page: PageText, start: number, end: number): Rect[] {
  const pieces: Rect[] = [];
  for (const run of page.runs) {
    if (run.end <= start || run.start >= end || run.end <= run.start) continue;
    const from = Math.max(start, run.start) - run.start;
    const to = Math.min(end, run.end) - run.start;
    const covered = page.text.slice(run.start + from, run.start + to);
    if (covered.trim().length === 0) continue;
    pieces.push(partOfRun(run, page.text.slice(run.start, run.end), from, to));
  }
  const merged: Rect[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && sameLine(last, piece)) merged[merged.length - 1] = union(last, piece);
    else merged.push(piece);
  }
  return merged;
}
