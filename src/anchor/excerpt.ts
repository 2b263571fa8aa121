/**
 * Creating excerpts: from a selected range of page text (the viewer), or from
 * a quote alone (the `sanad tag --quote` command), where the page is found.
 * Every excerpt is anchored several ways at once: quote with context,
 * position, page and rectangles, so that it can be found again later.
 */
import { createHash } from 'node:crypto';
import { InvalidInputError, QuoteNotFoundError } from '../errors.ts';
import { Excerpt, type PageText, type TextQuote } from '../model/index.ts';
import { closestPassage, findQuote } from './match.ts';
import { collapseWhitespace } from './normalise.ts';
import { rectsForRange } from './rects.ts';
import { withParagraph } from './paragraph.ts';

export interface ExcerptFields {
  tags: string[];
  note?: string;
  eventDate?: string;
  places?: string[];
}

export interface AnchorTarget {
  sourceId: string;
  /** sha256 of the source edition the pages were extracted from. */
  sha256: string;
  pages: PageText[];
  /** The source's title, for messages (the id is used when absent). */
  title?: string;
}

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

export function pageOf(target: AnchorTarget, page: number): PageText {
  const found = target.pages.find((p) => p.page === page);
  if (!found) {
    throw new InvalidInputError(`Source ${target.sourceId} has no page ${page}: choose a page between 1 and ${target.pages.length}.`);
  }
  return found;
}

/** The range without whitespace at either end. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Quote with context, as stored: whitespace collapsed, the page's own characters. */
export function quoteAt(page: PageText, start: number, end: number): TextQuote {
  const exact = collapseWhitespace(page.text.slice(start, end));
  const before = collapseWhitespace(page.text.slice(Math.max(0, start - CONTEXT_LENGTH * 2), start));
  const after = collapseWhitespace(page.text.slice(end, end + CONTEXT_LENGTH * 2));
  return { exact, prefix: before.slice(-CONTEXT_LENGTH), suffix: after.slice(0, CONTEXT_LENGTH) };
}

function excerptId(sourceId: string, page: number, start: number, end: number, exact: string): string {
  const hash = createHash('sha256').update(`${sourceId}|${page}|${start}|${end}|${exact}`).digest('hex');
  return `e-${hash.slice(0, 12)}`;
}

/** An excerpt for page text [start, end) of one page (1-based), anchored exactly. */
export function excerptFromRange(target: AnchorTarget, page: number, start: number, end: number, fields: ExcerptFields, now: Date): Excerpt {
  const pageText = pageOf(target, page);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > pageText.text.length || start >= end) {
    throw new InvalidInputError(`The range ${start}–${end} is not inside page ${page} of source ${target.sourceId} (0–${pageText.text.length}): select the passage again.`);
  }
  const range = trimRange(pageText.text, start, end);
  if (range.start >= range.end) {
    throw new InvalidInputError(`The range ${start}–${end} on page ${page} of source ${target.sourceId} holds only whitespace: select some words.`);
  }
  const quote = quoteAt(pageText, range.start, range.end);
  const stamp = now.toISOString();
  const parsed = Excerpt.safeParse({
    id: excerptId(target.sourceId, page, range.start, range.end, quote.exact),
    sourceId: target.sourceId,
    page,
    quote,
    position: range,
    rects: rectsForRange(pageText, range.start, range.end),
    tags: fields.tags,
    ...(fields.note === undefined ? {} : { note: fields.note }),
    ...(fields.eventDate === undefined ? {} : { eventDate: fields.eventDate }),
    places: fields.places ?? [],
    anchor: { status: 'exact', sha256: target.sha256 },
    createdAt: stamp,
    updatedAt: stamp,
  });
  if (!parsed.success) {
    const problem = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new InvalidInputError(`The excerpt for source ${target.sourceId} is not valid (${problem}): correct the tags, date or places and try again.`);
  }
  return withParagraph(parsed.data, target.pages);
}

/** An excerpt for a quote whose page is found; throws QuoteNotFoundError with the closest passage. */
export function excerptFromQuote(target: AnchorTarget, quote: string, fields: ExcerptFields, now: Date, options: { page?: number } = {}): Excerpt {
  const match = findQuote(target.pages, quote, options);
  if (!match) throw new QuoteNotFoundError(target.title ?? target.sourceId, quote, closestPassage(target.pages, quote));
  const excerpt = excerptFromRange(target, match.page, match.start, match.end, fields, now);
  if (match.status === 'exact') return excerpt;
  return { ...excerpt, anchor: { status: 'fuzzy', sha256: target.sha256, distance: match.distance } };
}
