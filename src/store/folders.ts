/**
 * Finding source folders and their stamps with nothing but the file system
 * (no schemas loaded), so a search can tell whether the index is current
 * without paying for validation it does not need.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { NotFoundError } from '../errors.ts';
import { caseFilePath, caseSourcesDir, casesDir, isSafeName, librarySourcesDir } from './layout.ts';

export interface SourceScopeFilter { caseSlug?: string; all?: boolean }

export const SOURCE_ID = /^s-[0-9a-f]{16}$/;

export async function subfolders(dir: string): Promise<string[]> {
  try {
    const entries = await fsp.readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

export async function caseExists(ws: string, slug: string): Promise<boolean> {
  if (!isSafeName(slug)) return false;
  return fsp.access(caseFilePath(ws, slug)).then(() => true, () => false);
}

/** The folders that hold sources for a scope filter (library first). */
export async function sourceFolders(ws: string, filter: SourceScopeFilter = {}): Promise<string[]> {
  const roots = [librarySourcesDir(ws)];
  if (filter.all) {
    for (const slug of await subfolders(casesDir(ws))) roots.push(caseSourcesDir(ws, slug));
  } else if (filter.caseSlug !== undefined) {
    if (!(await caseExists(ws, filter.caseSlug))) throw new NotFoundError('case', filter.caseSlug, 'run "sanad case new" first');
    roots.push(caseSourcesDir(ws, filter.caseSlug));
  }
  const folders: string[] = [];
  for (const root of await Promise.all(roots.map(async (r) => ({ r, names: await subfolders(r) })))) {
    for (const name of root.names) if (SOURCE_ID.test(name)) folders.push(path.join(root.r, name));
  }
  return folders;
}

/** A folder changed this recently may change again within the clock's granularity: never trust its stamp. */
const SETTLE_MS = 100;

/** inode + mtime of a source folder: every atomic write inside it (temp file, rename) changes it. */
export async function folderStamp(folder: string): Promise<string> {
  const st = await fsp.stat(folder);
  if (Date.now() - st.mtimeMs < SETTLE_MS) return 'unsettled';
  return `${st.ino}:${st.mtimeMs}`;
}

/** Does the index's id → stamp map match the folders on disk exactly? */
export async function stampsMatch(ws: string, indexed: Map<string, string>): Promise<boolean> {
  const folders = await sourceFolders(ws, { all: true });
  if (folders.length !== indexed.size) return false;
  const stamps = await Promise.all(folders.map((f) => folderStamp(f).catch(() => 'gone')));
  return folders.every((f, i) => stamps[i] !== 'unsettled' && indexed.get(path.basename(f)) === stamps[i]);
}
