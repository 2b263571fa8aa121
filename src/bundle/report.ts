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

export const BuildReport = z.object({
  pages: z.number().int().nonnegative(),
  volumes: z.array(ReportVolume),
  documents: z.array(ReportDocument),
  excerpts: z.array(ReportExcerpt),
  warnings: z.array(z.string()),
  /** Added: generated parts, dividers and certificates with their pages. */
  parts: z.array(ReportPart).default([]),
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
});
export type BuildReport = z.infer<typeof BuildReport>;
export type ReportVolume = z.infer<typeof ReportVolume>;
export type ReportDocument = z.infer<typeof ReportDocument>;
export type ReportExcerpt = z.infer<typeof ReportExcerpt>;
