/**
 * Marking redactions: by text (every occurrence in a source, or on one page,
 * matched with the excerpt normalisation so line breaks, hyphenation and
 * ligatures do not hide an occurrence) and by area (a rectangle measured on
 * the visible page). Text redactions are anchored like excerpts (quote with
 * context, position, rectangles) so they follow a new edition.
 */
import { createHash } from 'node:crypto';
import { InvalidInputError } from '../errors.ts';
import { AreaRedaction, Redaction, TextRedaction, type PageText, type RedactionReason } from '../model/index.ts';
import { pageOf, quoteAt, trimRange, type AnchorTarget } from '../anchor/excerpt.ts';
import { exactCandidates } from '../anchor/match.ts';
import { matchKey, originalRange } from '../anchor/normalise.ts';
import { rectsForRange } from '../anchor/rects.ts';
import { visibleRectToUser, visibleSize } from './geometry.ts';

export interface RedactionFields {
  reason: RedactionReason;
  reasonText?: string;
  createdBy?: string;
}

function redactionId(parts: string): string {
  return `r-${createHash('sha256').update(parts).digest('hex').slice(0, 12)}`;
}

function common(target: AnchorTarget, page: number, fields: RedactionFields, now: Date) {
  return {
    sourceId: target.sourceId,
    page,
    reason: fields.reason,
    ...(fields.reasonText?.trim() ? { reasonText: fields.reasonText.trim() } : {}),
    anchor: { status: 'exact' as const, sha256: target.sha256 },
    createdAt: now.toISOString(),
    ...(fields.createdBy?.trim() ? { createdBy: fields.createdBy.trim() } : {}),
  };
}

/** Every occurrence of `text` (normalised, case-insensitive) as page ranges, in page order. */
export function findOccurrences(pages: PageText[], text: string): Array<{ page: PageText; start: number; end: number }> {
  const q = matchKey(text).text;
  if (q.length === 0) return [];
  return exactCandidates(pages, q).map((c) => {
    const r = originalRange(c.key, c.page.text, c.start, c.end);
    return { page: c.page, ...trimRange(c.page.text, r.start, r.end) };
  });
}

/** A text redaction of page text [start, end) of one page. */
export function textRedactionFromRange(target: AnchorTarget, page: number, start: number, end: number, fields: RedactionFields, now: Date): TextRedaction {
  const pageText = pageOf(target, page);
  const range = trimRange(pageText.text, start, end);
  if (range.start >= range.end || range.end > pageText.text.length) {
    throw new InvalidInputError(`The range ${start}–${end} on page ${page} of source ${target.sourceId} holds no words: select the words to redact again.`);
  }
  const quote = quoteAt(pageText, range.start, range.end);
  return TextRedaction.parse({
    kind: 'text',
    id: redactionId(`text|${target.sourceId}|${page}|${range.start}|${range.end}|${quote.exact}`),
    ...common(target, page, fields, now),
    rects: rectsForRange(pageText, range.start, range.end),
    quote,
    position: range,
  });
}

/** Redactions for every occurrence of `text` in the source, or on one page only. */
export function textRedactions(target: AnchorTarget, text: string, fields: RedactionFields, now: Date, options: { page?: number } = {}): TextRedaction[] {
  if (matchKey(text).text.length === 0) throw new InvalidInputError('--text is empty: give the words to redact.');
  const pages = options.page === undefined ? target.pages : [pageOf(target, options.page)];
  return findOccurrences(pages, text).map((o) => textRedactionFromRange(target, o.page.page, o.start, o.end, fields, now));
}

/** An area redaction: `area` in points from the top-left corner of the visible page. */
export function areaRedaction(target: AnchorTarget, page: number, area: { x: number; y: number; w: number; h: number }, fields: RedactionFields, now: Date): AreaRedaction {
  const pageText = pageOf(target, page);
  const size = visibleSize(pageText.view, pageText.rotate);
  const { x, y, w, h } = area;
  if (![x, y, w, h].every(Number.isFinite) || w <= 0 || h <= 0 || x < 0 || y < 0) {
    throw new InvalidInputError(`The area ${x},${y},${w},${h} is not a rectangle: give X,Y,W,H in points from the top-left corner of the page, with W and H above 0.`);
  }
  if (x >= size.width || y >= size.height) {
    throw new InvalidInputError(`The area starts outside page ${page} of source ${target.sourceId}, which is ${Math.round(size.width)} × ${Math.round(size.height)} points: measure from the top-left corner of the page.`);
  }
  const clipped = { x, y, w: Math.min(w, size.width - x), h: Math.min(h, size.height - y) };
  return AreaRedaction.parse({
    kind: 'area',
    id: redactionId(`area|${target.sourceId}|${page}|${clipped.x}|${clipped.y}|${clipped.w}|${clipped.h}`),
    ...common(target, page, fields, now),
    rects: [visibleRectToUser(pageText.view, pageText.rotate, clipped)],
    area: clipped,
  });
}

/** Parses "X,Y,W,H". */
export function parseRect(value: string): { x: number; y: number; w: number; h: number } {
  const parts = value.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || !parts.every(Number.isFinite)) {
    throw new InvalidInputError(`--rect expects X,Y,W,H in points from the top-left corner of the page (e.g. 72,100,200,50), not "${value}".`);
  }
  const [x, y, w, h] = parts as [number, number, number, number];
  return { x, y, w, h };
}

export function isRedaction(value: unknown): value is Redaction {
  return Redaction.safeParse(value).success;
}
