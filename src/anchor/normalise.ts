/**
 * Text normalisation for matching quotes against page text. PDF text differs
 * from what a caseworker types in ways that do not change the words: ligature
 * glyphs, curly quotes, typographic dashes, hyphenated line ends, and runs of
 * whitespace. Both sides are normalised the same way and compared; `map`
 * carries every normalised character back to its offset in the original, so a
 * match can be reported (and highlighted) in the page's own text.
 */

export interface NormalisedText {
  text: string;
  /** map[i] = offset in the original of normalised char i, plus a final entry for the end. */
  map: number[];
}

const SINGLE_QUOTES = new Set(['\u2018', '\u2019', '\u201A', '\u201B', '\u2032']);
const DOUBLE_QUOTES = new Set(['\u201C', '\u201D', '\u201E', '\u201F', '\u2033']);
const DASHES = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D']);
/** Invisible characters that never separate or form words. */
const REMOVED = new Set(['\u200B', '\u2060', '\uFEFF']);
/** Soft hyphen: invisible, except that at a line end it marks a broken word. */
const SOFT_HYPHEN = '\u00AD';

/** What one original character stands for when matching ('' = nothing). */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code > 0x20 && code < 0x7f) return ch;
  if (REMOVED.has(ch)) return '';
  if (ch === SOFT_HYPHEN) return ch;
  const nfkc = ch.normalize('NFKC');
  let out = '';
  for (const c of nfkc) {
    if (SINGLE_QUOTES.has(c)) out += "'";
    else if (DOUBLE_QUOTES.has(c)) out += '"';
    else if (DASHES.has(c)) out += '-';
    else if (/\s/u.test(c)) out += ' ';
    else out += c;
  }
  return out;
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

/**
 * Normalises text for matching only (the stored quote keeps the page's own
 * characters). NFKC, straight quotes, '-' for every dash, soft hyphens
 * removed, a hyphen between a letter and a whitespace run before another
 * letter joined ("reloca-\ntion" → "relocation"), whitespace collapsed to one
 * space and trimmed. Case is kept.
 */
export function normalise(text: string): NormalisedText {
  // Pass 1: fold each code point; every produced char remembers its origin.
  const chars: string[] = [];
  const origin: number[] = [];
  let offset = 0;
  for (const cp of text) {
    for (const c of foldChar(cp)) {
      chars.push(c);
      origin.push(offset);
    }
    offset += cp.length;
  }
  // Pass 2: join hyphenated line ends, collapse and trim whitespace.
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if ((c === '-' || c === SOFT_HYPHEN) && isLetter(chars[i - 1]) && chars[i + 1] === ' ') {
      let j = i + 1;
      while (chars[j] === ' ') j++;
      if (isLetter(chars[j])) {
        i = j - 1;
        continue;
      }
    }
    if (c === SOFT_HYPHEN) continue;
    if (c === ' ') {
      if (out.length === 0 || out.endsWith(' ')) continue;
    }
    out += c;
    map.push(origin[i]!);
  }
  if (out.endsWith(' ')) {
    out = out.slice(0, -1);
    map.pop();
  }
  map.push(map.length === 0 ? 0 : endOfOriginalChar(text, map[map.length - 1]!));
  return { text: out, map };
}

/** Offset just past the original character (code point) starting at `at`. */
function endOfOriginalChar(original: string, at: number): number {
  const code = original.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff ? at + 2 : at + 1;
}

/**
 * Lower-cases a normalised text for case-insensitive matching, one code unit
 * at a time so that offsets (and therefore `map`) stay valid.
 */
export function foldCase(n: NormalisedText): NormalisedText {
  let text = '';
  for (let i = 0; i < n.text.length; i++) {
    const c = n.text[i]!;
    const lower = c.toLowerCase();
    text += lower.length === 1 ? lower : c;
  }
  return { text, map: n.map };
}

/** Normalised and lower-cased: the form every comparison uses. */
export function matchKey(text: string): NormalisedText {
  return foldCase(normalise(text));
}

/** The original range covered by normalised chars [start, end). */
export function originalRange(n: NormalisedText, original: string, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = n.map[start] ?? n.map[n.map.length - 1] ?? 0;
    return { start: at, end: at };
  }
  return { start: n.map[start]!, end: endOfOriginalChar(original, n.map[end - 1]!) };
}

/** Whitespace collapsed to single spaces, for showing and storing quotes. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ');
}

/** Normalised, case-insensitive containment: does the page say this quote? */
export function quoteIsOnPage(pageText: string, quote: string): boolean {
  const q = matchKey(quote).text;
  return q.length > 0 && matchKey(pageText).text.includes(q);
}
