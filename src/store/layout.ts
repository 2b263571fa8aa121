/**
 * Where everything lives inside a workspace folder. One place for the paths so
 * the layout stays human-readable and every module agrees on it:
 *
 *   workspace.json                     marker + settings
 *   .sanad.lock                        write lock (holder: pid, host, machine and boot ids, since)
 *   .sanad.lock.break-<hash>           present only while a stale lock is being broken (lock.ts)
 *   .staging/                          half-built folders, renamed into place when complete
 *   library/tags.json                  tags
 *   library/sources/<id>/              one library source
 *   cases/<slug>/case.json             case details
 *   cases/<slug>/bundle.json           bundle definition
 *   cases/<slug>/sources/<id>/         the case's own documents
 *   cases/<slug>/bundles/              built bundles (the default place) and their reports
 *   cases/<slug>/bundles/.part-lengths.json   generated parts' page counts at the last build, wherever
 *                                      it was written: the next build's first guess (ops/part-lengths.ts)
 *
 *   index/library.sqlite               the full-text and excerpt index (derived, rebuilt when missing)
 *
 * and inside a source folder: source.json, original.<ext>, document.pdf (absent
 * when it would be a byte-identical copy of original.pdf: documentPdfIn
 * resolves it), text.json.gz (page-text cache; text.json in older
 * workspaces), excerpts.json, redactions.json.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { SourceMeta, SourceScope } from '../model/index.ts';

export const WORKSPACE_FILE = 'workspace.json';
export const LOCK_FILE = '.sanad.lock';
export const STAGING_DIR = '.staging';

export const SOURCE_FILE = 'source.json';
export const DOCUMENT_FILE = 'document.pdf';
/** The page-text cache as older workspaces stored it (plain JSON). */
export const TEXT_FILE = 'text.json';
/** The page-text cache: gzip-compressed JSON. */
export const TEXT_CACHE_FILE = 'text.json.gz';
export const INDEX_DIR = 'index';
export const INDEX_FILE = 'library.sqlite';
export const EXCERPTS_FILE = 'excerpts.json';
export const REDACTIONS_FILE = 'redactions.json';
export const CASE_FILE = 'case.json';
export const BUNDLE_FILE = 'bundle.json';

export const workspaceFilePath = (ws: string): string => path.join(ws, WORKSPACE_FILE);
export const lockPath = (ws: string): string => path.join(ws, LOCK_FILE);
export const stagingRoot = (ws: string): string => path.join(ws, STAGING_DIR);
export const libraryDir = (ws: string): string => path.join(ws, 'library');
export const tagsPath = (ws: string): string => path.join(ws, 'library', 'tags.json');
export const librarySourcesDir = (ws: string): string => path.join(ws, 'library', 'sources');
export const indexPath = (ws: string): string => path.join(ws, INDEX_DIR, INDEX_FILE);
export const casesDir = (ws: string): string => path.join(ws, 'cases');
export const caseDir = (ws: string, slug: string): string => path.join(ws, 'cases', slug);
export const caseFilePath = (ws: string, slug: string): string => path.join(caseDir(ws, slug), CASE_FILE);
export const bundlePath = (ws: string, slug: string): string => path.join(caseDir(ws, slug), BUNDLE_FILE);
export const caseSourcesDir = (ws: string, slug: string): string => path.join(caseDir(ws, slug), 'sources');

/** The folder holding the sources of a scope. */
export function sourcesDirFor(ws: string, scope: SourceScope): string {
  return scope.kind === 'library' ? librarySourcesDir(ws) : caseSourcesDir(ws, scope.slug);
}

/** Stored name of the original: "original" plus the extension of the name the importer proposed. */
export function originalFileName(proposed: string): string {
  const ext = path.extname(proposed).toLowerCase();
  return /^\.[a-z0-9]{1,10}$/.test(ext) ? `original${ext}` : 'original';
}

/** Ids and slugs become folder names: refuse anything that could escape the workspace. */
export function isSafeName(name: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,79}$/.test(name);
}

/**
 * The PDF Sanad paginates for the source in `folder`: document.pdf, or the
 * original itself when the original is a PDF stored once (born-digital).
 */
export async function documentPdfIn(folder: string, meta: Pick<SourceMeta, 'originalFile'>): Promise<string> {
  const document = path.join(folder, DOCUMENT_FILE);
  if (meta.originalFile !== 'original.pdf') return document;
  return fsp.access(document).then(() => document, () => path.join(folder, meta.originalFile));
}
