/**
 * A Printer whose Chromium is driven from its own thread (print-worker.ts).
 * The command line prints through this: Playwright loads and Chromium
 * launches on the printing thread while the calling thread opens the
 * workspace, renders the parts and parses the sources, and each print's
 * protocol traffic stays off the thread that assembles the bundle. The
 * thread starts at the first warmUp or print; its errors come back as the
 * same SanadErrors (code and message) ChromiumPrinter throws.
 */
import { Worker } from 'node:worker_threads';
import { SanadError } from '../errors.ts';
import type { PrintOptions, Printer } from './printer.ts';
import type { PrintReply, PrintRequest } from './print-worker.ts';

function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './print-worker-entry.mjs' : './print-worker.js', import.meta.url);
}

type Pending = { resolve: (pdf: Uint8Array) => void; reject: (e: Error) => void };

function errorOf(e: { name: string; code?: string; message: string }): Error {
  if (e.code === undefined) return new Error(e.message);
  const error = new SanadError(e.code, e.message);
  error.name = e.name;
  return error;
}

export class ThreadPrinter implements Printer {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped: Error | undefined;
  private exited: Promise<void> | undefined;
  private closed = false;

  /** Starts the thread without keeping the process alive for it (see prestartPrinterThread). */
  startUnreferenced(): void {
    this.thread().unref();
  }

  private thread(): Worker {
    if (this.closed) throw new Error('The printer was closed.');
    if (this.worker) {
      this.worker.ref();
      return this.worker;
    }
    const worker = new Worker(workerUrl());
    this.worker = worker;
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    const fail = (why: Error) => {
      this.stopped ??= why;
      for (const p of this.pending.values()) p.reject(why);
      this.pending.clear();
    };
    worker.on('message', (m: PrintReply) => {
      if (m.type !== 'printed' && m.type !== 'failed') return;
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.type === 'printed') p?.resolve(m.pdf);
      else p?.reject(errorOf(m.error));
    });
    worker.on('error', (e) => fail(new Error(`The printing thread failed: ${e instanceof Error ? e.message : String(e)}`)));
    worker.on('exit', (code) => fail(new Error(`The printing thread stopped (exit code ${code}).`)));
    return worker;
  }

  private post(m: PrintRequest): void {
    this.thread().postMessage(m);
  }

  printHtml(html: string, options: PrintOptions): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      try {
        const worker = this.thread();
        if (this.stopped) throw this.stopped;
        const id = this.nextId++;
        this.pending.set(id, { resolve, reject });
        worker.postMessage({ type: 'print', id, html, options } satisfies PrintRequest);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Starts the thread, and Chromium in it, ahead of the first print. */
  warmUp(): void {
    if (!this.closed && !this.stopped) this.post({ type: 'warm' });
  }

  /** Closes Chromium, then lets the thread end (terminating it if it does not within a few seconds). */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    if (!this.stopped) worker.postMessage({ type: 'close' } satisfies PrintRequest);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), CLOSE_GRACE_MS);
    });
    const how = await Promise.race([this.exited!.then(() => 'exited' as const), late]);
    clearTimeout(timer);
    if (how === 'late') await worker.terminate();
  }
}

/** How long close() waits for Chromium to close and the thread to end. */
const CLOSE_GRACE_MS = 10_000;

let prestarted: ThreadPrinter | undefined;

/**
 * Starts the printing thread before the command line has loaded (bin/sanad.js
 * does so for the verbs that print), so Playwright loads meanwhile on another
 * core. The thread does not hold the process open and launches nothing until
 * a command takes the printer (takePrestartedPrinter) and uses it: a command
 * that never prints leaves nothing behind.
 */
export function prestartPrinterThread(): void {
  if (prestarted) return;
  prestarted = new ThreadPrinter();
  prestarted.startUnreferenced();
}

/** The printer prestartPrinterThread started, once; undefined when there is none. */
export function takePrestartedPrinter(): ThreadPrinter | undefined {
  const p = prestarted;
  prestarted = undefined;
  return p;
}
