/**
 * A redaction marks part of a source that must not reach the bundle: a
 * passage of text (anchored like an excerpt, so it follows a new edition) or
 * an area of a page (a photo, a signature, handwriting). The source's files
 * are never changed; redactions are applied to the bundle's copy at build.
 */
import { z } from 'zod';
import { Rect } from './source.ts';
import { AnchorStatus, TextPosition, TextQuote } from './excerpt.ts';

export const RedactionReason = z.enum(['anonymity-order', 'third-party', 'irrelevant', 'privilege', 'other']);
export type RedactionReason = z.infer<typeof RedactionReason>;

/** The words shown on the box ("Redacted: anonymity order") and in the log. */
export const REASON_LABELS: Record<RedactionReason, string> = {
  'anonymity-order': 'anonymity order',
  'third-party': 'third-party data',
  irrelevant: 'irrelevant',
  privilege: 'privilege',
  other: 'other',
};

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

/** "Redacted: anonymity order", or the free-text reason when one was given. */
export function redactionLabel(r: Pick<Redaction, 'reason' | 'reasonText'>): string {
  const text = r.reasonText?.trim();
  if (text) return `Redacted: ${text}`;
  return r.reason === 'other' ? 'Redacted' : `Redacted: ${REASON_LABELS[r.reason]}`;
}
