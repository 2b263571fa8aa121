/**
 * Chronology of incidents: every excerpt with an event date, oldest first
 * (partial dates sort before fuller ones in the same period), with places,
 * the source (in full once, then in OSCOLA short form) and a link to the bundle page.
 */
import { comparePartialDates } from '../../model/dates.ts';
import type { PartContext } from './context.ts';
import { SubsequentCiter } from '../../cite/short.ts';
import { appealHeading, displayDate, pageLink, type AppealHeading, type PageLink } from './common.ts';
import { dayOf } from './schedule.ts';

export interface ChronologyRow {
  dateText: string;
  event: string;
  places: string;
  source: { head: string; url: string | undefined; tail: string; full: boolean };
  label: string;
  page: PageLink;
}

export interface ChronologyView extends AppealHeading {
  rows: ChronologyRow[];
  empty: boolean;
}

export function chronologyView(ctx: PartContext): ChronologyView {
  const dated = ctx.excerpts
    .map((e, order) => ({ e, order }))
    .filter((x): x is { e: typeof x.e & { eventDate: string }; order: number } => x.e.eventDate !== undefined)
    .sort((a, b) => comparePartialDates(a.e.eventDate, b.e.eventDate) || a.order - b.order);
  const citer = new SubsequentCiter(dated.map(({ e }) => e.source), (meta) => {
    const fallback = dayOf(meta.importedAt);
    return fallback ? { accessedFallback: fallback } : {};
  });
  const rows = dated.map(({ e }) => ({
    dateText: displayDate(e.eventDate),
    event: e.quote.replace(/\s+/g, ' ').trim(),
    places: e.places.join(', '),
    source: citer.cite({ source: e.source, sourcePage: e.sourcePage, paragraph: e.paragraph, label: e.label }),
    label: e.label,
    page: pageLink(e.page),
  }));
  return { ...appealHeading(ctx), rows, empty: rows.length === 0 };
}
