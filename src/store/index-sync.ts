/**
 * Keeps the workspace's SQLite index (src/search/library-index.ts) in step
 * with the JSON files, which stay the source of truth:
 * - opening rebuilds the index when it is missing, damaged or of another
 *   schema version (the old file is deleted, never repaired);
 * - every mutation through the Workspace updates it right after its write;
 * - a reconcile pass compares each source folder's stamp (inode + mtime of
 *   the folder, which every atomic write inside it changes) with the stamp
 *   indexed, so changes made by another process or an older Sanad are picked
 *   up by one stat per source, not by reading every file.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { ExcerptsFile, type Excerpt, type PageText, type SourceMeta } from '../model/index.ts';
import { LibraryIndex, UnusableIndexError, isCorruption } from '../search/library-index.ts';
import { isMissingFile, readJson } from './json-file.ts';
import { EXCERPTS_FILE, indexPath } from './layout.ts';
import { metaProblem, readMeta, type StoreProblem } from './sources.ts';
import { folderStamp, sourceFolders } from './folders.ts';
import { readPageText, type NoticeSink } from './text-cache.ts';
import { mapLimit } from '../concurrency.ts';

export { folderStamp };

async function removeIndexFiles(file: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) await fsp.rm(`${file}${suffix}`, { force: true });
}

/** Opens the index, replacing a damaged or outdated one by an empty one (reconcile then fills it). */
export async function openIndexFile(ws: string, notice?: NoticeSink): Promise<LibraryIndex> {
  const file = indexPath(ws);
  await fsp.mkdir(path.dirname(file), { recursive: true });
  try {
    return LibraryIndex.open(file);
  } catch (e) {
    if (!(e instanceof UnusableIndexError) && !isCorruption(e)) throw e;
    notice?.(`The search index ${file} could not be used (${(e as Error).message}); Sanad is rebuilding it from the library.`);
    await removeIndexFiles(file);
    return LibraryIndex.open(file);
  }
}

export async function readExcerptsIn(folder: string): Promise<Excerpt[]> {
  try {
    return (await readJson(path.join(folder, EXCERPTS_FILE), 'excerpts', ExcerptsFile)).excerpts;
  } catch (e) {
    if (isMissingFile(e)) return [];
    throw e;
  }
}

export interface IndexSource {
  folder: string;
  meta: SourceMeta;
  /** The page text when the caller has it (import, replace); else it is read when `withPages`. */
  pages?: PageText[];
  withPages: boolean;
  excerpts?: Excerpt[];
}

export interface SyncOptions {
  writable: boolean;
  notice?: NoticeSink;
  /** Filled by reconcile with the source folders whose source.json could not be read (by folder). */
  problems?: Map<string, StoreProblem>;
}

/** Indexes one source folder (metadata, pages when asked, excerpts) with its current stamp. */
export async function indexSource(index: LibraryIndex, src: IndexSource, options: SyncOptions): Promise<void> {
  const pages = src.pages ?? (src.withPages ? await readPageText(src.folder, src.meta, options) : undefined);
  const excerpts = src.excerpts ?? (await readExcerptsIn(src.folder));
  const stamp = await folderStamp(src.folder);
  index.transaction(() => {
    index.putSource({ meta: src.meta, stamp }, pages);
    index.putExcerpts(src.meta.id, excerpts);
  });
}

/** Source folders checked (and, when changed, read and indexed) at once by a reconcile. */
const RECONCILE_CONCURRENCY = 8;

/** Sources re-indexed by one reconcile (and at least a tenth of them) after which the index is merged. */
const OPTIMIZE_AFTER = 20;

/**
 * Brings the index in line with the folders on disk: removes sources that are
 * gone, (re)indexes those that are new or whose folder stamp changed. A source
 * that cannot be read is left out with a notice; it never stops the rest.
 */
export async function reconcile(ws: string, index: LibraryIndex, options: SyncOptions): Promise<number> {
  const folders = await sourceFolders(ws, { all: true });
  const indexed = index.stamps();
  const onDisk = new Set<string>();
  let changed = 0;
  // A rebuild reads every source's pages: a few folders at a time, so a library of thousands of
  // sources is never all in memory at once. The index's recent tier is brought up to date once, at
  // the end (LibraryIndex.bulk), not after each source.
  await index.bulk(() => mapLimit(folders, RECONCILE_CONCURRENCY, async (folder) => {
    const id = path.basename(folder);
    onDisk.add(id);
    const stamp = await folderStamp(folder).catch(() => 'gone');
    if (stamp !== 'unsettled' && indexed.get(id) === stamp) {
      options.problems?.delete(folder);
      return;
    }
    try {
      let meta;
      try {
        meta = await readMeta(folder);
        options.problems?.delete(folder);
      } catch (e) {
        const problem = metaProblem(folder, e);
        if (problem) options.problems?.set(folder, problem);
        throw e;
      }
      await indexSource(index, { folder, meta, withPages: true }, options);
      changed += 1;
    } catch (e) {
      // An unreadable source is left out of the index (listing and search), as it is of the file listing.
      if (indexed.has(id)) index.removeSource(id);
      options.notice?.(`The source folder ${folder} could not be indexed for search (${e instanceof Error ? e.message : String(e)}).`);
    }
  }));
  for (const folder of options.problems?.keys() ?? []) if (!onDisk.has(path.basename(folder))) options.problems!.delete(folder);
  for (const id of indexed.keys()) {
    if (!onDisk.has(id)) {
      index.removeSource(id);
      changed += 1;
    }
  }
  // After re-indexing a good part of the library (a rebuild, a copied workspace), merge the
  // full-text index once rather than leave every search to read the replaced pages' entries.
  if (changed >= OPTIMIZE_AFTER && changed * 10 >= folders.length) index.optimize();
  return changed;
}
