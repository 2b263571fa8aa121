/**
 * Filters excerpts the way a caseworker narrows them down: by tag (a tag
 * includes its sub-tags), source, event date range, place and free text.
 */
import { comparePartialDates, type Excerpt, type Tag, TAG_SEPARATOR } from '../model/index.ts';

export interface ExcerptFilter {
  sourceId?: string;
  /** Tag id or full tag name; matches the tag and everything under it. */
  tag?: string;
  place?: string;
  /** Inclusive event-date range (partial dates). */
  from?: string;
  to?: string;
  query?: string;
}

export function tagMatcher(tags: Tag[], tagRef: string): (tagId: string) => boolean {
  const wanted = tags.find((t) => t.id === tagRef) ?? tags.find((t) => t.name.toLowerCase() === tagRef.toLowerCase());
  if (!wanted) return () => false;
  const prefix = wanted.name + TAG_SEPARATOR;
  const ids = new Set(tags.filter((t) => t.name === wanted.name || t.name.startsWith(prefix)).map((t) => t.id));
  return (id) => ids.has(id);
}

/** Is the partial date `value` within [from, to]? A range end given as a year includes that whole year. */
export function withinDates(value: string | undefined, from?: string, to?: string): boolean {
  if (!from && !to) return true;
  if (!value) return false;
  if (from && comparePartialDates(value, from) < 0 && !value.startsWith(from) && !from.startsWith(value)) return false;
  if (to && comparePartialDates(value, to) > 0 && !value.startsWith(to)) return false;
  return true;
}

function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
}

export function filterExcerpts(excerpts: Excerpt[], tags: Tag[], filter: ExcerptFilter): Excerpt[] {
  const hasTag = filter.tag ? tagMatcher(tags, filter.tag) : undefined;
  const place = filter.place ? fold(filter.place) : undefined;
  const query = filter.query ? fold(filter.query) : undefined;
  return excerpts.filter((e) => {
    if (filter.sourceId && e.sourceId !== filter.sourceId) return false;
    if (hasTag && !e.tags.some(hasTag)) return false;
    if (place && !e.places.some((p) => fold(p).includes(place))) return false;
    if (!withinDates(e.eventDate, filter.from, filter.to)) return false;
    if (query && !fold(`${e.quote.exact} ${e.note ?? ''}`).includes(query)) return false;
    return true;
  });
}
