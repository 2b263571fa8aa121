/**
 * The pdfjs side of verification: batches of pages checked with pdfjs's text,
 * on the main thread and on any verification workers, from one shared queue.
 * The queue may grow while it runs (a page whose stamp stream turns out to be
 * unreadable is added as a stamp-only batch), and whatever a worker gives
 * back or leaves is checked on the main thread, so no page goes unchecked.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { checkPage, checkStampOnly, type VolumeContext } from './checks.ts';
import type { VerifyWorker } from './pool.ts';
import type { PageAnnotations } from './raw-annots.ts';

/**
 * A batch of pdfjs work: pages (1-based, ascending) and those whose stamp
 * pdfjs must check too; `annotations` (aligned with `pages`) are the links
 * and highlights the raw reader found (null: pdfjs reads them). A stamp-only
 * batch checks nothing but the stamps of its pages.
 */
export interface PageBatch {
  pages: number[];
  stampPages: number[];
  annotations?: Array<PageAnnotations | null>;
  stampOnly?: boolean;
}

/** pdfjs keeps every page it has parsed (and their fonts) until told to clean up. */
const CLEANUP_EVERY = 256;
const checkedSinceCleanup = new WeakMap<object, number>();

/** Checks the batch's pages with pdfjs; returns each page's failures (aligned with `pages`). */
export async function checkBatch(ctx: Omit<VolumeContext, 'failures'>, batch: PageBatch): Promise<string[][]> {
  const stamps = new Set(batch.stampPages);
  const out: string[][] = [];
  for (const [k, n] of batch.pages.entries()) {
    const failures: string[] = [];
    if (batch.stampOnly) await checkStampOnly({ ...ctx, failures }, n);
    else await checkPage({ ...ctx, failures }, n, stamps.has(n), batch.annotations?.[k] ?? undefined);
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

function shareBytes(bytes: Uint8Array): Uint8Array {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  shared.set(bytes);
  return shared;
}

/** Identifies the bytes a worker holds, across volumes and verifications sharing a pool. */
let lastVolumeKey = 0;

export interface VolumeBytes {
  bytes: Uint8Array;
  ctx: Omit<VolumeContext, 'failures'>;
}

/** A queue of batches run by the workers at once and by the main thread once `mainFirst` is done. */
export class BatchRun {
  readonly batches: PageBatch[] = [];
  private readonly results: Array<string[][] | undefined> = [];
  private readonly queue: number[] = [];
  private stopped = false;
  private shared: Uint8Array | undefined;
  private readonly key = ++lastVolumeKey;
  private readonly lanes: Array<Promise<void>>;

  constructor(
    private readonly v: VolumeBytes,
    batches: PageBatch[],
    private readonly workers: Array<Promise<VerifyWorker | undefined>>,
  ) {
    for (const b of batches) this.add(b);
    this.lanes = workers.map((w) => this.workerLane(w));
  }

  /** Adds a batch to the queue (taken by whichever lane is free next). */
  add(batch: PageBatch): void {
    this.queue.push(this.batches.length);
    this.batches.push(batch);
    this.results.push(undefined);
  }

  /** Lets worker replies and dispatches in while the main thread does other work. */
  async pause(): Promise<void> {
    if (this.workers.length > 0) await yieldToLoop();
  }

  /** The main thread joins the queue; resolves with every batch's failures, in batch order. */
  async finish(): Promise<string[][][]> {
    try {
      for (let i = this.queue.shift(); i !== undefined; i = this.queue.shift()) {
        this.results[i] = await checkBatch(this.v.ctx, this.batches[i]!);
        // Let replies from the workers in between batches (pdfjs resolves on microtasks).
        await this.pause();
      }
    } finally {
      this.stopped = true;
    }
    await Promise.all(this.lanes);
    // A batch a worker gave back after the main thread had finished.
    for (const [i, r] of this.results.entries()) if (!r) this.results[i] = await checkBatch(this.v.ctx, this.batches[i]!);
    return this.results as string[][][];
  }

  private async workerLane(pending: Promise<VerifyWorker | undefined>): Promise<void> {
    const worker = await pending;
    if (!worker?.usable || this.stopped || this.queue.length === 0) return;
    if (worker.volume !== this.key) {
      this.shared ??= shareBytes(this.v.bytes);
      const { report, name, firstPage, lastPage } = this.v.ctx;
      worker.open({ type: 'volume', volume: this.key, bytes: this.shared, report, name, firstPage, lastPage });
    }
    for (let i = this.queue.shift(); i !== undefined; i = this.queue.shift()) {
      if (this.stopped) {
        this.queue.unshift(i);
        return;
      }
      try {
        this.results[i] = await worker.check({ type: 'check', volume: this.key, ...this.batches[i]! });
      } catch {
        // The main thread checks this batch again (and reports any error it really has).
        this.queue.unshift(i);
        await worker.terminate();
        return;
      }
    }
  }
}
