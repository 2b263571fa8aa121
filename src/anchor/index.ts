/**
 * Excerpt anchoring: pure functions over a source's page text that create
 * excerpts, find quotes, compute highlight rectangles and re-anchor excerpts
 * against a new edition. No workspace I/O: the store and the CLI call these.
 */
export { normalise, quoteIsOnPage, type NormalisedText } from './normalise.ts';
export { findQuote, closestPassage, type QuoteMatch, type FindQuoteOptions } from './match.ts';
export { rectsForRange } from './rects.ts';
export { excerptFromRange, excerptFromQuote, type ExcerptFields, type AnchorTarget } from './excerpt.ts';
export { reanchor, reanchorAll, type ReanchorResult } from './reanchor.ts';
