/**
 * The plan: sections → items → page counts → page positions and printed
 * labels. Expanding the definition is done once; laying out is repeated with
 * new page counts until the generated parts (index, schedule, chronology)
 * stop changing length.
 */
import type { GeneratedPart, SourceMeta } from '../model/index.ts';
import { BundleError } from '../errors.ts';
import type { BundleInput } from './input.ts';
import { describeSelection, parsePageRanges } from './ranges.ts';

export const PART_TITLES: Record<GeneratedPart, string> = {
  cover: 'Cover sheet',
  index: 'Index',
  schedule: 'Country information evidence schedule',
  chronology: 'Chronology of incidents',
  integrity: 'Source integrity list',
  'certificate-of-service': 'Certificate of service',
};

/** US practice calls the index a table of contents. */
export function partTitle(part: GeneratedPart, input: Pick<BundleInput, 'profile'>): string {
  return part === 'index' && input.profile.id === 'us-eoir' ? 'Table of contents' : PART_TITLES[part];
}

interface ItemBase {
  /** Index of the section in the definition. */
  section: number;
  title: string;
}
export type PlanItem =
  | (ItemBase & { kind: 'source'; meta: SourceMeta; pages: number[]; selection: string | undefined })
  | (ItemBase & { kind: 'generated'; part: GeneratedPart })
  | (ItemBase & { kind: 'divider'; letter: string })
  | (ItemBase & { kind: 'translation-certificate'; translation: SourceMeta; original: SourceMeta | undefined });

export interface PlacedItem {
  item: PlanItem;
  pageCount: number;
  /** 1-based bundle position of the item's first page. */
  first: number;
  last: number;
  /** 1-based volume. */
  volume: number;
}

export interface Layout {
  items: PlacedItem[];
  pages: number;
  /** Printed label of each page (index 0 = page 1). */
  labels: string[];
  /** Volume of each page (index 0 = page 1). */
  volumeOfPage: number[];
  volumes: number;
  /** Continuous numbering offset (supplementary bundles). */
  offset: number;
}

/** Turns the definition into the ordered list of items, a translation certificate after each translation. */
export function expandItems(input: BundleInput): PlanItem[] {
  const items: PlanItem[] = [];
  input.definition.sections.forEach((section, s) => {
    if (section.divider) items.push({ kind: 'divider', section: s, title: section.title, letter: section.letter });
    for (const item of section.items) {
      if (item.kind === 'generated') items.push({ kind: 'generated', section: s, part: item.part, title: partTitle(item.part, input) });
      else if (item.kind === 'divider') items.push({ kind: 'divider', section: s, title: item.title, letter: section.letter });
      else {
        const source = input.sources.get(item.sourceId);
        if (!source) throw new BundleError(`The bundle names source ${item.sourceId}, which is not in the workspace: remove it from section ${section.letter} or import it again.`);
        const pages = parsePageRanges(item.pages, source.meta.pages, source.meta.title);
        const title = item.title ?? source.meta.title;
        items.push({ kind: 'source', section: s, title, meta: source.meta, pages, selection: describeSelection(pages, source.meta.pages) });
        const translation = source.meta.translation;
        if (translation) {
          const original = input.sources.get(translation.of)?.meta;
          items.push({ kind: 'translation-certificate', section: s, title: `Translation certificate: ${title}`, translation: source.meta, original });
        }
      }
    }
  });
  if (items.length === 0) throw new BundleError('The bundle has no documents: add sources or generated parts to a section, then build again.');
  return items;
}

/** Initial page count guess: exact for sources, one page for everything rendered. */
export function initialCounts(items: PlanItem[]): number[] {
  return items.map((it) => (it.kind === 'source' ? it.pages.length : 1));
}

/** Positions and labels for the given page counts and item → volume assignment. */
export function layOut(input: BundleInput, items: PlanItem[], counts: number[], volumeOfItem: number[]): Layout {
  const placed: PlacedItem[] = [];
  let next = 1;
  items.forEach((item, i) => {
    const pageCount = counts[i] ?? 1;
    placed.push({ item, pageCount, first: next, last: next + pageCount - 1, volume: volumeOfItem[i] ?? 1 });
    next += pageCount;
  });
  const pages = next - 1;
  const offset = input.definition.supplementary?.afterPage ?? 0;
  const labels: string[] = [];
  const volumeOfPage: number[] = [];
  const perSection = new Map<number, number>();
  const letters = input.definition.sections.map((s) => s.letter);
  for (const p of placed) {
    for (let k = 0; k < p.pageCount; k++) {
      volumeOfPage.push(p.volume);
      if (input.definition.pagination === 'section-prefixed') {
        const n = (perSection.get(p.item.section) ?? 0) + 1;
        perSection.set(p.item.section, n);
        labels.push(`${letters[p.item.section] ?? ''}${n}`);
      } else labels.push(String(labels.length + 1 + offset));
    }
  }
  return { items: placed, pages, labels, volumeOfPage, volumes: Math.max(1, ...volumeOfItem), offset };
}

/** The bundle position of a source page (0-based), or undefined when the page is not included. */
export function bundlePageOf(layout: Layout, sourceId: string, sourcePageIndex: number): PlacedItem & { page: number } | undefined {
  for (const p of layout.items) {
    if (p.item.kind !== 'source' || p.item.meta.id !== sourceId) continue;
    const at = p.item.pages.indexOf(sourcePageIndex);
    if (at >= 0) return { ...p, page: p.first + at };
  }
  return undefined;
}
