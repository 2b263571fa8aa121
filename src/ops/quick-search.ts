/**
 * The command line's fast path for `sanad search`: when the index is current
 * (every source folder's stamp matches), answer from it straight away,
 * without loading the schemas, the store or the tag list. Anything else (no
 * index yet, a change to pick up, a tag or case filter) returns undefined and
 * the caller takes the full path (ops/search.ts), which brings the index up
 * to date first.
 */
import { promises as fsp } from 'node:fs';
import { LibraryIndex, type SearchHit } from '../search/library-index.ts';
import { stampsMatch } from '../store/folders.ts';
import { indexPath, workspaceFilePath } from '../store/layout.ts';
import type { LibrarySearchInput } from './search.ts';

/** The index's options for a search input's paging and page-level filters (type, format, dates). */
export function pageFilters(input: LibrarySearchInput): { limit: number; offset?: number; types?: LibrarySearchInput['types']; formats?: LibrarySearchInput['formats']; from?: string; to?: string } {
  return {
    limit: input.limit ?? 50,
    ...(input.offset ? { offset: input.offset } : {}),
    ...(input.types?.length ? { types: input.types } : {}),
    ...(input.formats?.length ? { formats: input.formats } : {}),
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
  };
}

export async function quickSearch(ws: string, input: LibrarySearchInput): Promise<SearchHit[] | undefined> {
  if (input.tag || input.caseSlug) return undefined;
  const present = await Promise.all([workspaceFilePath(ws), indexPath(ws)].map((f) => fsp.access(f).then(() => true, () => false)));
  if (present.includes(false)) return undefined;
  let index: LibraryIndex;
  try {
    index = LibraryIndex.open(indexPath(ws));
  } catch {
    return undefined;
  }
  try {
    if (!(await stampsMatch(ws, index.stamps()))) return undefined;
    return index.search(input.query, pageFilters(input));
  } finally {
    index.close();
  }
}
