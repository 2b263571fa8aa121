/**
 * A redaction marks part of a source that must not reach the bundle: a
 * passage of text (anchored like an excerpt, so it follows a new edition) or
 * an area of a page (a photo, a signature, handwriting). The source's files
 * are never changed; redactions are applied to the bundle's copy at build.
 */
import { z } from 'zod';
import { Rect } from './source.ts';
import { AnchorStatus, TextPosition, TextQuote } from './excerpt.ts';
import { REDACTION_REASONS } from './redaction-label.ts';

export { REASON_LABELS, redactionLabel } from './redaction-label.ts';

export const RedactionReason = z.enum(REDACTION_REASONS);
export type RedactionReason = z.infer<typeof RedactionReason>;

const Common = {
  /** "r-" + 12 hex digits, derived from source, page and position at creation. */
  id: z.string().regex(/^r-[0-9a-f]{12}$/),
  sourceId: z.string(),
  /** 1-based page of the source. */
  page: z.number().int().positive(),
  /** What is removed, in PDF user space of the source page (origin bottom-left, before /Rotate). */
  rects: z.array(Rect),
  reason: RedactionReason,
  /** Free text for "other" (or a more precise reason); shown on the box when given. */
  reasonText: z.string().optional(),
  anchor: z.object({
    status: AnchorStatus,
    /** sha256 of the source edition this anchoring was computed against. */
    sha256: z.string(),
    distance: z.number().optional(),
  }),
  createdAt: z.string(),
  /** A name the caseworker gave (never the machine's user name). */
  createdBy: z.string().optional(),
};

export const TextRedaction = z.object({
  kind: z.literal('text'),
  ...Common,
  quote: TextQuote,
  position: TextPosition,
});
export type TextRedaction = z.infer<typeof TextRedaction>;

export const AreaRedaction = z.object({
  kind: z.literal('area'),
  ...Common,
  /** As given: PDF points from the top-left corner of the visible page (after /Rotate and crop box). */
  area: Rect,
});
export type AreaRedaction = z.infer<typeof AreaRedaction>;

export const Redaction = z.discriminatedUnion('kind', [TextRedaction, AreaRedaction]);
export type Redaction = z.infer<typeof Redaction>;

export const RedactionsFile = z.object({
  schemaVersion: z.literal(1),
  redactions: z.array(Redaction),
});
export type RedactionsFile = z.infer<typeof RedactionsFile>;
