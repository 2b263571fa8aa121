/**
 * Verification of one volume. The raw reader (raw-pdf.ts) lists the pages
 * that need pdfjs's text — excerpts, links, any page another check names —
 * and reads their links and highlights; those pages go out in batches to the
 * verification workers at once. Meanwhile the main thread checks every
 * page's stamp from the content stream Sanad appended (stamps.ts) and that
 * the file is inert (raw-inert.ts), then joins the workers. A page whose
 * stamp stream cannot be read gets pdfjs's stamp check instead. Failures are
 * kept per page and merged in page order (stamp first), the inert ones last,
 * so the list is the same whichever thread checked what.
 */
import type { BuildReport } from '../bundle/report.ts';
import type { PDFDocumentProxy } from '../pdf/pdfjs.ts';
import { BatchRun, splitPages, type PageBatch } from './batches.ts';
import { missingStamp } from './checks.ts';
import { checkInert } from './inert.ts';
import type { VerifyWorker } from './pool.ts';
import { tryReadAnnotations, type PageAnnotations } from './raw-annots.ts';
import { excerptPages, skeletonPages, pagesNeedingText } from './select.ts';
import { RawPdf, type RawPage } from './raw-pdf.ts';
import { annotationSubtypes, checkStamp } from './stamps.ts';

export { checkBatch, splitPages, type PageBatch } from './batches.ts';

export interface VolumeToCheck {
  bytes: Uint8Array;
  doc: PDFDocumentProxy;
  report: BuildReport;
  name: string;
  firstPage: number;
  lastPage: number;
  /** Pages to check: 1..count. */
  count: number;
  /** Further pages (1-based in the volume) to read with pdfjs, e.g. redacted ones. */
  extraTextPages?: number[];
}

/** The raw reader's view of the volume, or undefined when it cannot read the page tree. */
function openRaw(v: VolumeToCheck): { raw: RawPdf; pages: RawPage[] } | undefined {
  try {
    const raw = new RawPdf(v.bytes);
    const pages = raw.pages();
    return pages.length === v.doc.numPages ? { raw, pages } : undefined;
  } catch {
    return undefined;
  }
}

function labelAt(v: VolumeToCheck, n: number): string {
  return v.report.pageLabels[v.firstPage + n - 2] ?? String(v.firstPage + n - 1 + (v.report.numbering?.offset ?? 0));
}

/** Pages with links, and pages whose annotations cannot be read (their stamp too goes to pdfjs). */
export function linkPass(raw: RawPdf, pages: RawPage[]): { links: number[]; unreadable: number[] } {
  const links: number[] = [];
  const unreadable: number[] = [];
  pages.forEach((page, i) => {
    try {
      if (annotationSubtypes(raw, page).includes('Link')) links.push(i + 1);
    } catch {
      unreadable.push(i + 1);
    }
  });
  return { links, unreadable };
}

/** The stamp of every page from the appended streams (pages in `skip` are left to pdfjs); unreadable pages are returned for pdfjs. */
export async function stampPass(v: VolumeToCheck, raw: RawPdf, pages: RawPage[], skip: Set<number>, pause: () => Promise<void>): Promise<{ failures: Map<number, string>; unreadable: number[] }> {
  const failures = new Map<number, string>();
  const unreadable: number[] = [];
  for (let n = 1; n <= v.count; n++) {
    if (n % 32 === 0) await pause();
    if (skip.has(n)) continue;
    const r = checkStamp(raw, pages[n - 1]!, labelAt(v, n));
    if (r.ok) continue;
    if (r.unreadable) unreadable.push(n);
    else failures.set(n, missingStamp(v, n));
  }
  return { failures, unreadable };
}

/** Failures of every page of the volume in page order, then those of the inert check. */
export async function checkVolumePages(v: VolumeToCheck, workers: Array<Promise<VerifyWorker | undefined>>): Promise<string[]> {
  const opened = openRaw(v);
  const all = Array.from({ length: v.count }, (_, k) => k + 1);
  const found = opened ? linkPass(opened.raw, opened.pages.slice(0, v.count)) : { links: [], unreadable: all };
  const pdfjsStamps = new Set(found.unreadable);
  const textPages = pagesNeedingText(
    { excerpts: excerptPages(v.report, v.firstPage, v.count), links: found.links, extra: [...(v.extraTextPages ?? []), ...skeletonPages(v.report, v.firstPage, v.count)], unreadable: found.unreadable },
    v.count,
  );
  const annotations = (n: number): PageAnnotations | null => (opened && !pdfjsStamps.has(n) ? (tryReadAnnotations(opened.raw, opened.pages[n - 1]!) ?? null) : null);
  const batches: PageBatch[] = splitPages(textPages.length, workers.length + 1).map(({ from, to }) => {
    const pages = textPages.slice(from - 1, to);
    return { pages, stampPages: pages.filter((n) => pdfjsStamps.has(n)), annotations: pages.map(annotations) };
  });
  const run = new BatchRun({ bytes: v.bytes, ctx: { doc: v.doc, report: v.report, name: v.name, firstPage: v.firstPage, lastPage: v.lastPage } }, batches, workers);
  const pause = () => run.pause();
  await pause();

  // The raw work on this thread while the workers read text.
  let stamps = { failures: new Map<number, string>(), unreadable: [] as number[] };
  if (opened) {
    stamps = await stampPass(v, opened.raw, opened.pages, pdfjsStamps, pause);
    for (const { from, to } of splitPages(stamps.unreadable.length, workers.length + 1)) run.add({ pages: stamps.unreadable.slice(from - 1, to), stampPages: [], stampOnly: true });
  }
  const inert = await checkInert(v.bytes, v.name, opened?.raw, pause);

  const results = await run.finish();
  const text = new Map<number, string[]>();
  const pdfjsStamp = new Map<number, string[]>();
  run.batches.forEach((b, i) => b.pages.forEach((n, k) => (b.stampOnly ? pdfjsStamp : text).set(n, results[i]![k]!)));
  const out: string[] = [];
  for (let n = 1; n <= v.count; n++) {
    const stamp = stamps.failures.get(n);
    if (stamp) out.push(stamp);
    out.push(...(pdfjsStamp.get(n) ?? []), ...(text.get(n) ?? []));
  }
  return [...out, ...inert];
}
