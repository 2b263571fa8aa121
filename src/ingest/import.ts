/**
 * Imports files into a workspace, one at a time and each all-or-nothing:
 * a file is fully prepared in memory before the store writes it (staged,
 * then one rename), so a bad file leaves nothing behind while the files
 * before it stay imported. The same bytes imported again give back the
 * source already there. Files carried inside a file (an e-mail's
 * attachments) are imported right after it, in the same scope, with
 * `parent` set to it; an attachment that cannot be imported is reported as
 * a warning on its e-mail rather than undoing the e-mail.
 */
import { createHash } from 'node:crypto';
import type { SourceMeta, SourceScope } from '../model/index.ts';
import type { Workspace } from '../store/index.ts';
import { inputOf, readInput, type InputFile } from './detect.ts';
import { prepareInput, type PrepareOptions } from './prepare.ts';

export interface ImportResult {
  /** Base name of the imported file (an attachment's own name). */
  file: string;
  source: SourceMeta;
  /** True when the same bytes were already in the workspace (nothing was written). */
  duplicate: boolean;
  /** Problems with this file's attachments (each named); empty when none. */
  warnings: string[];
}

export interface ImportOptions extends Omit<PrepareOptions, 'scope' | 'parent'> {
  /** Import as a case's own document instead of into the shared library. */
  caseSlug?: string;
  /** Called after each file is saved (or found to be a duplicate), before the next one starts. */
  onImported?: (result: ImportResult) => void;
}

/** An attachment of an attachment of … stops here (a mail loop or a crafted file). */
export const MAX_ATTACHMENT_DEPTH = 4;

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
  const record = (result: ImportResult) => {
    results.push(result);
    options.onImported?.(result);
  };
  for (const file of files) {
    try {
      await importOne(ws, await readInput(file), scope, options, record, undefined, 0);
    } catch (error) {
      if (typeof error === 'object' && error !== null) importedBefore.set(error, [...results]);
      throw error;
    }
  }
  return results;
}

async function importOne(
  ws: Workspace,
  input: InputFile,
  scope: SourceScope,
  options: ImportOptions,
  record: (r: ImportResult) => void,
  parent: string | undefined,
  depth: number,
): Promise<void> {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const existing = await ws.findSourceBySha256(sha256);
  if (existing) {
    const warnings = parent && existing.parent !== parent ? [`already in the workspace as ${existing.id} ("${existing.title}"), so it is not linked to its e-mail again`] : [];
    record({ file: input.name, source: existing, duplicate: true, warnings });
    return;
  }
  const { onImported: _ignored, caseSlug: _slug, ...prepareOptions } = options;
  const prepared = await prepareInput(input, { ...prepareOptions, scope, ...(parent ? { parent } : {}) });
  options.onProgress?.({ file: input.name, stage: 'saving', done: 0, total: 1 });
  // Preparing ran outside the write queue; the duplicate check and the save are one queued change,
  // so the same file imported twice at once is saved once and found the second time.
  const saved = await ws.mutate(async () => {
    const again = await ws.findSourceBySha256(sha256);
    if (again) return { source: again, duplicate: true };
    return { source: await ws.addSource(prepared), duplicate: false };
  });
  options.onProgress?.({ file: input.name, stage: 'saving', done: 1, total: 1 });
  if (saved.duplicate) {
    record({ file: input.name, source: saved.source, duplicate: true, warnings: [] });
    return;
  }
  const source = saved.source;
  const result: ImportResult = { file: input.name, source, duplicate: false, warnings: [] };
  record(result);
  if (prepared.children.length > 0 && depth + 1 >= MAX_ATTACHMENT_DEPTH) {
    result.warnings.push(`its ${prepared.children.length} attachment(s) are nested more than ${MAX_ATTACHMENT_DEPTH} levels deep and were not imported: save them and import them one by one`);
    return;
  }
  for (const [i, child] of prepared.children.entries()) {
    // Attachments are listed in import order; with a fixed clock (tests, the demo) each still gets its own instant.
    const childOptions = options.now ? { ...options, now: new Date(Date.parse(source.importedAt) + i + 1) } : options;
    try {
      await importOne(ws, inputOf(child.name, child.bytes), scope, childOptions, record, source.id, depth + 1);
    } catch (error) {
      result.warnings.push(`the attachment ${child.name} was not imported: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
