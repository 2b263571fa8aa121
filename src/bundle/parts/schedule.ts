/**
 * Country information evidence schedule (FtT Practice Direction para 10.6):
 * the extracts relied on, grouped by disputed issue, each with its OSCOLA
 * pinpoint citation (the URL a hyperlink to the source) and the bundle page
 * (an internal link). The "accessed" date falls back to the day the source
 * was imported, which is when Sanad captured it.
 */
import { oscolaParts } from '../../cite/index.ts';
import type { PartContext } from './context.ts';
import { appealHeading, pageLink, type AppealHeading, type PageLink } from './common.ts';
import { groupByIssue } from './issues.ts';

export interface ScheduleRow {
  label: string;
  quote: string;
  note: string | undefined;
  citation: { head: string; url: string | undefined; tail: string };
  page: PageLink;
}

export interface ScheduleView extends AppealHeading {
  issues: Array<{ number: number; issue: string; rows: ScheduleRow[] }>;
  empty: boolean;
}

/** The day part of an ISO timestamp, when it is one. */
export function dayOf(timestamp: string | undefined): string | undefined {
  const day = timestamp?.slice(0, 10);
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
}

export function scheduleView(ctx: PartContext): ScheduleView {
  const issues = groupByIssue(ctx.excerpts).map((group, i) => ({
    number: i + 1,
    issue: group.issue,
    rows: group.excerpts.map((e) => {
      const fallback = dayOf(e.source.importedAt);
      return {
        label: e.label,
        quote: e.quote.replace(/\s+/g, ' ').trim(),
        note: e.note?.trim() || undefined,
        citation: oscolaParts(e.source, e.sourcePage, fallback ? { accessedFallback: fallback } : {}),
        page: pageLink(e.page),
      };
    }),
  }));
  return { ...appealHeading(ctx), issues, empty: issues.length === 0 };
}
