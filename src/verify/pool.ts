/**
 * Worker threads for verification. pdfjs parses on the thread that calls it,
 * so checking a large bundle page by page uses one core; each worker here
 * opens the same bytes with its own pdfjs and checks the page ranges it is
 * given. Workers that cannot start (or die) simply take no more ranges: the
 * main thread checks whatever is left, so verification never depends on them.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CheckRangeMessage, OpenVolumeMessage, WorkerReply, WorkerRequest } from './worker.ts';

/** More threads than this gain little (memory grows with each pdfjs). */
export const MAX_VERIFY_THREADS = 4;
/** Below this many pages per thread, starting a worker costs more than it saves. */
export const MIN_PAGES_PER_THREAD = 150;

/**
 * Threads (the main one included) worth using for a bundle of `pages` pages:
 * one core is left for what runs beside the workers (the main thread's raw
 * passes, V8's collector threads, zlib), so a 2-core machine verifies on the
 * calling thread alone — measured on the build bench's bundle (1,031 pages,
 * 2 cores): 4.7–5.0 s and 225 MB with one thread, 4.8–4.9 s and 308 MB with two.
 * SANAD_VERIFY_THREADS (a whole number from 1) overrides it: 1 keeps
 * verification on the calling thread, e.g. on a machine busy with other work.
 */
export function defaultVerifyThreads(pages: number): number {
  const override = Number(process.env.SANAD_VERIFY_THREADS);
  if (Number.isInteger(override) && override >= 1) return override;
  return Math.max(1, Math.min(MAX_VERIFY_THREADS, availableParallelism() - 1, Math.floor(pages / MIN_PAGES_PER_THREAD)));
}

/** The worker's module: the TypeScript sources need tsx registered first; the compiled app runs worker.js. */
function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './worker-entry.mjs' : './worker.js', import.meta.url);
}

export class VerifyWorker {
  private pending: { resolve: (r: WorkerReply) => void; reject: (e: Error) => void } | undefined;
  private alive = true;
  /** The volume whose bytes this worker holds. */
  volume: number | undefined;
  /** Ranges this worker has checked (for tests and diagnostics). */
  rangesChecked = 0;

  private constructor(private readonly worker: Worker) {}

  /** Starts a worker; resolves once it has loaded, or to undefined if it cannot start. */
  static start(): Promise<VerifyWorker | undefined> {
    return new Promise((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(workerUrl());
      } catch {
        resolve(undefined);
        return;
      }
      const lane = new VerifyWorker(worker);
      let ready = false;
      const die = (why: string) => {
        lane.alive = false;
        lane.pending?.reject(new Error(why));
        lane.pending = undefined;
        if (!ready) resolve(undefined);
      };
      worker.on('message', (m: WorkerReply) => {
        if (m.type === 'ready') {
          ready = true;
          resolve(lane);
          return;
        }
        const p = lane.pending;
        lane.pending = undefined;
        p?.resolve(m);
      });
      worker.on('error', (e) => die(`verification worker failed: ${String(e)}`));
      worker.on('exit', (code) => die(`verification worker exited (${code})`));
    });
  }

  get usable(): boolean {
    return this.alive;
  }

  private post(m: WorkerRequest): void {
    this.worker.postMessage(m);
  }

  /** Gives the worker a volume (the bytes should be on a SharedArrayBuffer). */
  open(m: OpenVolumeMessage): void {
    this.volume = m.volume;
    this.post(m);
  }

  /** Checks a range of the open volume; rejects if the worker fails or dies. */
  check(m: CheckRangeMessage): Promise<string[][]> {
    if (!this.alive) return Promise.reject(new Error('verification worker is not running'));
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.post(m);
    }).then((r) => {
      if (r.type === 'checked') {
        this.rangesChecked++;
        return r.failures;
      }
      throw new Error(r.type === 'error' ? r.message : 'unexpected reply from a verification worker');
    });
  }

  async terminate(): Promise<void> {
    this.alive = false;
    await this.worker.terminate();
  }
}

/**
 * The threads verification runs on: the caller's plus `threads - 1` workers,
 * started at once and joining in as they finish loading (about a second
 * under tsx), so a caller may create the pool early — the bundle build does
 * so before printing, while Node mostly waits for Chromium. Close it after.
 */
export class VerifyPool {
  readonly workers: Array<Promise<VerifyWorker | undefined>>;

  constructor(readonly threads: number) {
    this.workers = Array.from({ length: Math.max(0, Math.floor(threads) - 1) }, () => VerifyWorker.start());
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(async (w) => (await w)?.terminate()));
  }
}
