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

/** Case and accent folding close to FTS5's unicode61 tokenizer with remove_diacritics 2. */
function foldWord(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * The same query for cutting one page's snippet, with each prefix term
 * replaced by the words of that page that start with it: FTS5 expands a
 * prefix over the whole index on every statement, which would make each
 * snippet cost as much as the search. Undefined when the query has no prefix
 * term, or one that cannot be expanded this way (the caller then uses the
 * query as it is).
 */
export function snippetQuery(input: string, pageText: string): string | undefined {
  const match = parseSearchQuery(input);
  if (!match || !/"\*/.test(match)) return undefined;
  let words: string[] | undefined;
  const parts: string[] = [];
  // parseSearchQuery's output is a sequence of quoted terms, some followed by *.
  for (const m of match.matchAll(/"((?:[^"]|"")*)"(\*?)/g)) {
    if (!m[2]) {
      parts.push(`"${m[1]}"`);
      continue;
    }
    const prefix = m[1]!.replace(/""/g, '"');
    if (!/^[\p{L}\p{N}]+$/u.test(prefix)) return undefined;
    words ??= [...new Set(pageText.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean))];
    const folded = foldWord(prefix);
    const found = words.filter((w) => foldWord(w).startsWith(folded));
    if (!found.length) return undefined;
    parts.push(`(${found.map((w) => `"${w}"`).join(' OR ')})`);
  }
  return parts.join(' AND ');
}
