/**
 * The anonymity check. In an anonymised case the appellant's name must not be
 * printed anywhere in the bundle, and a case can list further names and
 * numbers to protect (aliases, family members, addresses, phone numbers).
 * Every page of every bundled document that still shows one, after its
 * redactions, is reported, matched the way quotes are (normalised,
 * case-insensitive, across line breaks and hyphenation).
 */
import type { CaseFile, PageText, Redaction } from '../model/index.ts';
import { matchKey } from '../anchor/normalise.ts';
import type { BundleInput } from '../bundle/input.ts';
import type { Layout } from '../bundle/plan.ts';
import { effectiveText } from './text.ts';

/** The names and numbers the case protects: the appellant's name when anonymised, then the case's list. */
export function protectedTerms(c: CaseFile): string[] {
  const terms: string[] = [];
  const add = (t: string) => {
    const v = t.trim();
    if (matchKey(v).text.length >= 3 && !terms.some((x) => matchKey(x).text === matchKey(v).text)) terms.push(v);
  };
  if (c.appellant.anonymise && c.appellant.name.trim()) add(c.appellant.name);
  for (const t of c.protect ?? []) add(t);
  return terms;
}

/** "page 4", "pages 14 and 22", "pages 3, 5 and 9". */
export function pageList(labels: string[]): string {
  if (labels.length === 1) return `page ${labels[0]}`;
  return `pages ${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

export function termOnPage(term: string, text: string): boolean {
  const key = matchKey(term).text;
  return key.length > 0 && matchKey(text).text.includes(key);
}

export function anonymityMessage(term: string, where: string): string {
  return `'${term}' appears on ${where}: redact it or confirm.`;
}

/** Build warnings: one per protected term still printed in the bundle's documents (text already redacted). */
export function anonymityWarnings(input: BundleInput, layout: Layout): string[] {
  const terms = protectedTerms(input.case);
  if (terms.length === 0) return [];
  const warnings: string[] = [];
  for (const term of terms) {
    const labels: string[] = [];
    for (const p of layout.items) {
      if (p.item.kind !== 'source') continue;
      const text = input.sources.get(p.item.meta.id)?.text ?? [];
      p.item.pages.forEach((index, k) => {
        const page = text[index];
        if (page && termOnPage(term, page.text)) labels.push(layout.labels[p.first + k - 1] ?? String(p.first + k));
      });
    }
    if (labels.length > 0) warnings.push(anonymityMessage(term, `bundle ${pageList(labels)}`));
  }
  return warnings;
}

export interface TermFinding {
  term: string;
  sourceId: string;
  title: string;
  /** Source pages (1-based) that still show the term after redaction. */
  pages: number[];
}

/** Before a build: where each protected term is still printed, per document and source page. */
export function findProtectedTerms(c: CaseFile, documents: Array<{ id: string; title: string; text: PageText[]; redactions: Redaction[] }>): TermFinding[] {
  const out: TermFinding[] = [];
  for (const term of protectedTerms(c)) {
    for (const d of documents) {
      const pages = d.text.filter((p) => termOnPage(term, effectiveText(p, d.redactions))).map((p) => p.page);
      if (pages.length > 0) out.push({ term, sourceId: d.id, title: d.title, pages });
    }
  }
  return out;
}
