/**
 * The bundle definition: ordered sections of items, plus the options that
 * decide numbering, supplementary labelling and volume splitting.
 */
import { z } from 'zod';
import { DayDate } from './dates.ts';

export const GeneratedPart = z.enum([
  'cover',
  'index',
  'schedule',
  'chronology',
  'integrity',
  'certificate-of-service',
]);
export type GeneratedPart = z.infer<typeof GeneratedPart>;

/** "1-3,7,10-" style page selection, 1-based and inclusive; an open end means "to the last page". */
export const PageRanges = z
  .string()
  .regex(/^\s*\d+(\s*-\s*\d*)?(\s*,\s*\d+(\s*-\s*\d*)?)*\s*$/, 'page ranges look like "1-3,7,10-"');

export const BundleItem = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('source'),
    sourceId: z.string(),
    pages: PageRanges.optional(),
    /** Title shown in the index instead of the source's own. */
    title: z.string().optional(),
    /** "skeleton": the skeleton argument, whose bundle references become links (src/bundle/skeleton.ts). */
    role: z.enum(['skeleton']).optional(),
  }),
  z.object({ kind: z.literal('generated'), part: GeneratedPart }),
  z.object({ kind: z.literal('divider'), title: z.string().min(1) }),
]);
export type BundleItem = z.infer<typeof BundleItem>;

export const BundleSection = z.object({
  /** Stable id for the editor (drag and drop). */
  id: z.string(),
  /** Section letter shown in the index and used by section-prefixed numbering. */
  letter: z.string().regex(/^[A-Z]{1,2}$/),
  title: z.string().min(1),
  /** Print a divider page before the section. */
  divider: z.boolean().default(false),
  items: z.array(BundleItem),
});
export type BundleSection = z.infer<typeof BundleSection>;

export const Supplementary = z.object({
  /** Supplementary bundle number (1 for the first supplementary bundle). */
  number: z.number().int().positive(),
  date: DayDate,
  /** Last page number of the bundle already served; numbering continues at afterPage + 1. */
  afterPage: z.number().int().nonnegative(),
});
export type Supplementary = z.infer<typeof Supplementary>;

export const Pagination = z.enum(['continuous', 'section-prefixed']);
export type Pagination = z.infer<typeof Pagination>;

export const BundleDefinition = z.object({
  schemaVersion: z.literal(1),
  pagination: Pagination.default('continuous'),
  supplementary: Supplementary.optional(),
  /** Split into volumes no larger than this many megabytes (defaults to the tribunal profile's limit). */
  volumeCapMB: z.number().positive().optional(),
  sections: z.array(BundleSection),
});
export type BundleDefinition = z.infer<typeof BundleDefinition>;
