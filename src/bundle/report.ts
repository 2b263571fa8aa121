/**
 * The build report: what was put on which page. It is written next to the
 * PDF as FILE.report.json, read back by `sanad verify`, and shown in the app,
 * so its shape is a contract (zod-checked at every boundary).
 */
import { z } from 'zod';

export const ReportVolume = z.object({
  /** Base name of the volume's file (empty until the bundle is written). */
  file: z.string(),
  firstPage: z.number().int().positive(),
  lastPage: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
});

export const ReportDocument = z.object({
  sourceId: z.string(),
  title: z.string(),
  section: z.string(),
  firstPage: z.number().int().positive(),
  lastPage: z.number().int().positive(),
});

export const ReportPart = z.object({
  kind: z.string(),
  title: z.string(),
  section: z.string(),
  firstPage: z.number().int().positive(),
  lastPage: z.number().int().positive(),
});

export const ReportExcerpt = z.object({
  id: z.string(),
  label: z.string(),
  sourceId: z.string(),
  quote: z.string(),
  tags: z.array(z.string()),
  sourcePage: z.number().int().positive(),
  bundlePage: z.number().int().positive(),
  /** Numbered paragraph of the source, when it has one ("2.4.5", "[34]"). */
  paragraph: z.string().optional(),
});

/** A redaction applied in the bundle: where and why, never what it hides. */
export const ReportRedaction = z.object({
  id: z.string(),
  sourceId: z.string(),
  kind: z.enum(['text', 'area']),
  sourcePage: z.number().int().positive(),
  bundlePage: z.number().int().positive(),
  label: z.string(),
  /** The opaque boxes on the bundle page, in its user space (checked by `sanad verify`). */
  boxes: z.array(z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() })),
});
/** A bundle reference in the skeleton argument ("[AB/45]", "p. 45", "[B12]", "E7") and where it leads. */
export const ReportSkeletonReference = z.object({
  /** "sourceId:page:text:occurrence": the same reference in the next build. */
  key: z.string(),
  /** What it was first built to mean: a page fingerprint (see pageContents) or an excerpt id. */
  meant: z.string().nullable(),
  /** The reference as written. */
  text: z.string(),
  kind: z.enum(['page', 'excerpt']),
  /** Bundle position of the skeleton page holding it. */
  page: z.number().int().positive(),
  /** Bundle position it links to (null: it points at no page). */
  target: z.number().int().positive().nullable(),
  /** The printed label of the target now ("47", "C4"). */
  targetLabel: z.string().nullable(),
  /** ok; moved (the page it meant is now elsewhere: update the skeleton); changed (the page now holds other content); missing. */
  status: z.enum(['ok', 'moved', 'changed', 'missing']),
  /** Link rectangles on the skeleton page, PDF user space [x0, y0, x1, y1]. */
  rects: z.array(z.tuple([z.number(), z.number(), z.number(), z.number()])).default([]),
});
export type ReportSkeletonReference = z.infer<typeof ReportSkeletonReference>;

export const BuildReport = z.object({
  pages: z.number().int().nonnegative(),
  volumes: z.array(ReportVolume),
  documents: z.array(ReportDocument),
  excerpts: z.array(ReportExcerpt),
  warnings: z.array(z.string()),
  /** Added: generated parts, dividers and certificates with their pages. */
  parts: z.array(ReportPart).default([]),
  /** Added: redactions applied (src/redact). */
  redactions: z.array(ReportRedaction).optional(),
  /** Added: the label stamped on each page, in bundle order (index 0 = page 1). */
  pageLabels: z.array(z.string()).default([]),
  /** Added: how printed labels relate to PDF positions. */
  numbering: z
    .object({
      pagination: z.enum(['continuous', 'section-prefixed']),
      /** Printed number = position + offset for continuous numbering (supplementary bundles). */
      offset: z.number().int().nonnegative(),
      note: z.string().optional(),
    })
    .optional(),
  /** Added (citations): what each page holds, "sourceId@sha:page" or "part:kind:n" (index 0 = page 1), to detect moved and changed pages between builds. */
  pageContents: z.array(z.string()).optional(),
  /** Added (citations): the skeleton argument's bundle references and their links. */
  skeleton: z.array(ReportSkeletonReference).optional(),
});
export type BuildReport = z.infer<typeof BuildReport>;
export type ReportVolume = z.infer<typeof ReportVolume>;
export type ReportDocument = z.infer<typeof ReportDocument>;
export type ReportExcerpt = z.infer<typeof ReportExcerpt>;
export type ReportRedaction = z.infer<typeof ReportRedaction>;
