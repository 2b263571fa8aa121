/**
 * Approximate glyph advance widths, for placing a highlight on part of a text
 * run: pdfjs gives one box per run, not per character. Helvetica's metrics
 * (per 1000 em, ASCII 32–126) are close enough for most proportional fonts;
 * characters outside that range count as an average glyph.
 */
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278,
  278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722,
  667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556,
  556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const AVERAGE = 556;

export function advanceOf(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code >= 32 && code <= 126 ? HELVETICA[code - 32]! : AVERAGE;
}

/** Fractions of a run's length at which characters [from, to) start and end. */
export function spanFractions(text: string, from: number, to: number): [number, number] {
  let before = 0;
  let inside = 0;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const w = advanceOf(text[i]!);
    if (i < from) before += w;
    else if (i < to) inside += w;
    total += w;
  }
  return total > 0 ? [before / total, (before + inside) / total] : [from / Math.max(1, text.length), to / Math.max(1, text.length)];
}
