/**
 * What every command shares: the workspace location, JSON or human output,
 * progress on stderr, a lazily started printer, and argument parsing helpers
 * whose errors say which option was wrong and how to write it.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { InvalidInputError } from '../errors.ts';
import { isPartialDate } from '../model/vocabulary.ts';
import type { Printer } from '../print/printer.ts';
import { takePrestartedPrinter, ThreadPrinter } from '../print/thread-printer.ts';
import type { Workspace } from '../store/index.ts';

export interface GlobalOptions {
  workspace?: string;
  json?: boolean;
}

export class CliContext {
  private printerInstance: ThreadPrinter | undefined;
  private opened: Workspace[] = [];

  constructor(
    readonly options: GlobalOptions,
    readonly stdout: NodeJS.WritableStream = process.stdout,
    readonly stderr: NodeJS.WritableStream = process.stderr,
  ) {}

  get json(): boolean {
    return this.options.json === true;
  }

  get workspaceDir(): string {
    return resolve(this.options.workspace ?? process.env.SANAD_WORKSPACE ?? join(homedir(), 'Sanad'));
  }

  async workspace(mode: 'read' | 'write'): Promise<Workspace> {
    const { openWorkspace } = await import('../store/index.ts');
    const ws = await openWorkspace(this.workspaceDir, { readOnly: mode === 'read' });
    ws.onNotice = (message) => this.info(message);
    this.opened.push(ws);
    return ws;
  }

  get printer(): Printer {
    // Chromium and its driver start on their own thread at the first warmUp or print (the
    // thread itself may have been started already, by bin/sanad.js).
    this.printerInstance ??= takePrestartedPrinter() ?? new ThreadPrinter();
    return this.printerInstance;
  }

  /** The command's result: JSON on stdout with --json, else the human text. */
  result(value: unknown, human: string | (() => string)): void {
    this.stdout.write(this.json ? `${JSON.stringify(value, null, 2)}\n` : `${typeof human === 'function' ? human() : human}\n`);
  }

  /** Messages and progress: always stderr, so stdout stays machine-readable. */
  info(message: string): void {
    this.stderr.write(`${message}\n`);
  }

  progress(label: string, done: number, total: number): void {
    const stream = this.stderr as NodeJS.WriteStream;
    const line = `${label} ${done}/${total}`;
    if (stream.isTTY) stream.write(`\r${line}${done >= total ? '\n' : ''}`);
    else if (done === total || done === 1 || done % 50 === 0) stream.write(`${line}\n`);
  }

  /**
   * Closes the printer (Chromium and its thread) now; close() waits for it. A command that has
   * printed its last page calls it early, so the shutdown runs beside its remaining work.
   */
  closePrinter(): Promise<void> {
    const p = this.printerInstance;
    this.printerInstance = undefined;
    if (p) this.printerClosing.push(p.close());
    return Promise.all(this.printerClosing).then(() => undefined);
  }

  private readonly printerClosing: Array<Promise<void>> = [];

  async close(): Promise<void> {
    for (const ws of this.opened.splice(0)) await ws.close();
    await this.closePrinter();
  }
}

/** Validates a date option: YYYY, YYYY-MM or YYYY-MM-DD. */
export function dateOption(name: string, value: string | undefined, dayOnly = false): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  const ok = isPartialDate(v) && (!dayOnly || /^\d{4}-\d{2}-\d{2}$/.test(v));
  if (!ok) {
    throw new InvalidInputError(`${name} expects a date as ${dayOnly ? 'YYYY-MM-DD' : 'YYYY, YYYY-MM or YYYY-MM-DD'}, not "${value}".`);
  }
  return v;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
