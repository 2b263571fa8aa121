/**
 * Small formatting helpers shared by the generated parts: page references
 * with volumes ("Vol 2, 17–40"), dates in UK legal style, and the heading
 * block naming the appeal that several parts repeat.
 */
import { nestQuotes } from '../../cite/oscola.ts';
import { formatPartialDate, isPartialDate } from '../../model/dates.ts';
import type { SourceMeta } from '../../model/index.ts';
import { internalLink, type PartContext, type PageRef } from './context.ts';

/** En dash, as in "17–40". */
export const RANGE_DASH = '\u2013';

/** "17" or, in a split bundle, "Vol 2, 17". */
export function pageText(page: PageRef): string {
  return page.volume !== undefined ? `Vol ${page.volume}, ${page.label}` : page.label;
}

/** "17–40", "17", "Vol 2, 17–40" or "Vol 1, 230 – Vol 2, 5". */
export function rangeText(first: PageRef, last: PageRef): string {
  if (first.pageIndex === last.pageIndex) return pageText(first);
  if (first.volume !== last.volume) return `${pageText(first)} ${RANGE_DASH} ${pageText(last)}`;
  return `${pageText(first)}${RANGE_DASH}${last.label}`;
}

/** A page reference ready for a template: visible text and internal link. */
export interface PageLink {
  text: string;
  href: string;
  /** The text in pieces that must not wrap inside ("Vol 1, 230 –", "Vol 2, 5"). */
  pieces: string[];
}

function piecesOf(text: string): string[] {
  const parts = text.split(` ${RANGE_DASH} `);
  return parts.map((p, i) => (i < parts.length - 1 ? `${p} ${RANGE_DASH}` : p));
}

export function pageLink(page: PageRef): PageLink {
  const text = pageText(page);
  return { text, href: internalLink(page.pageIndex), pieces: piecesOf(text) };
}

export function rangeLink(first: PageRef, last: PageRef): PageLink {
  const text = rangeText(first, last);
  return { text, href: internalLink(first.pageIndex), pieces: piecesOf(text) };
}

/** "29 June 2014" for any partial date; "" when absent or invalid. */
export function displayDate(value: string | undefined): string {
  return value !== undefined && isPartialDate(value) ? formatPartialDate(value) : '';
}

/** "Human Rights Watch, 'Title'": a short form naming the source (no date or URL). */
export function shortSource(meta: Pick<SourceMeta, 'title' | 'author' | 'publisher'>): string {
  const lead = meta.author?.trim() || meta.publisher?.trim();
  const title = nestQuotes(meta.title);
  return lead ? `${lead}, '${title}'` : `'${title}'`;
}

export interface AppealHeading {
  court: string;
  references: Array<{ label: string; value: string }>;
  appellant: string;
  respondent: string;
  bundleTitle: string;
}

/** What every part's heading block says about the appeal (never the full name when anonymised). */
export function appealHeading(ctx: PartContext): AppealHeading {
  return {
    court: ctx.profile.court,
    references: ctx.case.references.map((r) => ({ label: r.label, value: r.value })),
    appellant: ctx.appellant,
    respondent: ctx.case.respondent,
    bundleTitle: ctx.bundleTitle,
  };
}
