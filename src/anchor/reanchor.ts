/**
 * Re-anchoring excerpts when a source is replaced by a new edition. Each
 * excerpt goes down a fallback chain: its exact quote (context picks among
 * several), then its stored position if the text there still says the quote,
 * then a fuzzy match near its old page, then anywhere. An excerpt that cannot
 * be found is marked orphaned and returned unchanged, never dropped, so the
 * caseworker can see it and anchor it by hand.
 */
import type { AnchorStatus, Excerpt, PageText } from '../model/index.ts';
import type { AnchorTarget } from './excerpt.ts';
import { quoteAt, trimRange } from './excerpt.ts';
import { findExact, findFuzzy, type QuoteMatch } from './match.ts';
import { matchKey } from './normalise.ts';
import { rectsForRange } from './rects.ts';
import { withParagraph } from './paragraph.ts';

export interface ReanchorResult {
  excerpt: Excerpt;
  status: AnchorStatus;
}

/** Pages within one of the old page, which a lightly edited edition usually keeps. */
function nearPages(pages: PageText[], page: number): PageText[] {
  return pages.filter((p) => Math.abs(p.page - page) <= 1);
}

/** The stored position, if the new edition's text there still says the quote. */
function atStoredPosition(excerpt: Excerpt, pages: PageText[]): QuoteMatch | undefined {
  const page = pages.find((p) => p.page === excerpt.page);
  const { start, end } = excerpt.position;
  if (!page || end > page.text.length || start >= end) return undefined;
  const there = matchKey(page.text.slice(start, end)).text;
  if (there.length === 0 || there !== matchKey(excerpt.quote.exact).text) return undefined;
  return { page: page.page, start, end, status: 'exact', distance: 0 };
}

function locate(excerpt: Excerpt, pages: PageText[]): { match: QuoteMatch; status: AnchorStatus } | undefined {
  const options = { page: excerpt.page, prefix: excerpt.quote.prefix, suffix: excerpt.quote.suffix };
  const exact = findExact(pages, excerpt.quote.exact, options);
  if (exact) return { match: exact, status: 'exact' };
  const positioned = atStoredPosition(excerpt, pages);
  if (positioned) return { match: positioned, status: 'position' };
  const fuzzy = findFuzzy(nearPages(pages, excerpt.page), excerpt.quote.exact, options) ?? findFuzzy(pages, excerpt.quote.exact, options);
  if (fuzzy) return { match: fuzzy, status: 'fuzzy' };
  return undefined;
}

/** Re-anchors one excerpt against the target edition. */
export function reanchor(excerpt: Excerpt, target: AnchorTarget): ReanchorResult {
  const found = locate(excerpt, target.pages);
  if (!found) {
    return { excerpt: { ...excerpt, anchor: { ...excerpt.anchor, status: 'orphaned' } }, status: 'orphaned' };
  }
  const { match, status } = found;
  const page = target.pages.find((p) => p.page === match.page)!;
  const { start, end } = trimRange(page.text, match.start, match.end);
  const anchor = status === 'fuzzy' ? { status, sha256: target.sha256, distance: match.distance } : { status, sha256: target.sha256 };
  return {
    excerpt: withParagraph({
      ...excerpt,
      page: match.page,
      quote: quoteAt(page, start, end),
      position: { start, end },
      rects: rectsForRange(page, start, end),
      anchor,
    }, target.pages),
    status,
  };
}

/** Re-anchors every excerpt of a source; orphaned and fuzzy ones are listed for review. */
export function reanchorAll(excerpts: Excerpt[], target: AnchorTarget): { excerpts: Excerpt[]; orphaned: Excerpt[]; fuzzy: Excerpt[] } {
  const results = excerpts.map((e) => reanchor(e, target));
  return {
    excerpts: results.map((r) => r.excerpt),
    orphaned: results.filter((r) => r.status === 'orphaned').map((r) => r.excerpt),
    fuzzy: results.filter((r) => r.status === 'fuzzy').map((r) => r.excerpt),
  };
}
