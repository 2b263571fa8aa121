/**
 * Source operations: import (with the warnings a caseworker must see), list
 * with excerpt counts and staleness, and replace a source with a new edition,
 * re-anchoring its excerpts and reporting the ones that could not be found.
 */
// Import and re-anchoring load pdfjs and friends: only the verbs that need them load them.
import type { ImportMetadata, ImportProgress } from '../ingest/index.ts';
import type { Excerpt, Redaction, SourceMeta } from '../model/index.ts';
import type { Printer } from '../print/printer.ts';
import type { Workspace } from '../store/index.ts';
import { lowConfidenceWarning } from '../ocr/confidence.ts';
import type { OcrMode } from '../ocr/pages.ts';
import { familyOrder } from '../model/family.ts';
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
  /** OCR of pages without text (default `auto`). */
  ocr?: OcrMode;
  /** OCR languages, e.g. ["eng", "urd"] (others than English load from the workspace's ocr/ folder). */
  ocrLanguages?: string[];
  /** Keep photos' GPS positions (default: dropped). */
  keepGps?: boolean;
  signal?: AbortSignal;
}

export function importWarnings(meta: SourceMeta): string[] {
  const w: string[] = [];
  if (meta.flags.includes('no-text-layer')) w.push(NO_TEXT_LAYER_WARNING);
  if (meta.flags.includes('decrypted')) w.push('the PDF was encrypted with an empty password; Sanad keeps a decrypted copy for the bundle');
  if (meta.flags.includes('repaired')) w.push('the PDF was damaged and has been repaired: check its pages');
  if (meta.flags.includes('forms-flattened')) w.push('form fields were flattened into the page so they print');
  if (meta.flags.includes('forms-not-flattened')) w.push('the form could not be flattened and is kept as it is: check that its filled-in fields show in the bundle');
  const ocr = lowConfidenceWarning(meta);
  if (ocr) w.push(ocr);
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
    ...(input.ocr ? { ocr: input.ocr } : {}),
    ...(input.ocrLanguages ? { ocrLanguages: input.ocrLanguages } : {}),
    ...(input.keepGps ? { keepGps: true } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
    ocrDir: ws.ocrDir,
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

/**
 * One page of the library as the app's table shows it (the library's own
 * sources, as sources.list without a case), sorted by
 * title with each e-mail's attachments right after it, narrowed by a filter
 * on title, publisher and author (case-insensitive). Only the page crosses to
 * the front end, so opening a library of thousands of sources sends a hundred.
 */
export async function sourcePage(ws: Workspace, options: { filter?: string; offset?: number; limit?: number; months: number; reference: Date }): Promise<{ total: number; matching: number; sources: SourceSummary[] }> {
  const all = await sourceSummaries(ws, { months: options.months, reference: options.reference });
  const q = options.filter?.trim().toLowerCase();
  const shown = q ? all.filter((s) => `${s.title} ${s.publisher ?? ''} ${s.author ?? ''}`.toLowerCase().includes(q)) : all;
  const ordered = familyOrder(shown).map((r) => r.source);
  const offset = options.offset ?? 0;
  return { total: all.length, matching: ordered.length, sources: ordered.slice(offset, offset + (options.limit ?? 100)) };
}

/** One source's summary (the reader's header): its own files and counts, not the whole library's. */
export async function sourceSummary(ws: Workspace, id: string, options: { months: number; reference: Date }): Promise<SourceSummary> {
  const meta = await ws.getSource(id);
  const count = (await ws.index()).excerptCount(id);
  return { ...meta, excerptCount: count, stale: isStale(meta, options.months, options.reference) };
}

export interface ReplaceOutcome {
  source: SourceMeta;
  reanchored: number;
  fuzzy: Excerpt[];
  orphaned: Excerpt[];
  /** Redactions that could not be placed in the new edition (kept; the build refuses them until fixed). */
  redactionsOrphaned: Redaction[];
  /** Redactions placed approximately, or areas kept at the same place: check them. */
  redactionsToCheck: Redaction[];
}

/** Replaces a source by a new edition of it and re-anchors its excerpts. */
export async function replaceSourceEdition(ws: Workspace, id: string, file: string, printer: Printer, now: Date = new Date()): Promise<ReplaceOutcome> {
  const old = await ws.getSource(id);
  const { prepareSource } = await import('../ingest/index.ts');
  const { reanchorAll } = await import('../anchor/index.ts');
  const { reanchorRedactions } = await import('../redact/reanchor.ts');
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
    const target = { sourceId: id, sha256: meta.sha256, pages: prepared.text };
    const redactions = reanchorRedactions(await ws.listRedactions({ sourceId: id }), target);
    const source = await ws.replaceSource(id, { ...prepared, meta });
    await ws.saveExcerpts(id, result.excerpts);
    if (redactions.redactions.length > 0) await ws.saveRedactions(id, redactions.redactions);
    return {
      source, reanchored: result.excerpts.length - result.orphaned.length, fuzzy: result.fuzzy, orphaned: result.orphaned,
      redactionsOrphaned: redactions.orphaned, redactionsToCheck: redactions.toCheck,
    };
  });
}
