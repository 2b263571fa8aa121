/**
 * An excerpt is a tagged passage of a source. It is anchored several ways at
 * once (quote with context, character position, page, rectangles) so that it
 * can be found again when the source is replaced by a new edition.
 */
import { z } from 'zod';
import { PartialDate } from './dates.ts';
import { Rect } from './source.ts';

export const TextQuote = z.object({
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});
export type TextQuote = z.infer<typeof TextQuote>;

export const TextPosition = z.object({
  /** Offsets in the page's PageText.text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TextPosition = z.infer<typeof TextPosition>;

export const AnchorStatus = z.enum(['exact', 'position', 'fuzzy', 'orphaned']);
export type AnchorStatus = z.infer<typeof AnchorStatus>;

export const Excerpt = z.object({
  /** "e-" + 12 hex digits, derived from source, page and position at creation. */
  id: z.string().regex(/^e-[0-9a-f]{12}$/),
  sourceId: z.string(),
  /** 1-based page of the source. */
  page: z.number().int().positive(),
  quote: TextQuote,
  position: TextPosition,
  rects: z.array(Rect),
  /** Tag ids. */
  tags: z.array(z.string()),
  note: z.string().optional(),
  eventDate: PartialDate.optional(),
  places: z.array(z.string()).default([]),
  /** Numbered paragraph holding the quote's start, as cited: "2.4.5", "[34]", "3(a)" (src/cite/paragraphs.ts). */
  paragraph: z.string().optional(),
  anchor: z.object({
    status: AnchorStatus,
    /** sha256 of the source edition this anchoring was computed against. */
    sha256: z.string(),
    /** Fuzzy matches only: errors allowed per character, 0 = identical. */
    distance: z.number().optional(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Excerpt = z.infer<typeof Excerpt>;

export const ExcerptsFile = z.object({
  schemaVersion: z.literal(1),
  excerpts: z.array(Excerpt),
});
export type ExcerptsFile = z.infer<typeof ExcerptsFile>;
