/**
 * Staleness: country evidence goes out of date. A source published more than
 * the chosen number of months before the hearing (or today, with no hearing
 * date yet) is flagged so the caseworker looks for something newer.
 */
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarMonths } from 'date-fns/differenceInCalendarMonths';
import { startOfPartialDate, type SourceMeta } from '../model/index.ts';

export function isStale(meta: Pick<SourceMeta, 'published'>, months: number, reference: Date): boolean {
  if (!meta.published) return false;
  // A year-only date counts from the end of that year, a month from its end: give the source the benefit of the doubt.
  const parts = meta.published.split('-').length;
  const start = startOfPartialDate(meta.published);
  const latest = parts === 1 ? addMonths(start, 12) : parts === 2 ? addMonths(start, 1) : start;
  return differenceInCalendarMonths(reference, latest) > months;
}

export function ageInMonths(meta: Pick<SourceMeta, 'published'>, reference: Date): number | undefined {
  return meta.published ? differenceInCalendarMonths(reference, startOfPartialDate(meta.published)) : undefined;
}

/** The hearing date when set, else today. */
export function referenceDate(hearingDate: string | undefined, now: Date): Date {
  return hearingDate ? startOfPartialDate(hearingDate) : now;
}
