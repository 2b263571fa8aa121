/**
 * A workspace's library index over its life: opened (and rebuilt if need be)
 * on first use, reconciled with the source folders on disk, kept in step
 * after each write, and dropped and rebuilt when found damaged. The JSON
 * files are the truth; the index is derived from them (index-sync.ts).
 */
import { promises as fsp } from 'node:fs';
import type { LibraryIndex } from '../search/library-index.ts';
import { isCorruption } from '../search/library-index.ts';
import { openIndexFile, reconcile } from './index-sync.ts';
import type { StoreProblem } from './sources.ts';

/**
 * How often (at most) a read-only workspace's index is reconciled with the
 * folders, for changes other processes make. A workspace opened for writing
 * holds the write lock, so no other Sanad process changes it: its index is
 * reconciled when first used (and after a failed update), not every few
 * seconds, which at thousands of sources would cost a stat per folder on
 * every call.
 */
const RECONCILE_EVERY_MS = 2000;

export interface SyncOptions {
  writable: boolean;
  notice: (m: string) => void;
  problems: Map<string, StoreProblem>;
}

export class WorkspaceIndex {
  #index: LibraryIndex | undefined;
  #reconciledAt = 0;
  #opening: Promise<LibraryIndex> | undefined;
  /** Source folders whose source.json could not be read, as the last reconcile found them. */
  readonly problems = new Map<string, StoreProblem>();

  constructor(
    private readonly dir: string,
    private readonly readOnly: () => boolean,
    private readonly notice: (message: string) => void,
  ) {}

  syncOptions(): SyncOptions {
    return { writable: !this.readOnly(), notice: this.notice, problems: this.problems };
  }

  /** The index, opened and reconciled when needed. */
  get(): Promise<LibraryIndex> {
    // One opening or reconcile at a time: callers that come meanwhile (the app's first screen
    // asks for counts and rows at once) share it. Each used to open its own connection (all but
    // the last left open) and walk every source folder again.
    if (!this.#opening) {
      const run = this.#open().finally(() => {
        if (this.#opening === run) this.#opening = undefined;
      });
      this.#opening = run;
    }
    return this.#opening;
  }

  async #open(): Promise<LibraryIndex> {
    if (!this.#index) {
      this.#index = await openIndexFile(this.dir, this.notice);
      this.#reconciledAt = 0;
    }
    if (this.#reconciledAt === 0 || (this.readOnly() && Date.now() - this.#reconciledAt > RECONCILE_EVERY_MS)) {
      try {
        await reconcile(this.dir, this.#index, this.syncOptions());
      } catch (e) {
        if (!isCorruption(e)) throw e;
        // Damaged while open: start again from an empty index.
        await this.#drop();
        return this.#open();
      }
      this.#reconciledAt = Date.now();
    }
    return this.#index;
  }

  /** Closes the connection and removes the index files (rebuilt on next use). */
  async #drop(): Promise<void> {
    this.#index?.close();
    this.#index = undefined;
    await fsp.rm(`${this.dir}/index`, { recursive: true, force: true });
  }

  /**
   * Runs an index update after a JSON write. The JSON is the truth, so a
   * failing update never fails the mutation: the index is marked stale for
   * that source and the next reconcile redoes it.
   */
  async afterWrite(update: (index: LibraryIndex) => Promise<void> | void, sourceId?: string): Promise<void> {
    try {
      await update(await this.get());
    } catch (e) {
      try {
        if (sourceId) this.#index?.setStamp(sourceId, 'stale');
      } catch {
        // The index itself is unusable; the next open rebuilds it.
      }
      this.#reconciledAt = 0;
      if (isCorruption(e)) await this.#drop();
    }
  }

  /** Closes the index, after an opening under way (so its connection is closed too). */
  async close(): Promise<void> {
    await this.#opening?.catch(() => undefined);
    this.#index?.close();
    this.#index = undefined;
  }
}
