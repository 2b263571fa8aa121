/**
 * Excerpts are stored next to their source, in <sourceDir>/excerpts.json, so
 * a source and everything tagged in it move, are replaced and are deleted
 * together. The file holds the whole list for that source.
 */
import path from 'node:path';
import { InvalidInputError } from '../errors.ts';
import { ExcerptsFile, type Excerpt } from '../model/index.ts';
import { isMissingFile, readJson, writeJson } from './json-file.ts';
import { EXCERPTS_FILE } from './layout.ts';
import { readMetas, sortSources, sourceDirOf, sourceFolders, type SourceScopeFilter } from './sources.ts';

export interface ExcerptFilter extends SourceScopeFilter { sourceId?: string }

async function readExcerptsIn(folder: string): Promise<Excerpt[]> {
  try {
    return (await readJson(path.join(folder, EXCERPTS_FILE), 'excerpts', ExcerptsFile)).excerpts;
  } catch (e) {
    if (isMissingFile(e)) return [];
    throw e;
  }
}

/** Excerpts of one source, or of every source in a scope (sources in listing order, excerpts in stored order). */
export async function listExcerpts(ws: string, filter: ExcerptFilter = {}): Promise<Excerpt[]> {
  if (filter.sourceId !== undefined) return readExcerptsIn(await sourceDirOf(ws, filter.sourceId));
  // A source whose source.json is broken is left out here; listSourcesChecked reports it by name.
  const { read: metas } = await readMetas(await sourceFolders(ws, filter));
  const order = sortSources(metas.map((m) => m.meta)).map((m) => m.id);
  metas.sort((a, b) => order.indexOf(a.meta.id) - order.indexOf(b.meta.id));
  const lists = await Promise.all(metas.map((m) => readExcerptsIn(m.folder)));
  return lists.flat();
}

export async function saveExcerpts(ws: string, sourceId: string, excerpts: Excerpt[]): Promise<void> {
  const folder = await sourceDirOf(ws, sourceId);
  const stray = excerpts.find((e) => e.sourceId !== sourceId);
  if (stray) throw new InvalidInputError(`Excerpt ${stray.id} belongs to source ${stray.sourceId}, not ${sourceId}: save it with its own source.`);
  const ids = new Set<string>();
  for (const e of excerpts) {
    if (ids.has(e.id)) throw new InvalidInputError(`Excerpt ${e.id} appears twice in the list for ${sourceId}: remove the duplicate and save again.`);
    ids.add(e.id);
  }
  await writeJson(path.join(folder, EXCERPTS_FILE), 'excerpts', ExcerptsFile, { schemaVersion: 1, excerpts });
}
