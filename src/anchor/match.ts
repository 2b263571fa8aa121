/**
 * Finding a quote in a source's pages. Exact (normalised, case-insensitive)
 * occurrences come first; when there are several, the stored prefix and
 * suffix decide, then the page the caller expects. Only when there is no
 * exact occurrence does an approximate search (approx-string-match) look for
 * the passage within an error budget. Offsets returned are in the page's own
 * text, so they can be stored and highlighted.
 */
import search from 'approx-string-match';
import type { PageText } from '../model/index.ts';
import { collapseWhitespace, matchKey, originalRange, type NormalisedText } from './normalise.ts';

export interface QuoteMatch {
  page: number;
  /** Offsets in the page's PageText.text. */
  start: number;
  end: number;
  status: 'exact' | 'fuzzy';
  /** Errors per character of the quote: 0 for an exact match. */
  distance: number;
}

export interface FindQuoteOptions {
  /** The page expected to hold the quote: searched first, preferred on a tie. */
  page?: number;
  prefix?: string;
  suffix?: string;
  /** Errors allowed per character in the fuzzy fallback (default 0.15). */
  maxErrorRate?: number;
}

export const DEFAULT_MAX_ERROR_RATE = 0.15;

/** A place in one page's normalised text. */
interface Candidate {
  page: PageText;
  key: NormalisedText;
  start: number;
  end: number;
  errors: number;
  order: number;
}

const keyCache = new WeakMap<PageText, { text: string; key: NormalisedText }>();

/** The normalised, lower-cased text of a page, computed once per page object. */
export function pageKey(page: PageText): NormalisedText {
  const cached = keyCache.get(page);
  if (cached && cached.text === page.text) return cached.key;
  const key = matchKey(page.text);
  keyCache.set(page, { text: page.text, key });
  return key;
}

/** The pages in search order: the expected page first, then the rest in order. */
export function searchOrder(pages: PageText[], page?: number): PageText[] {
  const first = pages.filter((p) => p.page === page);
  return [...first, ...pages.filter((p) => p.page !== page)];
}

export function exactCandidates(pages: PageText[], quote: string): Candidate[] {
  const found: Candidate[] = [];
  pages.forEach((page, order) => {
    const key = pageKey(page);
    for (let at = key.text.indexOf(quote); at >= 0; at = key.text.indexOf(quote, at + 1)) {
      found.push({ page, key, start: at, end: at + quote.length, errors: 0, order });
    }
  });
  return found;
}

export function fuzzyCandidates(pages: PageText[], quote: string, maxErrors: number): Candidate[] {
  const found: Candidate[] = [];
  pages.forEach((page, order) => {
    const key = pageKey(page);
    if (key.text.length === 0) return;
    for (const m of search(key.text, quote, maxErrors)) {
      found.push({ page, key, start: m.start, end: m.end, errors: m.errors, order });
    }
  });
  return found;
}

/** 1 when `context` sits right against the candidate, falling towards 0 with each error. */
function contextSimilarity(window: string, context: string): number {
  if (context.length === 0) return 0;
  const matches = search(window, context, context.length);
  const errors = matches.reduce((min, m) => Math.min(min, m.errors), context.length);
  return 1 - errors / context.length;
}

/** The best candidate: quote fidelity, then context, then the expected page, then reading order. */
export function bestCandidate(candidates: Candidate[], quoteLength: number, options: FindQuoteOptions): Candidate | undefined {
  const prefix = matchKey(options.prefix ?? '').text;
  const suffix = matchKey(options.suffix ?? '').text;
  const slack = 4;
  let best: { c: Candidate; score: number } | undefined;
  for (const c of candidates) {
    const before = c.key.text.slice(Math.max(0, c.start - prefix.length - slack), c.start);
    const after = c.key.text.slice(c.end, c.end + suffix.length + slack);
    const score =
      50 * (1 - c.errors / quoteLength) +
      20 * contextSimilarity(before, prefix) +
      20 * contextSimilarity(after, suffix) +
      (c.page.page === options.page ? 2 : 0);
    if (!best || score > best.score + 1e-9) best = { c, score };
  }
  return best?.c;
}

function toMatch(c: Candidate, quoteLength: number): QuoteMatch {
  const range = originalRange(c.key, c.page.text, c.start, c.end);
  const distance = Math.round((c.errors / quoteLength) * 1000) / 1000;
  return { page: c.page.page, start: range.start, end: range.end, status: c.errors === 0 ? 'exact' : 'fuzzy', distance };
}

/** Exact occurrences only (context and page decide among several). */
export function findExact(pages: PageText[], quote: string, options: FindQuoteOptions = {}): QuoteMatch | undefined {
  const q = matchKey(quote).text;
  if (q.length === 0) return undefined;
  const best = bestCandidate(exactCandidates(searchOrder(pages, options.page), q), q.length, options);
  return best && toMatch(best, q.length);
}

/** Approximate occurrences within the error budget, on the given pages only. */
export function findFuzzy(pages: PageText[], quote: string, options: FindQuoteOptions = {}): QuoteMatch | undefined {
  const q = matchKey(quote).text;
  if (q.length === 0) return undefined;
  const maxErrors = Math.floor((options.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE) * q.length);
  const best = bestCandidate(fuzzyCandidates(searchOrder(pages, options.page), q, maxErrors), q.length, options);
  return best && toMatch(best, q.length);
}

/** Finds a quote: exact anywhere first, then fuzzy within the error budget. */
export function findQuote(pages: PageText[], quote: string, options: FindQuoteOptions = {}): QuoteMatch | undefined {
  return findExact(pages, quote, options) ?? findFuzzy(pages, quote, options);
}

/** The passage most like the quote, however unlike: for "did you mean" messages. */
export function closestPassage(pages: PageText[], quote: string): { page: number; text: string } | undefined {
  const q = matchKey(quote).text;
  if (q.length === 0) return undefined;
  let candidates = fuzzyCandidates(pages, q, Math.ceil(q.length / 2));
  if (candidates.length === 0) candidates = fuzzyCandidates(pages, q, q.length);
  let best: Candidate | undefined;
  for (const c of candidates) if (!best || c.errors < best.errors) best = c;
  if (!best) return undefined;
  const range = originalRange(best.key, best.page.text, best.start, best.end);
  let text = collapseWhitespace(best.page.text.slice(range.start, range.end)).trim();
  const limit = quote.length + 20;
  if (text.length > limit) text = `${text.slice(0, limit).trimEnd()}…`;
  return { page: best.page.page, text };
}
