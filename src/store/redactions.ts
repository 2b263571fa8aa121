/**
 * Redactions are stored next to their source, in <sourceDir>/redactions.json,
 * like excerpts: they move, are replaced and are deleted with the source. The
 * file holds the whole list for that source.
 */
import path from 'node:path';
import { InvalidInputError } from '../errors.ts';
import { RedactionsFile, type Redaction } from '../model/index.ts';
import { isMissingFile, readJson, writeJson } from './json-file.ts';
import { REDACTIONS_FILE } from './layout.ts';
import { readMeta, sortSources, sourceDirOf, sourceFolders, type SourceScopeFilter } from './sources.ts';

export interface RedactionFilter extends SourceScopeFilter { sourceId?: string }

async function readRedactionsIn(folder: string): Promise<Redaction[]> {
  try {
    return (await readJson(path.join(folder, REDACTIONS_FILE), 'redactions', RedactionsFile)).redactions;
  } catch (e) {
    if (isMissingFile(e)) return [];
    throw e;
  }
}

/** Redactions of one source, or of every source in a scope (sources in listing order). */
export async function listRedactions(ws: string, filter: RedactionFilter = {}): Promise<Redaction[]> {
  if (filter.sourceId !== undefined) return readRedactionsIn(await sourceDirOf(ws, filter.sourceId));
  const folders = await sourceFolders(ws, filter);
  const metas = await Promise.all(folders.map(async (folder) => ({ folder, meta: await readMeta(folder) })));
  const order = sortSources(metas.map((m) => m.meta)).map((m) => m.id);
  metas.sort((a, b) => order.indexOf(a.meta.id) - order.indexOf(b.meta.id));
  return (await Promise.all(metas.map((m) => readRedactionsIn(m.folder)))).flat();
}

export async function saveRedactions(ws: string, sourceId: string, redactions: Redaction[]): Promise<void> {
  const folder = await sourceDirOf(ws, sourceId);
  const stray = redactions.find((r) => r.sourceId !== sourceId);
  if (stray) throw new InvalidInputError(`Redaction ${stray.id} belongs to source ${stray.sourceId}, not ${sourceId}: save it with its own source.`);
  const ids = new Set<string>();
  for (const r of redactions) {
    if (ids.has(r.id)) throw new InvalidInputError(`Redaction ${r.id} appears twice in the list for ${sourceId}: remove the duplicate and save again.`);
    ids.add(r.id);
  }
  await writeJson(path.join(folder, REDACTIONS_FILE), 'redactions', RedactionsFile, { schemaVersion: 1, redactions });
}
