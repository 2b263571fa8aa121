/**
 * Case law, chiefly country guidance (CG) decisions of the Upper Tribunal,
 * cited by name and neutral citation with the paragraph in square brackets:
 *   AK and SK (Pakistan) CG [2014] UKUT 569 (IAC) [34]
 * A source is case law when it has a neutral citation.
 */
import type { SourceMeta } from '../model/index.ts';

export type CaseLawFields = Pick<SourceMeta, 'title' | 'neutralCitation' | 'shortName' | 'cg'>;

export function isCaseLaw(meta: Partial<CaseLawFields>): meta is CaseLawFields & { neutralCitation: string } {
  return typeof meta.neutralCitation === 'string' && meta.neutralCitation.trim() !== '';
}

/** "AK and SK (Pakistan) CG": the name a decision is cited by, with CG when it is country guidance. */
export function caseName(meta: CaseLawFields): string {
  const name = (meta.shortName ?? meta.title).replace(/\s+/g, ' ').trim();
  return meta.cg ? `${name} CG` : name;
}

/** "AK and SK (Pakistan) CG [2014] UKUT 569 (IAC) [34]"; the pinpoint is a paragraph ("[34]") or a page. */
export function caseCitation(meta: CaseLawFields, pinpoint?: string): string {
  const base = `${caseName(meta)} ${meta.neutralCitation?.trim() ?? ''}`.trim();
  return pinpoint ? `${base} ${pinpoint}` : base;
}

/** Pinpoint of a decision: its paragraph "[34]" when numbered, else "p 12". */
export function casePinpoint(paragraph: string | undefined, page: number): string {
  if (paragraph) return paragraph.startsWith('[') ? paragraph : `[${paragraph}]`;
  return `p ${page}`;
}
