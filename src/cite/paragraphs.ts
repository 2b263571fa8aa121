/**
 * Paragraph numbering of a source, detected from its page text, so that an
 * excerpt can be cited "para 2.4.5" (CPIN), "[34]" (a tribunal decision) or
 * "para 12" (a numbered witness statement). A numbered paragraph starts a
 * line: `1.`, `2.4.5`, `[34]`, or `(a)` nested under the current number.
 * Word's automatic numbering reaches Sanad as text in the rendition, so the
 * same detection covers .docx statements.
 *
 * The map is compact: one entry per numbered paragraph (page, offset in the
 * page text, label), in reading order. A position's paragraph is the last
 * entry at or before it. Labels are stored as they are cited: "2.4.5" for
 * numbered paragraphs, "[34]" for bracketed ones.
 */
import type { PageText } from '../model/index.ts';

export interface ParagraphMark {
  page: number;
  offset: number;
  label: string;
}
export type ParagraphMap = ParagraphMark[];

const DECIMAL = /^[ \t]*(\d{1,3}(?:\.\d{1,3}){1,4})\.?[ \t]+(?=[A-Z\u201C\u2018"'([])/u;
const SINGLE = /^[ \t]*(\d{1,3})\.[ \t]+(?=[A-Z\u201C\u2018"'([])/u;
const BRACKET = /^[ \t]*\[(\d{1,4})\][ \t]+(?=\S)/u;
const LETTER = /^[ \t]*\(([a-z]|[ivx]{1,4})\)[ \t]+(?=\S)/u;

type Style = 'decimal' | 'bracket';

function parts(label: string): number[] {
  return label.replace(/[[\]]/g, '').split('.').map(Number);
}

/** Whether `next` plausibly follows `prev` in one numbering (no going back, no wild jumps). */
function follows(prev: string | undefined, next: string, style: Style): boolean {
  // A bracketed number is unambiguous; a bare one could be a year or a figure, so numbering starts low.
  if (prev === undefined) return style === 'bracket' || parts(next)[0]! <= 10;
  const a = parts(prev);
  const b = parts(next);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (y > x) return y - x <= (i === 0 ? 5 : 20);
    if (y < x) return false;
  }
  return false;
}

interface Candidate {
  page: number;
  offset: number;
  number?: string;
  style?: Style;
  letter?: string;
}

function candidatesOf(page: PageText): Candidate[] {
  const out: Candidate[] = [];
  let offset = 0;
  for (const line of page.text.split('\n')) {
    const d = DECIMAL.exec(line) ?? SINGLE.exec(line);
    const b = BRACKET.exec(line);
    const l = LETTER.exec(line);
    const at = offset + (line.length - line.trimStart().length);
    if (b) out.push({ page: page.page, offset: at, number: b[1]!, style: 'bracket' });
    else if (d) out.push({ page: page.page, offset: at, number: d[1]!, style: 'decimal' });
    else if (l) out.push({ page: page.page, offset: at, letter: l[1]! });
    offset += line.length + 1;
  }
  return out;
}

/** Detects the paragraph numbering of a whole source (empty when it has none). */
export function detectParagraphs(pages: readonly PageText[]): ParagraphMap {
  const candidates = pages.flatMap(candidatesOf);
  const counts = { decimal: 0, bracket: 0 };
  for (const c of candidates) if (c.style) counts[c.style]++;
  // One numbering per document: the commoner style wins (decisions number "[34]" but quote "1." lists).
  const style: Style = counts.bracket >= counts.decimal ? 'bracket' : 'decimal';
  if (counts[style] < 2) return [];
  const map: ParagraphMap = [];
  let last: string | undefined;
  for (const c of candidates) {
    if (c.style === style && c.number !== undefined && follows(last, c.number, style)) {
      last = c.number;
      map.push({ page: c.page, offset: c.offset, label: style === 'bracket' ? `[${c.number}]` : c.number });
    } else if (c.letter !== undefined && last !== undefined) {
      const base = style === 'bracket' ? `[${last}]` : last;
      map.push({ page: c.page, offset: c.offset, label: `${base}(${c.letter})` });
    }
  }
  return map.length >= 2 ? map : [];
}

/** The label of the paragraph holding `offset` on `page`, if the source is numbered there. */
export function paragraphAt(map: ParagraphMap, page: number, offset: number): string | undefined {
  let found: string | undefined;
  for (const m of map) {
    if (m.page > page || (m.page === page && m.offset > offset)) break;
    found = m.label;
  }
  return found;
}

const cache = new WeakMap<readonly PageText[], ParagraphMap>();

/** detectParagraphs, computed once per page array (the text cache a caller holds). */
export function paragraphMapOf(pages: readonly PageText[]): ParagraphMap {
  let map = cache.get(pages);
  if (!map) {
    map = detectParagraphs(pages);
    cache.set(pages, map);
  }
  return map;
}

/** The paragraph of an excerpt starting at `offset` of `page` in these pages. */
export function paragraphOf(pages: readonly PageText[], page: number, offset: number): string | undefined {
  return paragraphAt(paragraphMapOf(pages), page, offset);
}

/** "para 2.4.5", "[34]", "para 3(a)": the pinpoint as OSCOLA writes it. */
export function paragraphPinpoint(label: string | undefined): string | undefined {
  if (!label) return undefined;
  return label.startsWith('[') ? label : `para ${label}`;
}
