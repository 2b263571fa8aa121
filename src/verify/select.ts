/**
 * Which pages verification reads with pdfjs. Stamps are checked from the
 * content stream Sanad appends (stamps.ts); pdfjs's text is needed only where
 * something must be found in the page's words: excerpts (their quote and
 * highlight), links (what the text under them names), and any page another
 * check asks for (e.g. redactions). The list is explicit so each reason can
 * be added to or narrowed on its own.
 */
import type { BuildReport } from '../bundle/report.ts';

export interface TextPageReasons {
  /** Pages (1-based in the volume) with an excerpt the report places there. */
  excerpts: number[];
  /** Pages with at least one Link annotation. */
  links: number[];
  /** Pages other checks ask for (bundle positions are converted by the caller). */
  extra: number[];
  /** Pages whose stamp could not be read from the content stream: pdfjs checks the stamp too. */
  unreadable: number[];
}

/** Pages (1-based in the volume) of excerpts the report places in this volume. */
export function excerptPages(report: BuildReport, firstPage: number, count: number): number[] {
  return report.excerpts.map((e) => e.bundlePage - firstPage + 1).filter((n) => n >= 1 && n <= count);
}

/** Pages (1-based in the volume) of the skeleton argument holding a reference that must carry its link. */
export function skeletonPages(report: BuildReport, firstPage: number, count: number): number[] {
  return (report.skeleton ?? []).filter((r) => r.target !== null).map((r) => r.page - firstPage + 1).filter((n) => n >= 1 && n <= count);
}

/** The sorted, distinct pages pdfjs must read, each reason included. */
export function pagesNeedingText(reasons: TextPageReasons, count: number): number[] {
  const all = new Set([...reasons.excerpts, ...reasons.links, ...reasons.extra, ...reasons.unreadable]);
  return [...all].filter((n) => Number.isInteger(n) && n >= 1 && n <= count).sort((a, b) => a - b);
}
