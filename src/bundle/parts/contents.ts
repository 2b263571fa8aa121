/**
 * Index (table of contents) view model: sections with their letters and
 * titles, and under each the documents with selection, date and page range,
 * each range linking to the document's first page. Divider pages are not
 * listed as documents (the section row already points at them).
 */
import type { PartContext } from './context.ts';
import { appealHeading, displayDate, rangeLink, pageLink, type AppealHeading, type PageLink } from './common.ts';

export interface ContentsRow {
  number: number;
  title: string;
  selection: string | undefined;
  dateText: string;
  generated: boolean;
  pages: PageLink;
}

export interface ContentsSection {
  letter: string;
  title: string;
  first: PageLink | undefined;
  /** US practice: a section behind an exhibit tab is an exhibit; front matter and service are not. */
  exhibit: boolean;
  rows: ContentsRow[];
}

export interface ContentsView extends AppealHeading {
  sections: ContentsSection[];
  volumes: number | undefined;
  exhibitTabs: boolean;
}

export function contentsView(ctx: PartContext): ContentsView {
  let number = 0;
  const sections = ctx.sections.map((section) => ({
    letter: section.letter,
    title: section.title,
    first: section.first && pageLink(section.first),
    exhibit: ctx.profile.exhibitTabs && section.documents.some((d) => d.kind === 'divider'),
    rows: section.documents
      .filter((d) => d.kind !== 'divider')
      .map((d) => ({
        number: ++number,
        title: d.title,
        selection: d.selection,
        dateText: displayDate(d.source?.published),
        generated: d.kind === 'generated',
        pages: rangeLink(d.first, d.last),
      })),
  }));
  return {
    ...appealHeading(ctx),
    sections,
    volumes: ctx.volumes > 1 ? ctx.volumes : undefined,
    exhibitTabs: ctx.profile.exhibitTabs,
  };
}
