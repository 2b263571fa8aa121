/**
 * Partial dates: sources are often dated only by year or month ("2014",
 * "2014-06"), so every date field accepts YYYY, YYYY-MM or YYYY-MM-DD and keeps
 * the precision it was given. Display follows UK legal style ("29 June 2014").
 */
import { z } from 'zod';
import { isPartialDate } from './vocabulary.ts';
import { format } from 'date-fns/format';
import { parse } from 'date-fns/parse';


export type DatePrecision = 'year' | 'month' | 'day';

export { isPartialDate };

export const PartialDate = z.string().refine(isPartialDate, {
  message: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD',
});
export type PartialDate = z.infer<typeof PartialDate>;

/** A full calendar day, YYYY-MM-DD. */
export const DayDate = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isPartialDate(v), {
  message: 'expected a date as YYYY-MM-DD',
});
export type DayDate = z.infer<typeof DayDate>;

export function precisionOf(value: PartialDate): DatePrecision {
  const parts = value.split('-').length;
  return parts === 3 ? 'day' : parts === 2 ? 'month' : 'year';
}

/** Parses user input, accepting the three precisions; returns undefined when invalid. */
export function parsePartialDate(input: string): PartialDate | undefined {
  const v = input.trim();
  return isPartialDate(v) ? v : undefined;
}

/** "2014" → "2014"; "2014-06" → "June 2014"; "2014-06-29" → "29 June 2014". */
export function formatPartialDate(value: PartialDate): string {
  switch (precisionOf(value)) {
    case 'year':
      return value;
    case 'month':
      return format(parse(value, 'yyyy-MM', new Date(2000, 0, 1)), 'MMMM yyyy');
    case 'day':
      return format(parse(value, 'yyyy-MM-dd', new Date(2000, 0, 1)), 'd MMMM yyyy');
  }
}

/** Earliest calendar day the partial date can mean (for sorting and staleness). */
export function startOfPartialDate(value: PartialDate): Date {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** Comparison for sorting partial dates chronologically (year-only sorts first in its year). */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const diff = startOfPartialDate(a).getTime() - startOfPartialDate(b).getTime();
  return diff !== 0 ? diff : a.length - b.length;
}
