/**
 * OSCOLA subsequent citations. A document that cites a source many times (the
 * schedule, the chronology) gives the full citation once; later references
 * use a short form with a cross-reference to the row of the full citation and
 * the pinpoint (OSCOLA 4th edn, 1.2.2):
 *   Human Rights Watch, 'We are the Walking Dead' (29 June 2014) p 14 <URL> accessed …   (row E3)
 *   HRW, 'Walking Dead' (n E3) p 20, para 4
 * Short forms are made unambiguous across the sources cited together: two
 * sources by one author get distinct short titles (longer, then dated).
 * Case law keeps its name and neutral citation: "AK and SK (Pakistan) CG
 * [2014] UKUT 569 (IAC) [34]" in full, "AK and SK (Pakistan) (n E5) [36]" after.
 */
import type { SourceMeta } from '../model/index.ts';
import { nestQuotes, oscolaParts, type CitationOptions, type CitationParts } from './oscola.ts';
import { caseCitation, caseName, casePinpoint, isCaseLaw } from './case-law.ts';
import { paragraphPinpoint } from './paragraphs.ts';

const MINOR = new Set(['of', 'for', 'the', 'and', 'on', 'in', 'to', 'a', 'an', '&']);

/** "Human Rights Watch" → "HRW", "Human Rights Commission of Pakistan" → "HRCP"; short names and "UK Home Office" stay. */
export function shortLead(lead: string): string {
  const words = lead.replace(/\s+/g, ' ').trim().split(' ');
  const major = words.filter((w) => !MINOR.has(w.toLowerCase()));
  // Only a long corporate name is abbreviated; one that already holds an acronym ("UK Home Office") stays.
  if (major.length < 3 || !major.every((w) => /^[A-Z][a-z]/.test(w))) return words.join(' ');
  return major.map((w) => w[0]).join('');
}

/** The title's distinctive words: the part before a colon, else its longest capitalised run. */
export function shortTitle(title: string): string {
  const main = title.split(/:\s/)[0]!.replace(/\s+/g, ' ').trim();
  const words = main.split(' ');
  if (words.length <= 4) return main;
  let best: string[] = [];
  let run: string[] = [];
  for (const w of words) {
    if (/^[A-Z0-9]/.test(w) || (run.length > 0 && MINOR.has(w.toLowerCase()))) run.push(w);
    else run = [];
    const trimmed = [...run];
    while (trimmed.length > 0 && MINOR.has(trimmed[trimmed.length - 1]!.toLowerCase())) trimmed.pop();
    while (trimmed.length > 0 && /^\d/.test(trimmed[0]!)) trimmed.shift();
    if (trimmed.length > best.length) best = trimmed;
  }
  // A run starting the sentence ("We …") is the title's opening, not its name: prefer a later one.
  if (best.length >= 2 && best.length <= 6) return best.join(' ');
  const head = words.slice(0, 5);
  while (head.length > 1 && MINOR.has(head[head.length - 1]!.toLowerCase())) head.pop();
  return head.join(' ');
}

function leadOf(meta: SourceMeta): string | undefined {
  const lead = (meta.author ?? meta.publisher)?.trim();
  return lead ? shortLead(lead) : undefined;
}

function yearOf(meta: SourceMeta): string {
  return meta.published?.slice(0, 4) ?? 'nd';
}

/** Short names for sources cited together, distinct from one another. */
export function shortNames(sources: readonly SourceMeta[]): Map<string, string> {
  const unique = [...new Map(sources.map((s) => [s.id, s])).values()];
  const attempt = (meta: SourceMeta, level: number): string => {
    if (isCaseLaw(meta)) return level === 0 ? (meta.shortName ?? meta.title) : `${meta.shortName ?? meta.title} ${meta.neutralCitation}`;
    const lead = leadOf(meta);
    const base = level === 0 ? shortTitle(meta.title) : meta.title.replace(/\s+/g, ' ').trim();
    const title = `'${nestQuotes(base)}'`;
    const named = lead ? `${lead}, ${title}` : title;
    return level < 2 ? named : `${named} (${yearOf(meta)})`;
  };
  const out = new Map<string, string>();
  const levels = new Map(unique.map((s) => [s.id, 0]));
  for (let round = 0; round < 3; round++) {
    const names = new Map(unique.map((s) => [s.id, attempt(s, levels.get(s.id)!)]));
    let clash = false;
    for (const s of unique) {
      const mine = names.get(s.id)!;
      if (unique.some((o) => o.id !== s.id && names.get(o.id) === mine)) {
        levels.set(s.id, Math.min(2, levels.get(s.id)! + 1));
        clash = true;
      }
    }
    for (const [id, name] of names) out.set(id, name);
    if (!clash) break;
  }
  return out;
}

/** "p 14, para 2.4.5" for secondary sources, "[34]" for decisions. */
export function schedulePinpoint(meta: SourceMeta, page: number, paragraph: string | undefined): string {
  if (isCaseLaw(meta)) return casePinpoint(paragraph, page);
  const para = paragraphPinpoint(paragraph);
  return para ? `p ${page}, ${para}` : `p ${page}`;
}

export interface CitedRow {
  source: SourceMeta;
  sourcePage: number;
  paragraph?: string | undefined;
  /** The row's own label ("E3"), the target of later "(n E3)" cross-references. */
  label: string;
}

export interface RowCitation extends CitationParts {
  /** True for the row giving the source's full citation. */
  full: boolean;
}

/**
 * Cites rows in the order given: the first row of each source in full, later
 * rows in short form pointing back at it.
 */
export class SubsequentCiter {
  private readonly names: Map<string, string>;
  private readonly first = new Map<string, string>();

  constructor(sources: readonly SourceMeta[], private readonly optionsOf: (meta: SourceMeta) => CitationOptions = () => ({})) {
    this.names = shortNames(sources);
  }

  cite(row: CitedRow): RowCitation {
    const pin = schedulePinpoint(row.source, row.sourcePage, row.paragraph);
    const seen = this.first.get(row.source.id);
    if (seen === undefined) {
      this.first.set(row.source.id, row.label);
      if (isCaseLaw(row.source)) return { head: caseCitation(row.source, pin), url: undefined, tail: '', full: true };
      return { ...oscolaParts(row.source, pin, this.optionsOf(row.source)), full: true };
    }
    const name = isCaseLaw(row.source) ? caseName({ ...row.source, cg: false }) : (this.names.get(row.source.id) ?? row.source.title);
    return { head: `${name} (n ${seen}) ${pin}`, url: undefined, tail: '', full: false };
  }
}
