/**
 * Library search over the workspace's persistent index: ranked pages with a
 * snippet around the match, narrowed by document type, format, published
 * date, tag (sources carrying an excerpt with the tag or a sub-tag) and case.
 */
import type { Workspace } from '../store/index.ts';
import { tagMatcher, type SearchHit, type SearchOptions } from '../search/index.ts';
import { pageFilters } from './quick-search.ts';

/** A search as the CLI and the app ask for it: the index's options, with a tag named rather than widened to ids. */
export interface LibrarySearchInput extends Omit<SearchOptions, 'tagIds'> {
  query: string;
  /** Tag id or full name; includes its sub-tags. */
  tag?: string;
}

/** Tag ids a tag reference stands for (the tag and its sub-tags); [] when it names no tag. */
export async function tagIdsFor(ws: Workspace, ref: string): Promise<string[]> {
  const tags = await ws.listTags();
  const match = tagMatcher(tags, ref);
  return tags.filter((t) => match(t.id)).map((t) => t.id);
}

export async function searchLibrary(ws: Workspace, input: LibrarySearchInput): Promise<SearchHit[]> {
  const tagIds = input.tag ? await tagIdsFor(ws, input.tag) : undefined;
  const index = await ws.index();
  return index.search(input.query, {
    ...pageFilters(input),
    ...(tagIds ? { tagIds } : {}),
    ...(input.caseSlug ? { caseSlug: input.caseSlug } : {}),
  });
}

/**
 * Re-indexes one source after its files changed outside the usual verbs (OCR
 * added a text layer, document.pdf was rewritten). Call it from inside the
 * mutation, after the files are written.
 */
export function reindexSource(ws: Workspace, id: string): Promise<void> {
  return ws.reindexSource(id);
}
