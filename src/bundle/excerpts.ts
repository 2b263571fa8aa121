/**
 * Which excerpts go into the bundle and their labels. Only excerpts whose page
 * is included get a label (E1, E2… in bundle order: page, then position on
 * the page); orphaned anchors are excluded and warned about, never dropped
 * silently; fuzzy anchors go in with a warning.
 */
import type { Excerpt, SourceMeta, Tag } from '../model/index.ts';
import { bundlePageOf, type Layout } from './plan.ts';
import type { BundleInput } from './input.ts';
import { paragraphOf } from '../cite/paragraphs.ts';

export interface PlannedExcerpt {
  excerpt: Excerpt;
  label: string;
  source: SourceMeta;
  tags: Tag[];
  /** 1-based bundle position. */
  bundlePage: number;
  /** Numbered paragraph (stored on the excerpt, else detected from the source's text cache). */
  paragraph: string | undefined;
}

export function excerptWarnings(input: BundleInput): string[] {
  const warnings: string[] = [];
  for (const e of input.excerpts) {
    const title = input.sources.get(e.sourceId)?.meta.title ?? e.sourceId;
    if (e.anchor.status === 'orphaned') {
      warnings.push(`Excerpt "${shorten(e.quote.exact)}" could not be found in "${title}" and is left out: re-anchor or delete it.`);
    } else if (e.anchor.status === 'fuzzy') {
      warnings.push(`Excerpt "${shorten(e.quote.exact)}" in "${title}" matches the text only approximately: check its highlight on page ${e.page}.`);
    }
  }
  return warnings;
}

export function selectExcerpts(input: BundleInput, layout: Layout): PlannedExcerpt[] {
  const tagsById = new Map(input.tags.map((t) => [t.id, t]));
  const chosen: Array<Omit<PlannedExcerpt, 'label'>> = [];
  for (const excerpt of input.excerpts) {
    if (excerpt.anchor.status === 'orphaned') continue;
    const at = bundlePageOf(layout, excerpt.sourceId, excerpt.page - 1);
    const source = input.sources.get(excerpt.sourceId);
    if (!at || !source) continue;
    const tags = excerpt.tags.map((id) => tagsById.get(id)).filter((t): t is Tag => t !== undefined);
    chosen.push({ excerpt, source: source.meta, tags, bundlePage: at.page, paragraph: excerpt.paragraph ?? paragraphOf(source.text, excerpt.page, excerpt.position.start) });
  }
  chosen.sort((a, b) => a.bundlePage - b.bundlePage || a.excerpt.position.start - b.excerpt.position.start || a.excerpt.id.localeCompare(b.excerpt.id));
  return chosen.map((c, i) => ({ ...c, label: `E${i + 1}` }));
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
