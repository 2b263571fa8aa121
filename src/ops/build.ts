/**
 * Build a case's bundle: load everything from the workspace, run the engine
 * (which verifies its own output), and write the PDF(s) and the report
 * atomically. Also the pre-build warnings the bundle editor shows.
 */
import { lowConfidenceWarning } from '../ocr/confidence.ts';
import { join } from 'node:path';
import { buildBundle, loadBundleInput, writeBundle, type BuildReport } from '../bundle/index.ts';
import { formatPartialDate } from '../model/index.ts';
import type { Printer } from '../print/printer.ts';
import { ReadOnlyWorkspaceError } from '../errors.ts';
import { isInsideWorkspace, type Workspace } from '../store/index.ts';
import { isStale, referenceDate } from './staleness.ts';
import { redactionWarnings } from './anonymity.ts';
import { latestReport } from './cite.ts';
import { readPartLengths, writePartLengths } from './part-lengths.ts';
import type { CaseWarning } from '../api/views.ts';

export type { CaseWarning };

export interface BuildCaseOptions {
  printer: Printer;
  out?: string;
  onProgress?: (p: { stage: string; done: number; total: number }) => void;
  signal?: AbortSignal;
  /** The build will print nothing more (BuildOptions.onPrintingDone). */
  onPrintingDone?: () => void;
}

export interface BuildCaseResult {
  files: string[];
  report: BuildReport;
}

export function defaultBundlePath(ws: Workspace, slug: string, supplementary?: number): string {
  const name = supplementary ? `${slug}-supplementary-${supplementary}.pdf` : `${slug}-bundle.pdf`;
  return join(ws.dir, 'cases', slug, 'bundles', name);
}

export async function buildCase(ws: Workspace, slug: string, options: BuildCaseOptions): Promise<BuildCaseResult> {
  // A bundle written inside the workspace (the default, or an --out there) is a change of the
  // workspace: it needs the write lock, and is written as one step of the write queue.
  const inside = options.out === undefined || (await isInsideWorkspace(ws.dir, options.out));
  if (inside && ws.readOnly) throw new ReadOnlyWorkspaceError(ws.dir);
  const input = await loadBundleInput(ws, slug);
  const out = options.out ?? defaultBundlePath(ws, slug, input.definition.supplementary?.number);
  const previous = await latestReport(ws, slug);
  if (previous) input.previous = previous.report;
  const partLengths = await readPartLengths(ws, slug, out);
  if (partLengths) input.partLengths = partLengths;
  const result = await buildBundle(input, {
    printer: options.printer,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onPrintingDone ? { onPrintingDone: options.onPrintingDone } : {}),
  });
  const files = inside ? await ws.mutate(() => writeBundle(result, out)) : await writeBundle(result, out);
  await writePartLengths(ws, slug, result.report);
  return { files, report: result.report };
}


/** What the caseworker should fix before building, each saying what to do. */
export async function caseWarnings(ws: Workspace, slug: string, now: Date = new Date()): Promise<CaseWarning[]> {
  const c = await ws.getCase(slug);
  const bundle = await ws.getBundle(slug);
  const warnings: CaseWarning[] = [];
  const sourceIds = [...new Set(bundle.sections.flatMap((s) => s.items.flatMap((i) => (i.kind === 'source' ? [i.sourceId] : []))))];
  if (sourceIds.length === 0) {
    warnings.push({ code: 'empty-bundle', message: 'The bundle has no documents yet: add sources from the library or import the client’s documents.' });
  }
  const ref = referenceDate(c.hearingDate, now);
  for (const id of sourceIds) {
    let meta;
    try {
      meta = await ws.getSource(id);
    } catch {
      warnings.push({ code: 'missing-source', sourceId: id, message: `The bundle lists a source (${id}) that is no longer in the workspace: remove it from the bundle or import it again.` });
      continue;
    }
    if (isStale(meta, c.stalenessMonths, ref)) {
      warnings.push({
        code: 'stale-source',
        sourceId: id,
        message: `"${meta.title}" was published ${formatPartialDate(meta.published!)}, more than ${c.stalenessMonths} months before the ${c.hearingDate ? 'hearing' : 'current date'}: look for a more recent source or explain why it is still reliable.`,
      });
    }
    const ocr = lowConfidenceWarning(meta);
    if (ocr) warnings.push({ code: 'ocr-low-confidence', sourceId: id, message: `"${meta.title}": ${ocr}.` });
    if (meta.flags.includes('no-text-layer')) {
      warnings.push({ code: 'no-text-layer', sourceId: id, message: `"${meta.title}" has no text layer: the tribunal requires searchable text, so OCR it and replace the source.` });
    }
    for (const e of await ws.listExcerpts({ sourceId: id })) {
      if (e.anchor.status === 'orphaned') {
        warnings.push({ code: 'orphaned-excerpt', sourceId: id, excerptId: e.id, message: `An excerpt of "${meta.title}" ("${e.quote.exact.slice(0, 60)}…") could not be found in the current edition: re-tag the passage or delete the excerpt. It is left out of the bundle.` });
      } else if (e.anchor.status === 'fuzzy') {
        warnings.push({ code: 'fuzzy-excerpt', sourceId: id, excerptId: e.id, message: `An excerpt of "${meta.title}" on page ${e.page} matched the new edition only approximately: check that the highlighted words are the ones you relied on.` });
      }
    }
  }
  warnings.push(...(await redactionWarnings(ws, c, sourceIds)));
  return warnings;
}
