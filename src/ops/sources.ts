/**
 * Source operations: import (with the warnings a caseworker must see), list
 * with excerpt counts and staleness, and replace a source with a new edition,
 * re-anchoring its excerpts and reporting the ones that could not be found.
 */
// Import and re-anchoring load pdfjs and friends: only the verbs that need them load them.
import type { ImportMetadata, ImportProgress } from '../ingest/index.ts';
import type { Excerpt, SourceMeta } from '../model/index.ts';
import type { Printer } from '../print/printer.ts';
import type { Workspace } from '../store/index.ts';
import { isStale } from './staleness.ts';
import type { ImportOutcome, SourceSummary } from '../api/views.ts';

export type { ImportOutcome, SourceSummary };

export const NO_TEXT_LAYER_WARNING = 'no text layer: excerpts cannot be anchored until the file is OCRed';

export interface ImportInput {
  files: string[];
  caseSlug?: string;
  metadata?: ImportMetadata;
  printer: Printer;
  onProgress?: (p: ImportProgress) => void;
  now?: Date;
}

export function importWarnings(meta: SourceMeta): string[] {
  const w: string[] = [];
  if (meta.flags.includes('no-text-layer')) w.push(NO_TEXT_LAYER_WARNING);
  if (meta.flags.includes('decrypted')) w.push('the PDF was encrypted with an empty password; Sanad keeps a decrypted copy for the bundle');
  if (meta.flags.includes('repaired')) w.push('the PDF was damaged and has been repaired: check its pages');
  if (meta.flags.includes('forms-flattened')) w.push('form fields were flattened into the page so they print');
  if (meta.flags.includes('forms-not-flattened')) w.push('the form could not be flattened and is kept as it is: check that its filled-in fields show in the bundle');
  return w;
}

export async function importSources(ws: Workspace, input: ImportInput): Promise<ImportOutcome[]> {
  if (input.caseSlug) await ws.getCase(input.caseSlug);
  const { importFiles } = await import('../ingest/index.ts');
  const results = await importFiles(ws, input.files, {
    printer: input.printer,
    ...(input.caseSlug ? { caseSlug: input.caseSlug } : {}),
    ...(input.metadata ? { metadata: input.metadata } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    ...(input.now ? { now: input.now } : {}),
  });
  return results.map((r) => ({
    file: r.file,
    id: r.source.id,
    title: r.source.title,
    pages: r.source.pages,
    duplicate: r.duplicate,
    warnings: [...importWarnings(r.source), ...r.warnings],
    ...(r.source.parent ? { parent: r.source.parent } : {}),
  }));
}

export async function sourceSummaries(ws: Workspace, options: { caseSlug?: string; all?: boolean; months: number; reference: Date }): Promise<SourceSummary[]> {
  const scope = options.caseSlug ? { caseSlug: options.caseSlug } : { all: options.all ?? false };
  if (options.caseSlug) await ws.getCase(options.caseSlug);
  // One query on the index rather than a source.json and an excerpts.json per source.
  const sources = await ws.indexedSources(scope);
  const counts = (await ws.index()).excerptCounts();
  return sources.map((s) => ({ ...s, excerptCount: counts.get(s.id) ?? 0, stale: isStale(s, options.months, options.reference) }));
}

export interface ReplaceOutcome {
  source: SourceMeta;
  reanchored: number;
  fuzzy: Excerpt[];
  orphaned: Excerpt[];
}

/** Replaces a source by a new edition of it and re-anchors its excerpts. */
export async function replaceSourceEdition(ws: Workspace, id: string, file: string, printer: Printer, now: Date = new Date()): Promise<ReplaceOutcome> {
  const old = await ws.getSource(id);
  const { prepareSource } = await import('../ingest/index.ts');
  const { reanchorAll } = await import('../anchor/index.ts');
  const prepared = await prepareSource(file, { printer, scope: old.scope, now });
  const meta: SourceMeta = {
    ...prepared.meta,
    id: old.id,
    title: old.title,
    ...(old.author ? { author: old.author } : {}),
    ...(old.publisher ? { publisher: old.publisher } : {}),
    ...(old.url ? { url: old.url } : {}),
    type: old.type,
    ...(old.translation ? { translation: old.translation } : {}),
    // replaceSource records the old edition's sha256 in previousEditions.
    previousEditions: old.previousEditions,
  };
  // Preparing (printing, text extraction) runs outside the write queue; the swap and the
  // re-anchoring run as one queued change, so an excerpt tagged meanwhile is re-anchored too.
  return ws.mutate(async () => {
    const excerpts = await ws.listExcerpts({ sourceId: id });
    const result = reanchorAll(excerpts, { sourceId: id, sha256: meta.sha256, pages: prepared.text });
    const source = await ws.replaceSource(id, { ...prepared, meta });
    await ws.saveExcerpts(id, result.excerpts);
    return { source, reanchored: result.excerpts.length - result.orphaned.length, fuzzy: result.fuzzy, orphaned: result.orphaned };
  });
}
