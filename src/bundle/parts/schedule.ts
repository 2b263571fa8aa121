/**
 * Country information evidence schedule (FtT Practice Direction para 10.6):
 * the extracts relied on, grouped by disputed issue, each with its OSCOLA
 * pinpoint citation (the URL a hyperlink to the source) and the bundle page
 * (an internal link). The "accessed" date falls back to the day the source
 * was imported, which is when Sanad captured it. Each source is cited in full
 * once, on its first row; later rows use the OSCOLA short form with "(n E3)"
 * and the pinpoint ("p 14, para 2.4.5"; decisions "[34]"), which keeps 60
 * extracts within the 12 pages the practice direction allows.
 */
import { SubsequentCiter } from '../../cite/short.ts';
import { guidanceByIssue } from './guidance.ts';
import type { PartContext } from './context.ts';
import { appealHeading, pageLink, type AppealHeading, type PageLink } from './common.ts';
import { groupByIssue } from './issues.ts';

export interface ScheduleRow {
  label: string;
  quote: string;
  note: string | undefined;
  citation: { head: string; url: string | undefined; tail: string; full: boolean };
  page: PageLink;
}

export interface ScheduleView extends AppealHeading {
  issues: Array<{ number: number; issue: string; rows: ScheduleRow[]; guidance: string[] }>;
  empty: boolean;
}

/** The day part of an ISO timestamp, when it is one. */
export function dayOf(timestamp: string | undefined): string | undefined {
  const day = timestamp?.slice(0, 10);
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
}

export function scheduleView(ctx: PartContext): ScheduleView {
  const citer = new SubsequentCiter(ctx.excerpts.map((e) => e.source), (meta) => {
    const fallback = dayOf(meta.importedAt);
    return fallback ? { accessedFallback: fallback } : {};
  });
  const issues = groupByIssue(ctx.excerpts).map((group, i) => ({
    number: i + 1,
    issue: group.issue,
    rows: group.excerpts.map((e) => ({
      label: e.label,
      quote: e.quote.replace(/\s+/g, ' ').trim(),
      note: e.note?.trim() || undefined,
      citation: citer.cite({ source: e.source, sourcePage: e.sourcePage, paragraph: e.paragraph, label: e.label }),
      page: pageLink(e.page),
    })),
    guidance: guidanceByIssue(group.excerpts),
  }));
  return { ...appealHeading(ctx), issues, empty: issues.length === 0 };
}
