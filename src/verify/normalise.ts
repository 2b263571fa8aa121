/**
 * Normalised text comparison for verification. Quotes use anchoring's own
 * quoteIsOnPage (the same normalised containment that placed them); a looser
 * whitespace-blind comparison is the fallback and is used for link text.
 */
import { quoteIsOnPage } from '../anchor/normalise.ts';

export function normaliseForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u00ad/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/-\s*\n\s*/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

export function containsQuote(pageText: string, quote: string): boolean {
  if (quoteIsOnPage(pageText, quote)) return true;
  const q = normaliseForMatch(quote);
  return q.length > 0 && normaliseForMatch(pageText).includes(q);
}
