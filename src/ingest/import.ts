/**
 * Imports files into a workspace, one at a time and each all-or-nothing:
 * a file is fully prepared in memory before the store writes it (staged,
 * then one rename), so a bad file leaves nothing behind while the files
 * before it stay imported. The same bytes imported again give back the
 * source already there.
 */
import { createHash } from 'node:crypto';
import type { SourceMeta, SourceScope } from '../model/index.ts';
import type { Workspace } from '../store/index.ts';
import { readInput } from './detect.ts';
import { prepareSource, type PrepareOptions } from './prepare.ts';

export interface ImportResult {
  /** Base name of the imported file. */
  file: string;
  source: SourceMeta;
  /** True when the same bytes were already in the workspace (nothing was written). */
  duplicate: boolean;
}

export interface ImportOptions extends Omit<PrepareOptions, 'scope'> {
  /** Import as a case's own document instead of into the shared library. */
  caseSlug?: string;
  /** Called after each file is saved (or found to be a duplicate), before the next one starts. */
  onImported?: (result: ImportResult) => void;
}

const importedBefore = new WeakMap<object, ImportResult[]>();

/** The files imported before `error` stopped importFiles (empty when none, or not such an error). */
export function importedBeforeFailure(error: unknown): ImportResult[] {
  return typeof error === 'object' && error !== null ? (importedBefore.get(error) ?? []) : [];
}

export async function importFiles(ws: Workspace, files: string[], options: ImportOptions): Promise<ImportResult[]> {
  let scope: SourceScope = { kind: 'library' };
  if (options.caseSlug !== undefined) {
    await ws.getCase(options.caseSlug);
    scope = { kind: 'case', slug: options.caseSlug };
  }
  const results: ImportResult[] = [];
  for (const file of files) {
    try {
      const result = await importOne(ws, file, scope, options);
      results.push(result);
      options.onImported?.(result);
    } catch (error) {
      if (typeof error === 'object' && error !== null) importedBefore.set(error, [...results]);
      throw error;
    }
  }
  return results;
}

async function importOne(ws: Workspace, file: string, scope: SourceScope, options: ImportOptions): Promise<ImportResult> {
  const input = await readInput(file);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const existing = await ws.findSourceBySha256(sha256);
  if (existing) return { file: input.name, source: existing, duplicate: true };
  const prepared = await prepareSource(file, { ...options, scope });
  options.onProgress?.({ file: input.name, stage: 'saving', done: 0, total: 1 });
  // Preparing ran outside the write queue; the duplicate check and the save are one queued change,
  // so the same file imported twice at once is saved once and found the second time.
  const result = await ws.mutate(async (): Promise<ImportResult> => {
    const again = await ws.findSourceBySha256(sha256);
    if (again) return { file: input.name, source: again, duplicate: true };
    return { file: input.name, source: await ws.addSource(prepared), duplicate: false };
  });
  options.onProgress?.({ file: input.name, stage: 'saving', done: 1, total: 1 });
  return result;
}
