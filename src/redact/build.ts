/**
 * The build's redaction steps, kept here so the engine only calls in: the
 * report's list of applied redactions, the redaction log (JSON, and a PDF for
 * the lawyer's file, never inside the bundle), and what verification checks.
 */
import { redactionLabel, REASON_LABELS, type Redaction } from '../model/index.ts';
import type { BundleInput } from '../bundle/input.ts';
import type { Layout } from '../bundle/plan.ts';
import type { ReportRedaction } from '../bundle/report.ts';
import type { RedactionVerification } from '../verify/redactions.ts';
import { hiddenStrings, placeRedactions } from './bundle.ts';
import { termOnPage } from './anonymity.ts';
import type { Printer } from '../print/printer.ts';

export function reportRedactions(input: BundleInput, layout: Layout): ReportRedaction[] {
  return placeRedactions(input, layout).map((p) => ({
    id: p.redaction.id,
    sourceId: p.redaction.sourceId,
    kind: p.redaction.kind,
    sourcePage: p.redaction.page,
    bundlePage: p.bundlePage,
    label: redactionLabel(p.redaction),
    boxes: p.boxes.map((b) => ({ x: round(b.x), y: round(b.y), w: round(b.w), h: round(b.h) })),
  }));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** What verification checks beyond the report: the redacted strings. `input` is the redacted input. */
export function redactionChecks(input: BundleInput, layout: Layout): RedactionVerification {
  const pages = new Map<number, string[]>();
  for (const p of placeRedactions(input, layout)) {
    const r = p.redaction;
    if (r.kind !== 'text') continue;
    const left = input.sources.get(r.sourceId)?.text[r.page - 1]?.text ?? '';
    // A passage redacted once while the same words stay elsewhere on the page is checked by its boxes only.
    if (!termOnPage(r.quote.exact, left)) pages.set(p.bundlePage, [...(pages.get(p.bundlePage) ?? []), r.quote.exact]);
  }
  const extraPages = layout.items.filter((p) => p.item.kind !== 'source').flatMap((p) => Array.from({ length: p.last - p.first + 1 }, (_, k) => p.first + k));
  return {
    pages: [...pages].map(([bundlePage, strings]) => ({ bundlePage, boxes: [], strings })),
    hidden: hiddenStrings(input),
    extraPages,
  };
}

export interface RedactionLogEntry {
  id: string;
  document: string;
  sourceId: string;
  sourcePage: number;
  bundlePage: number | null;
  bundlePageLabel: string | null;
  kind: 'text' | 'area';
  reason: string;
  label: string;
  createdAt: string;
  createdBy: string | null;
}

/** Every redaction of the bundled documents, with its bundle page (null when that page is not in the bundle). */
export function redactionLog(input: BundleInput, layout: Layout): RedactionLogEntry[] {
  const placed = placeRedactions(input, layout);
  const entries: RedactionLogEntry[] = [];
  const all: Redaction[] = (input.redactions ?? []).filter((r) => input.sources.has(r.sourceId));
  for (const r of all) {
    const at = placed.filter((p) => p.redaction.id === r.id);
    const pagesOf = at.length > 0 ? at.map((p) => p.bundlePage) : [null];
    for (const bundlePage of pagesOf) {
      entries.push({
        id: r.id,
        document: input.sources.get(r.sourceId)!.meta.title,
        sourceId: r.sourceId,
        sourcePage: r.page,
        bundlePage,
        bundlePageLabel: bundlePage === null ? null : (layout.labels[bundlePage - 1] ?? String(bundlePage)),
        kind: r.kind,
        reason: r.reasonText ? `${REASON_LABELS[r.reason]}: ${r.reasonText}` : REASON_LABELS[r.reason],
        label: redactionLabel(r),
        createdAt: r.createdAt,
        createdBy: r.createdBy ?? null,
      });
    }
  }
  return entries.sort((a, b) => (a.bundlePage ?? Infinity) - (b.bundlePage ?? Infinity) || a.id.localeCompare(b.id));
}

/** The redaction log as a PDF for the lawyer's file (templates/redaction-log.hbs). */
export async function redactionLogPdf(input: BundleInput, entries: RedactionLogEntry[], printer: Printer, bundleDate: string, bundleTitle: string): Promise<Uint8Array> {
  const { renderTemplate } = await import('../templates/render.ts');
  const rows = entries.map((e, i) => ({ ...e, number: i + 1, kind: e.kind === 'text' ? 'text' : 'area', createdOn: e.createdAt.slice(0, 10) }));
  const html = renderTemplate('redaction-log', { caseTitle: input.case.title, bundleTitle, bundleDate, rows }, { paper: input.profile.paper, title: 'Redaction log' });
  return printer.printHtml(html, { paper: input.profile.paper });
}
