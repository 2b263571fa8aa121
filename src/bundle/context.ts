/**
 * Builds the PartContext (the contract with the generated parts) from the
 * current layout: sections with their documents and page references, the
 * labelled excerpts and the sources for the integrity list.
 */
import { appellantDisplayName, issueOf } from '../model/index.ts';
import type { ExcerptEntry, IndexDocument, IndexSection, PageRef, PartContext } from './parts/context.ts';
import type { BundleInput } from './input.ts';
import type { Layout } from './plan.ts';
import type { PlannedExcerpt } from './excerpts.ts';

export function bundleTitleOf(input: BundleInput): string {
  const s = input.definition.supplementary;
  // In US removal proceedings the noncitizen is the respondent, and a filing is a submission of evidence.
  if (input.profile.id === 'us-eoir') return s ? `Respondent's supplemental evidence ${s.number}` : "Respondent's documentary evidence";
  return s ? `Supplementary bundle ${s.number}` : "Appellant's bundle";
}

/** The date the build prints and stamps: the supplementary date, else the case's bundle date. */
export function bundleDateOf(input: BundleInput): string {
  return input.definition.supplementary?.date ?? input.case.bundleDate ?? input.case.hearingDate ?? input.case.createdAt.slice(0, 10);
}

export function pageRef(layout: Layout, pageIndex: number): PageRef {
  const ref: PageRef = { label: layout.labels[pageIndex - 1] ?? String(pageIndex), pageIndex };
  if (layout.volumes > 1) ref.volume = layout.volumeOfPage[pageIndex - 1] ?? 1;
  return ref;
}

export function partContext(input: BundleInput, layout: Layout, excerpts: PlannedExcerpt[]): PartContext {
  const sections: IndexSection[] = input.definition.sections.map((s) => ({ letter: s.letter, title: s.title, first: undefined, documents: [] }));
  const sources: PartContext['sources'] = [];
  for (const placed of layout.items) {
    const section = sections[placed.item.section];
    if (!section) continue;
    const first = pageRef(layout, placed.first);
    section.first ??= first;
    const item = placed.item;
    const doc: IndexDocument = { title: item.title, kind: item.kind, first, last: pageRef(layout, placed.last) };
    if (item.kind === 'source') {
      doc.source = item.meta;
      if (item.selection) doc.selection = item.selection;
      if (!sources.some((s) => s.meta.id === item.meta.id)) sources.push({ meta: item.meta, first });
    }
    if (item.kind === 'translation-certificate') doc.source = item.translation;
    section.documents.push(doc);
  }
  const entries: ExcerptEntry[] = excerpts.map((e) => {
    const first = e.tags[0];
    const entry: ExcerptEntry = {
      label: e.label,
      id: e.excerpt.id,
      issue: first ? issueOf(first.name) : 'Other',
      tags: e.tags,
      quote: e.excerpt.quote.exact,
      places: e.excerpt.places,
      source: e.source,
      sourcePage: e.excerpt.page,
      page: pageRef(layout, e.bundlePage),
    };
    if (e.excerpt.note !== undefined) entry.note = e.excerpt.note;
    if (e.paragraph !== undefined) entry.paragraph = e.paragraph;
    if (e.excerpt.eventDate !== undefined) entry.eventDate = e.excerpt.eventDate;
    return entry;
  });
  return {
    case: input.case,
    profile: input.profile,
    appellant: appellantDisplayName(input.case),
    bundleDate: bundleDateOf(input),
    bundleTitle: bundleTitleOf(input),
    supplementary: input.definition.supplementary,
    volumes: layout.volumes,
    sections,
    excerpts: entries,
    sources,
  };
}
