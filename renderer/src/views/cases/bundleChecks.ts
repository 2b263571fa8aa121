/**
 * What is wrong with the bundle editor's draft, field by field, in words a
 * caseworker can act on. A draft with problems is not saved (the core would
 * refuse it) and cannot be built; each message shows under its field.
 */
import { DAY_DATE } from '../../lib/format.ts';
import type { Draft } from './bundleDraft.ts';

/** Same shape as PageRanges in src/model/bundle.ts. */
const PAGE_RANGES = /^\s*\d+(\s*-\s*\d*)?(\s*,\s*\d+(\s*-\s*\d*)?)*\s*$/;

/** Field ids of the editor's inputs. */
export const fieldId = {
  cap: 'opt-cap',
  supNumber: 'opt-sup-n',
  supDate: 'opt-sup-date',
  supAfter: 'opt-sup-after',
  letter: (sectionId: string) => `sec-letter-${sectionId}`,
  title: (sectionId: string) => `sec-title-${sectionId}`,
  pages: (itemKey: string) => `item-pages-${itemKey}`,
};

export type Problems = ReadonlyMap<string, string>;

export function draftProblems(draft: Draft): Problems {
  const problems = new Map<string, string>();
  const cap = draft.capText.trim();
  if (cap && !(/^\d+(\.\d+)?$/.test(cap) && Number(cap) >= 1)) {
    problems.set(fieldId.cap, 'Enter the largest file size in megabytes (for example 50), or leave it empty for the tribunal’s limit.');
  }
  const sup = draft.supplementary;
  if (sup) {
    if (!/^[1-9]\d{0,2}$/.test(sup.number.trim())) problems.set(fieldId.supNumber, 'Enter a whole number from 1: 1 for the first supplementary bundle.');
    if (!DAY_DATE.test(sup.date)) problems.set(fieldId.supDate, 'Enter the date this supplementary bundle is served.');
    if (!/^[1-9]\d{0,5}$/.test(sup.afterPage.trim())) problems.set(fieldId.supAfter, 'Enter the last page number of the bundle already served, e.g. 240.');
  }
  const letters = new Map<string, number>();
  for (const s of draft.sections) letters.set(s.letter, (letters.get(s.letter) ?? 0) + 1);
  for (const s of draft.sections) {
    if (!/^[A-Z]{1,2}$/.test(s.letter)) problems.set(fieldId.letter(s.id), 'Give the section a letter (A to Z, or two letters such as AA).');
    else if ((letters.get(s.letter) ?? 0) > 1) problems.set(fieldId.letter(s.id), `Letter ${s.letter} is used by another section: give each section its own letter.`);
    if (!s.title.trim()) problems.set(fieldId.title(s.id), 'Give the section a title, e.g. “Country information”.');
    for (const k of s.items) {
      if (k.item.kind === 'source' && k.item.pages !== undefined && !PAGE_RANGES.test(k.item.pages)) {
        problems.set(fieldId.pages(k.key), 'Pages look like “1-3, 7, 10-”; leave empty for all pages.');
      }
    }
  }
  return problems;
}

/** One sentence for the header when the draft cannot be saved. */
export function problemSummary(problems: Problems): string {
  return problems.size === 1 ? 'Not saved: fix the highlighted field.' : `Not saved: fix the ${problems.size} highlighted fields.`;
}
