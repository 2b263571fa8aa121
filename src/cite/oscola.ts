/**
 * OSCOLA citations for secondary sources (reports, news, web pages), the form
 * a lawyer pastes into a skeleton argument:
 *   Human Rights Watch, 'We are the Walking Dead' (29 June 2014) <URL> accessed 21 November 2026
 * A pinpoint page follows the date bracket and precedes the URL (OSCOLA 4th
 * edn, 1.6 and 3.4: "… (2014) 14 <URL> accessed …"); OSCOLA uses no "p".
 * Citations are plain text; `oscolaParts` splits off the URL so HTML callers
 * can make it a hyperlink without re-parsing.
 */
import { z } from 'zod';
import { formatPartialDate, isPartialDate } from '../model/dates.ts';
import type { SourceMeta } from '../model/index.ts';
import { InvalidInputError } from '../errors.ts';

export const CitationOptions = z.object({
  /** Day (YYYY-MM-DD) used for "accessed …" when the source has no accessed date, e.g. the bundle date. */
  accessedFallback: z.string().optional(),
});
export type CitationOptions = z.infer<typeof CitationOptions>;

/** The citation in three pieces: text before the URL, the URL itself, text after it. */
export interface CitationParts {
  /** Everything up to and including the date bracket and pinpoint, e.g. "HRW, 'Title' (2014) 14". */
  head: string;
  url: string | undefined;
  /** " accessed 21 November 2026" when there is a URL and an accessed day, else "". */
  tail: string;
}

type CitedFields = Pick<SourceMeta, 'title' | 'author' | 'publisher' | 'published' | 'url' | 'accessed' | 'translation'>;

function clean(text: string | undefined): string | undefined {
  const t = text?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

function formatDate(value: string | undefined): string | undefined {
  return value !== undefined && isPartialDate(value) ? formatPartialDate(value) : undefined;
}

/** "(Publisher, 29 June 2014)", "(June 2014)", "(Ali Raza tr, nd)"… */
function bracket(meta: CitedFields, author: string | undefined, publisher: string | undefined): string {
  const inside: string[] = [];
  const translator = clean(meta.translation?.translator.name);
  if (translator) inside.push(`${translator} tr`);
  // The publisher goes inside the bracket only when the author already leads the citation.
  if (author && publisher && publisher !== author) inside.push(publisher);
  inside.push(formatDate(meta.published) ?? 'nd');
  return `(${inside.join(', ')})`;
}

/** Splits an OSCOLA citation of `meta` (optionally pinpointed at `page`) around its URL. */
export function oscolaParts(meta: CitedFields, page?: number | string, options: CitationOptions = {}): CitationParts {
  const parsed = CitationOptions.safeParse(options);
  if (!parsed.success) throw new InvalidInputError(`Citation options are invalid (${parsed.error.issues[0]?.message ?? 'unknown field'}): pass accessedFallback as a YYYY-MM-DD string.`);
  const { accessedFallback } = parsed.data;
  const author = clean(meta.author);
  const publisher = clean(meta.publisher);
  const lead = author ?? publisher;
  const title = `'${nestQuotes(clean(meta.title) ?? 'Untitled')}'`;
  let head = `${lead ? `${lead}, ` : ''}${title} ${bracket(meta, author, publisher)}`;
  if (page !== undefined && String(page).trim() !== '') head += ` ${String(page).trim()}`;
  const url = clean(meta.url);
  const accessed = formatDate(meta.accessed) ?? formatDate(accessedFallback);
  const tail = url && accessed ? ` accessed ${accessed}` : '';
  return { head, url, tail };
}

function joinParts(parts: CitationParts): string {
  return parts.url ? `${parts.head} <${parts.url}>${parts.tail}` : parts.head;
}

/** Full citation, e.g. "Human Rights Watch, 'We are the Walking Dead' (29 June 2014) <URL> accessed 21 November 2026". */
export function oscolaCitation(meta: CitedFields, options: CitationOptions = {}): string {
  return joinParts(oscolaParts(meta, undefined, options));
}

/** Pinpoint citation to a page of the source: "… (29 June 2014) 14 <URL> accessed …". */
export function oscolaPinpoint(meta: CitedFields, page: number | string, options: CitationOptions = {}): string {
  return joinParts(oscolaParts(meta, page, options));
}

/**
 * OSCOLA puts titles in single quotes, so a quotation inside a title takes
 * double quotes: 'We are the Walking Dead': Killings… → '"We are the Walking
 * Dead": Killings…'. Only balanced pairs change; apostrophes (Hazara's) stay.
 */
export function nestQuotes(title: string): string {
  return title.replace(/(^|[\s([\u2014\u2013-])['\u2018]([^'\u2018\u2019]+?)['\u2019](?=$|[\s).,:;!?\u2014\u2013-])/g, '$1"$2"');
}
