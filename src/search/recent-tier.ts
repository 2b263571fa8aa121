/**
 * The library index's recent tier (`recent_pages`): the newest pages indexed
 * a second time, on their own, in a contentless FTS5 table (no second copy of
 * the text). A search's pool is the newest RANK_POOL matches; when the tier
 * holds that many, they are the very pages the whole index would pool, and
 * the search runs there: finding them and bm25's count of matching pages (its
 * IDF, which FTS5 takes by reading every match in the table) then cost the
 * same at 40 or 4,000 sources. Only a query with fewer matches among the
 * newest pages searches the whole index, and its cost is that of its matches.
 *
 * The invariant search relies on: the tier holds every page row from its
 * cut-off (meta `recent_from`) on, and none before, except while it is held
 * (meta `recent_held_from`: rows from there on are not in it yet, and no
 * search uses it). Page rows only grow (library-index.ts), so new pages are
 * always the newest.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { pageFilters, type SearchOptions } from './index-sql.ts';

/** What the tier needs of its index's connection. */
export interface TierStore {
  stmt(sql: string): BetterSqlite3.Statement;
  meta(key: string): number;
  setMeta(key: string, value: number): void;
  transaction<T>(fn: () => T): T;
}

const NO_END = Number.MAX_SAFE_INTEGER;

export class RecentTier {
  /** Holds taken through this connection (see bulk). */
  #holds = 0;

  constructor(
    private readonly db: TierStore,
    /** Rows the tier keeps (give or take a quarter between refits). */
    private readonly size: number,
  ) {}

  get #from(): number {
    return this.db.meta('recent_from');
  }

  get #held(): number {
    return this.db.meta('recent_held_from');
  }

  /**
   * Before new pages from row `first` on are added: inside bulk() the first
   * of them starts the hold. Answers whether to add them to the tier now.
   */
  admits(first: number): boolean {
    if (this.#holds > 0 && this.#held === 0) this.db.setMeta('recent_held_from', first);
    return this.#held === 0;
  }

  add(row: bigint, title: string, text: string): void {
    this.db.stmt('INSERT INTO recent_pages (rowid, title, text) VALUES (?, ?, ?)').run(row, title, text);
  }

  /** Is this row in the tier (from the cut-off on, and not added while the tier is held)? */
  has(row: bigint | number): boolean {
    const held = this.#held;
    return row >= this.#from && (held === 0 || row < held);
  }

  /** Drops a row being deleted from the index. */
  drop(row: bigint): void {
    if (this.has(row)) this.db.stmt('DELETE FROM recent_pages WHERE rowid = ?').run(row);
  }

  /** Puts a row again, with its current title (already changed in `pages`). */
  retitle(row: bigint): void {
    if (!this.has(row)) return;
    this.db.stmt('DELETE FROM recent_pages WHERE rowid = ?').run(row);
    this.#addFromPages(row);
  }

  /**
   * After rows were added or removed: moves the cut-off, dropping the oldest
   * rows or taking older ones back in, when the tier is off its size by more
   * than a quarter (never while it is held).
   */
  fit(): void {
    if (this.#held !== 0) return;
    const from = this.#from;
    const count = Number((this.db.stmt('SELECT count(*) AS n FROM page_rows WHERE row >= ?').get(from) as { n: number }).n);
    const slack = Math.ceil(this.size / 4);
    if (count <= this.size + slack && (count >= this.size - slack || !this.#olderThan(from))) return;
    this.#retier(from, NO_END);
  }

  /**
   * Runs `fn` (many imports, a rebuild) with the tier held from its first new
   * page on: new pages are not added one by one (and trimmed again and
   * again), but once, when the last hold ends. Meanwhile every search reads
   * the whole index: the held state is in the file, so other connections see
   * it too, and a hold left by a crash ends at the next reconcile.
   */
  async bulk<T>(fn: () => Promise<T>): Promise<T> {
    this.#holds++;
    try {
      return await fn();
    } finally {
      if (--this.#holds === 0 && this.#held > 0) {
        this.db.transaction(() => {
          this.#retier(this.#from, this.#held);
          this.db.setMeta('recent_held_from', 0);
        });
      }
    }
  }

  /**
   * The pool of a search from the tier (newest first, at most `pool` rows
   * with their bm25 rank), or undefined when the tier cannot answer: held, or
   * with fewer matches than the pool while older pages exist.
   */
  pool(match: string, options: SearchOptions, pool: number): { id: number; rank: number }[] | undefined {
    if (this.#held > 0) return undefined;
    const { where, params } = pageFilters(match, options, 'recent_pages');
    const rows = this.db.stmt(
      `SELECT recent_pages.rowid AS id, bm25(recent_pages, 2.0, 1.0) AS rank
       FROM recent_pages JOIN page_rows ON page_rows.row = recent_pages.rowid
       WHERE ${where.join(' AND ')} ORDER BY recent_pages.rowid DESC LIMIT ?`,
    ).all(...params, pool) as { id: number; rank: number }[];
    return rows.length >= pool || !this.#olderThan(this.#from) ? rows : undefined;
  }

  /** The cut-off and the rows in the tier (for tests). */
  get info(): { from: number; size: number } {
    return { from: this.#from, size: Number((this.db.stmt('SELECT count(*) AS n FROM recent_pages').get() as { n: number }).n) };
  }

  #olderThan(row: number): boolean {
    return row > 0 && this.db.stmt('SELECT 1 FROM page_rows WHERE row < ? LIMIT 1').get(row) !== undefined;
  }

  #addFromPages(row: bigint): void {
    this.db.stmt('INSERT INTO recent_pages (rowid, title, text) SELECT rowid, title, text FROM pages WHERE rowid = ?').run(row);
  }

  /** Makes the tier the newest `size` rows, when it now holds the rows in [from, upTo). */
  #retier(from: number, upTo: number): void {
    const nth = this.db.stmt('SELECT row FROM page_rows ORDER BY row DESC LIMIT 1 OFFSET ?').safeIntegers(true).get(this.size - 1) as { row: bigint } | undefined;
    const cut = nth ? Number(nth.row) : 0;
    const rows = (lo: number, hi: number) =>
      (this.db.stmt('SELECT row FROM page_rows WHERE row >= ? AND row < ?').safeIntegers(true).all(lo, hi) as { row: bigint }[]).map((r) => r.row);
    const drop = this.db.stmt('DELETE FROM recent_pages WHERE rowid = ?');
    if (cut > from) for (const row of rows(from, Math.min(cut, upTo))) drop.run(row);
    if (cut < from) for (const row of rows(cut, from)) this.#addFromPages(row);
    if (upTo < NO_END) for (const row of rows(Math.max(cut, upTo), NO_END)) this.#addFromPages(row);
    this.db.setMeta('recent_from', cut);
  }
}
