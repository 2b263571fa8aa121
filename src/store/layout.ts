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
 *
 * and inside a source folder: source.json, original.<ext>, document.pdf,
 * text.json, excerpts.json.
 */
import path from 'node:path';
import type { SourceScope } from '../model/index.ts';

export const WORKSPACE_FILE = 'workspace.json';
export const LOCK_FILE = '.sanad.lock';
export const STAGING_DIR = '.staging';

export const SOURCE_FILE = 'source.json';
export const DOCUMENT_FILE = 'document.pdf';
export const TEXT_FILE = 'text.json';
export const EXCERPTS_FILE = 'excerpts.json';
export const CASE_FILE = 'case.json';
export const BUNDLE_FILE = 'bundle.json';

export const workspaceFilePath = (ws: string): string => path.join(ws, WORKSPACE_FILE);
export const lockPath = (ws: string): string => path.join(ws, LOCK_FILE);
export const stagingRoot = (ws: string): string => path.join(ws, STAGING_DIR);
export const libraryDir = (ws: string): string => path.join(ws, 'library');
export const tagsPath = (ws: string): string => path.join(ws, 'library', 'tags.json');
export const librarySourcesDir = (ws: string): string => path.join(ws, 'library', 'sources');
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
