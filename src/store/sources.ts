/**
 * Sources on disk: one folder per source holding source.json, the original
 * bytes, document.pdf, text.json and (once tagged) excerpts.json. Library
 * sources live under library/sources/, a case's own documents under
 * cases/<slug>/sources/ so deleting the case deletes them. New sources and
 * new editions are built in staging and appear with one rename.
 */
import { promises as fsp } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { InvalidInputError, NotFoundError, SanadError, isSanadError } from '../errors.ts';
import { SourceMeta, SourceMetaPatch, TextFile, type PageText } from '../model/index.ts';
import { readPageText, encodeTextFile, type NoticeSink } from './text-cache.ts';
import { writeNewFileDurable } from './atomic.ts';
import { formatJson, isMissingFile, readJson, writeJson } from './json-file.ts';
import {
  DOCUMENT_FILE, EXCERPTS_FILE, REDACTIONS_FILE, SOURCE_FILE, TEXT_CACHE_FILE,
  documentPdfIn, librarySourcesDir, originalFileName, sourcesDirFor,
} from './layout.ts';
import { describeSchemaIssues } from './problems.ts';
import { SOURCE_ID, caseExists, sourceFolders, type SourceScopeFilter } from './folders.ts';
import { commitNew, commitReplace, createStage, discardStage, removeFolder } from './staging.ts';

export interface NewSource { meta: SourceMeta; original: Uint8Array; documentPdf: Uint8Array; text: PageText[] }
export type { SourceScopeFilter };
export { caseExists, sourceFolders };

const NOT_FOUND_HINT = 'run "sanad sources" to see the ids';

/** The folder of source `id` in any scope, or undefined. */
export async function locateSource(ws: string, id: string): Promise<string | undefined> {
  if (!SOURCE_ID.test(id)) return undefined;
  const inLibrary = path.join(librarySourcesDir(ws), id);
  if (await fsp.access(inLibrary).then(() => true, () => false)) return inLibrary;
  for (const folder of await sourceFolders(ws, { all: true })) if (path.basename(folder) === id) return folder;
  return undefined;
}

export async function sourceDirOf(ws: string, id: string): Promise<string> {
  const folder = await locateSource(ws, id);
  if (!folder) throw new NotFoundError('source', id, NOT_FOUND_HINT);
  return folder;
}

export async function readMeta(folder: string): Promise<SourceMeta> {
  const file = path.join(folder, SOURCE_FILE);
  try {
    return await readJson(file, 'source', SourceMeta);
  } catch (error) {
    if (!isMissingFile(error)) throw error;
    throw new SanadError('MISSING_FILE', `${file} is missing, so this source cannot be read: restore the file from your own backup, or delete the folder ${folder} and import the source again.`, { file, cause: error });
  }
}

/** Titles in a reader's order: "Report 2" before "Report 10", case and accents aside. */
const TITLE_ORDER = new Intl.Collator('en', { numeric: true });

export function sortSources(list: SourceMeta[]): SourceMeta[] {
  return list.sort((a, b) => TITLE_ORDER.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A stored file Sanad could not read: listed by name so the rest of the library still works. */
export interface StoreProblem {
  file: string;
  message: string;
}

/** The problem to report for a source.json that could not be read; undefined for an error that is not about the file (rethrow it). */
export function metaProblem(folder: string, reason: unknown): StoreProblem | undefined {
  if (isSanadError(reason)) return { file: path.join(folder, SOURCE_FILE), message: reason.message };
  return undefined;
}

/** Reads each folder's source.json; a broken or missing one becomes a problem instead of failing the whole list. */
export async function readMetas(folders: string[]): Promise<{ read: Array<{ folder: string; meta: SourceMeta }>; problems: StoreProblem[] }> {
  const settled = await Promise.allSettled(folders.map(readMeta));
  const read: Array<{ folder: string; meta: SourceMeta }> = [];
  const problems: StoreProblem[] = [];
  settled.forEach((r, i) => {
    const folder = folders[i]!;
    if (r.status === 'fulfilled') read.push({ folder, meta: r.value });
    else {
      const problem = metaProblem(folder, r.reason);
      if (!problem) throw r.reason;
      problems.push(problem);
    }
  });
  return { read, problems };
}

/** The sources of a scope, and the ones whose source.json could not be read. */
export async function listSourcesChecked(ws: string, filter: SourceScopeFilter = {}): Promise<{ sources: SourceMeta[]; problems: StoreProblem[] }> {
  const { read, problems } = await readMetas(await sourceFolders(ws, filter));
  return { sources: sortSources(read.map((r) => r.meta)), problems };
}

/** The readable sources of a scope (see listSourcesChecked for the unreadable ones). */
export async function listSources(ws: string, filter: SourceScopeFilter = {}): Promise<SourceMeta[]> {
  return (await listSourcesChecked(ws, filter)).sources;
}

/** The source whose current edition (or, failing that, an earlier edition) has this SHA-256. */
export async function findSourceBySha256(ws: string, sha256: string): Promise<SourceMeta | undefined> {
  const all = await listSources(ws, { all: true });
  return all.find((s) => s.sha256 === sha256) ?? all.find((s) => s.previousEditions.includes(sha256));
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Validates a new source or edition and returns the metadata as it will be stored. */
function checkedMeta(input: NewSource, overrides: Partial<SourceMeta> = {}): SourceMeta {
  const result = SourceMeta.safeParse({ ...input.meta, ...overrides, originalFile: originalFileName(input.meta.originalFile) });
  if (!result.success) throw new InvalidInputError(`The source metadata is invalid (${describeSchemaIssues(result.error)}): correct it and import again.`);
  const meta = result.data;
  if (sha256Of(input.original) !== meta.sha256) {
    throw new InvalidInputError(`The SHA-256 recorded for "${meta.title}" does not match its original bytes: import the file again.`);
  }
  if (input.text.length !== meta.pages) {
    throw new InvalidInputError(`"${meta.title}" has ${meta.pages} page(s) but text for ${input.text.length}: import the file again.`);
  }
  return meta;
}

async function writeSourceFiles(folder: string, meta: SourceMeta, input: NewSource): Promise<void> {
  const text = TextFile.safeParse({ schemaVersion: 1, sha256: meta.sha256, pages: input.text });
  if (!text.success) throw new InvalidInputError(`The extracted text of "${meta.title}" is invalid (${describeSchemaIssues(text.error)}): import the file again.`);
  await writeNewFileDurable(path.join(folder, SOURCE_FILE), formatJson(meta));
  await writeNewFileDurable(path.join(folder, meta.originalFile), input.original);
  // A born-digital PDF is its own document: store it once (documentPdfIn resolves it).
  if (!(meta.originalFile === 'original.pdf' && sameBytes(input.original, input.documentPdf))) {
    await writeNewFileDurable(path.join(folder, DOCUMENT_FILE), input.documentPdf);
  }
  await writeNewFileDurable(path.join(folder, TEXT_CACHE_FILE), encodeTextFile(text.data));
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

export async function addSource(ws: string, input: NewSource): Promise<SourceMeta> {
  const meta = checkedMeta(input);
  if (meta.scope.kind === 'case' && !(await caseExists(ws, meta.scope.slug))) {
    throw new NotFoundError('case', meta.scope.slug, 'run "sanad case new" first');
  }
  if (await locateSource(ws, meta.id)) {
    throw new InvalidInputError(`The source ${meta.id} ("${meta.title}") is already in the workspace: use it as it is, or import a new edition to replace it.`);
  }
  const stage = await createStage(ws);
  try {
    await writeSourceFiles(stage.newDir, meta, input);
    await commitNew(stage, path.join(sourcesDirFor(ws, meta.scope), meta.id));
  } catch (e) {
    await discardStage(stage);
    throw e;
  }
  return meta;
}

/**
 * Replaces a source's files. A new edition (a different file) records the
 * old one in previousEditions; `sameEdition` rewrites the same original's
 * document.pdf and text.json (e.g. after OCR), keeping its history.
 */
export async function replaceSource(ws: string, id: string, input: NewSource, options: { sameEdition?: boolean } = {}): Promise<SourceMeta> {
  const folder = await sourceDirOf(ws, id);
  const old = await readMeta(folder);
  if (options.sameEdition === true) {
    if (input.meta.sha256 !== old.sha256) throw new InvalidInputError(`The regenerated copy of "${old.title}" does not come from its original file: nothing was changed.`);
  } else if (input.meta.sha256 === old.sha256) {
    throw new InvalidInputError(`The new edition of "${old.title}" is the same file as the current one: nothing to replace.`);
  }
  const previousEditions = options.sameEdition === true ? old.previousEditions : [...old.previousEditions, old.sha256];
  const meta = checkedMeta(input, { id, scope: old.scope, previousEditions });
  const holder = await findSourceBySha256(ws, meta.sha256);
  if (holder && holder.id !== id) {
    throw new InvalidInputError(`That file is already in the workspace as ${holder.id} ("${holder.title}"): delete it first or pick another file.`);
  }
  const stage = await createStage(ws);
  try {
    await writeSourceFiles(stage.newDir, meta, input);
    const excerpts = await fsp.readFile(path.join(folder, EXCERPTS_FILE)).catch(() => undefined);
    if (excerpts) await writeNewFileDurable(path.join(stage.newDir, EXCERPTS_FILE), excerpts);
    const redactions = await fsp.readFile(path.join(folder, REDACTIONS_FILE)).catch(() => undefined);
    if (redactions) await writeNewFileDurable(path.join(stage.newDir, REDACTIONS_FILE), redactions);
    await commitReplace(ws, stage, folder);
  } catch (e) {
    await discardStage(stage);
    throw e;
  }
  return meta;
}

/** Applies the fields present in `patch` (a field given as undefined is cleared). */
export async function updateSourceMeta(ws: string, id: string, patch: SourceMetaPatch): Promise<SourceMeta> {
  const parsed = SourceMetaPatch.safeParse(patch);
  if (!parsed.success) throw new InvalidInputError(`The metadata change is invalid (${describeSchemaIssues(parsed.error)}): correct it and save again.`);
  const folder = await sourceDirOf(ws, id);
  const merged: Record<string, unknown> = { ...(await readMeta(folder)) };
  for (const key of Object.keys(patch).filter((k) => k in SourceMetaPatch.shape)) merged[key] = (parsed.data as Record<string, unknown>)[key];
  return writeJson(path.join(folder, SOURCE_FILE), 'source', SourceMeta, merged as SourceMeta);
}

export async function deleteSource(ws: string, id: string): Promise<void> {
  await removeFolder(ws, await sourceDirOf(ws, id));
}

/** The page text (rebuilt from the PDF, with a notice, when the cache is missing or broken). */
export async function readText(ws: string, id: string, options: { writable: boolean; notice?: NoticeSink } = { writable: false }): Promise<PageText[]> {
  const folder = await sourceDirOf(ws, id);
  return readPageText(folder, await readMeta(folder), options);
}

export async function documentPdfPathOf(ws: string, id: string): Promise<string> {
  const folder = await sourceDirOf(ws, id);
  return documentPdfIn(folder, await readMeta(folder));
}

/**
 * The PDF Sanad paginates for a source, for a bundle. A PDF stored once (the original is the
 * document) is checked against the SHA-256 recorded at import, which the bundle's source-integrity
 * list prints: a copy changed on disk since (a failing disk, a sync tool, an edit) is refused
 * rather than bundled under a hash it no longer has.
 */
export async function readDocumentPdf(ws: string, id: string): Promise<Uint8Array> {
  const folder = await sourceDirOf(ws, id);
  const meta = await readMeta(folder);
  const file = await documentPdfIn(folder, meta);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fsp.readFile(file));
  } catch (error) {
    if (!isMissingFile(error)) throw error;
    throw new SanadError('MISSING_FILE', `${file} is missing, so "${meta.title}" (${meta.id}) cannot be read: restore the file from your own backup, or delete the source and import it again.`, { file, cause: error });
  }
  if (path.basename(file) === meta.originalFile && sha256Of(bytes) !== meta.sha256) {
    throw new SanadError(
      'SOURCE_CHANGED',
      `${file} has changed since "${meta.title}" (${meta.id}) was imported: its SHA-256 is no longer ${meta.sha256}, the one the bundle's integrity list gives. Restore it from your own backup or copy the original file back over it, then build again.`,
      { file },
    );
  }
  return bytes;
}

export async function readOriginal(ws: string, id: string): Promise<Uint8Array> {
  const folder = await sourceDirOf(ws, id);
  return new Uint8Array(await fsp.readFile(path.join(folder, (await readMeta(folder)).originalFile)));
}
