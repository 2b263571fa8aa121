/**
 * Turns what a caseworker types into a safe FTS5 query. Every term is quoted,
 * so no input (quotes, colons, AND/OR/NEAR, brackets, stray asterisks) can
 * produce an FTS syntax error or reach a column filter:
 *   traced to Karachi      → "traced" "to" "karachi"      (all words, any order)
 *   "traced to Karachi"    → "traced to karachi"          (the phrase)
 *   karach*                → "karach"*                    (prefix)
 * An unmatched quote runs to the end of the input.
 */

function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** Letters and digits of a term; punctuation-only terms give an empty string. */
function cleanTerm(raw: string): string {
  return raw.normalize('NFKC').replace(/[^\p{L}\p{N}\p{M}'’\-_.@]+/gu, ' ').trim();
}

/** The FTS5 MATCH expression for `input`, or undefined when it has no searchable term. */
export function parseSearchQuery(input: string): string | undefined {
  const parts: string[] = [];
  const re = /"([^"]*)"?|(\S+)/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    if (m[1] !== undefined) {
      const phrase = cleanTerm(m[1]);
      if (/[\p{L}\p{N}]/u.test(phrase)) parts.push(quote(phrase));
      continue;
    }
    const word = m[2]!;
    const prefix = /\*+$/.test(word);
    const term = cleanTerm(word.replace(/\*+$/, ''));
    if (!/[\p{L}\p{N}]/u.test(term)) continue;
    parts.push(prefix ? `${quote(term)}*` : quote(term));
  }
  return parts.length ? parts.join(' ') : undefined;
}
