/**
 * Verification of one volume's pages. Every page's stamp is checked from the
 * content stream Sanad appended (stamps.ts, on the calling thread: no glyphs
 * are interpreted). The pages that need pdfjs's text — excerpts, links, any
 * page another check names, and pages whose stamp stream could not be read —
 * are split into batches shared by the main thread and any verification
 * workers. Failures are kept per page and merged in page order (stamp first),
 * so the list is the same whichever thread checked what.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { BuildReport } from '../bundle/report.ts';
import type { PDFDocumentProxy } from '../pdf/pdfjs.ts';
import { checkPage, missingStamp, type VolumeContext } from './checks.ts';
import type { VerifyWorker } from './pool.ts';
import { excerptPages, skeletonPages, pagesNeedingText } from './select.ts';
import { annotationSubtypes, checkStamp, RawPdf } from './stamps.ts';

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

/** A batch of pdfjs work: pages (1-based, ascending) and those whose stamp pdfjs must check too. */
export interface PageBatch {
  pages: number[];
  stampPages: number[];
}

/** pdfjs keeps every page it has parsed (and their fonts) until told to clean up. */
const CLEANUP_EVERY = 256;
const checkedSinceCleanup = new WeakMap<object, number>();

/** Checks the batch's pages with pdfjs; returns each page's failures (aligned with `pages`). */
export async function checkBatch(ctx: Omit<VolumeContext, 'failures'>, batch: PageBatch): Promise<string[][]> {
  const stamps = new Set(batch.stampPages);
  const out: string[][] = [];
  for (const n of batch.pages) {
    const failures: string[] = [];
    await checkPage({ ...ctx, failures }, n, stamps.has(n));
    out.push(failures);
    // Caps memory on large bundles at no measurable cost.
    const checked = (checkedSinceCleanup.get(ctx.doc) ?? 0) + 1;
    checkedSinceCleanup.set(ctx.doc, checked % CLEANUP_EVERY);
    if (checked === CLEANUP_EVERY) await ctx.doc.cleanup();
  }
  return out;
}

/** Batches small enough to balance the threads, large enough to keep messages rare. */
export function splitPages(count: number, threads: number): Array<{ from: number; to: number }> {
  const size = threads <= 1 ? count : Math.min(64, Math.max(8, Math.ceil(count / (threads * 6))));
  const out: Array<{ from: number; to: number }> = [];
  for (let from = 1; from <= count; from += Math.max(1, size)) out.push({ from, to: Math.min(count, from + size - 1) });
  return out;
}

/** The stamp of every page from the appended streams; unreadable pages (or files) are left to pdfjs. */
export function stampPass(v: VolumeToCheck): { failures: Map<number, string>; unreadable: number[]; links: number[] } {
  const failures = new Map<number, string>();
  const all = Array.from({ length: v.count }, (_, k) => k + 1);
  let raw: RawPdf;
  let pages;
  try {
    raw = new RawPdf(v.bytes);
    pages = raw.pages();
  } catch {
    return { failures, unreadable: all, links: [] };
  }
  if (pages.length !== v.doc.numPages) return { failures, unreadable: all, links: [] };
  const unreadable: number[] = [];
  const links: number[] = [];
  for (const n of all) {
    const page = pages[n - 1]!;
    const label = v.report.pageLabels[v.firstPage + n - 2] ?? String(v.firstPage + n - 1 + (v.report.numbering?.offset ?? 0));
    let subtypes: string[];
    try {
      subtypes = annotationSubtypes(raw, page);
    } catch {
      unreadable.push(n);
      continue;
    }
    if (subtypes.includes('Link')) links.push(n);
    const r = checkStamp(raw, page, label);
    if (r.ok) continue;
    if (r.unreadable) unreadable.push(n);
    else failures.set(n, missingStamp(v, n));
  }
  return { failures, unreadable, links };
}

function shareBytes(bytes: Uint8Array): Uint8Array {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  shared.set(bytes);
  return shared;
}

/** Identifies the bytes a worker holds, across volumes and verifications sharing a pool. */
let lastVolumeKey = 0;

/** Failures of every page of the volume, in page order. */
export async function checkVolumePages(v: VolumeToCheck, workers: Array<Promise<VerifyWorker | undefined>>): Promise<string[]> {
  const stamps = stampPass(v);
  const textPages = pagesNeedingText(
    { excerpts: excerptPages(v.report, v.firstPage, v.count), links: stamps.links, extra: [...(v.extraTextPages ?? []), ...skeletonPages(v.report, v.firstPage, v.count)], unreadable: stamps.unreadable },
    v.count,
  );
  const unreadable = new Set(stamps.unreadable);
  const batches: PageBatch[] = splitPages(textPages.length, workers.length + 1).map(({ from, to }) => {
    const pages = textPages.slice(from - 1, to);
    return { pages, stampPages: pages.filter((n) => unreadable.has(n)) };
  });
  const textFailures = await runBatches(v, batches, workers);
  const byPage = new Map<number, string[]>();
  batches.forEach((b, i) => b.pages.forEach((n, k) => byPage.set(n, textFailures[i]![k]!)));
  const out: string[] = [];
  for (let n = 1; n <= v.count; n++) {
    const stamp = stamps.failures.get(n);
    if (stamp) out.push(stamp);
    out.push(...(byPage.get(n) ?? []));
  }
  return out;
}

/** Runs the batches on the main thread and the workers from a shared queue; results in batch order. */
async function runBatches(v: VolumeToCheck, batches: PageBatch[], workers: Array<Promise<VerifyWorker | undefined>>): Promise<string[][][]> {
  const results: Array<string[][] | undefined> = batches.map(() => undefined);
  const queue = batches.map((_, i) => i);
  let stopped = false;
  let shared: Uint8Array | undefined;
  const key = ++lastVolumeKey;
  const ctx = { doc: v.doc, report: v.report, name: v.name, firstPage: v.firstPage, lastPage: v.lastPage };

  const mainLane = async () => {
    try {
      for (let i = queue.shift(); i !== undefined && !stopped; i = queue.shift()) {
        results[i] = await checkBatch(ctx, batches[i]!);
        // Let replies from the workers in between batches (pdfjs resolves on microtasks).
        if (workers.length > 0) await yieldToLoop();
      }
    } catch (cause) {
      stopped = true;
      throw cause;
    }
  };

  const workerLane = async (pending: Promise<VerifyWorker | undefined>) => {
    const worker = await pending;
    if (!worker?.usable || stopped || queue.length === 0) return;
    if (worker.volume !== key) {
      shared ??= shareBytes(v.bytes);
      worker.open({ type: 'volume', volume: key, bytes: shared, report: v.report, name: v.name, firstPage: v.firstPage, lastPage: v.lastPage });
    }
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      if (stopped) return;
      try {
        results[i] = await worker.check({ type: 'check', volume: key, ...batches[i]! });
      } catch {
        // The main thread checks this batch again (and reports any error it really has).
        queue.unshift(i);
        await worker.terminate();
        return;
      }
    }
  };

  await Promise.all([mainLane(), ...workers.map(workerLane)]);
  // A batch a worker gave back after the main thread had finished.
  for (const [i, r] of results.entries()) if (!r) results[i] = await checkBatch(ctx, batches[i]!);
  return results as string[][][];
}
