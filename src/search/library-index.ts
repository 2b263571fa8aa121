/**
 * The library's persistent full-text and excerpt index: one SQLite file
 * (FTS5, through better-sqlite3) in the workspace. It holds every page's text
 * for ranked search with snippets, and every excerpt for listing and
 * filtering without reading every file. It is derived data, never the source
 * of truth: src/store/index-sync.ts rebuilds it when it is missing, corrupt
 * or of another schema version, and updates it inside every mutation.
 * better-sqlite3 is loaded on first use, so commands that never search do
 * not pay for the native module.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type { Excerpt, PageText, SourceMeta } from '../model/index.ts';
import { parseSearchQuery, snippetQuery } from './query.ts';
import { excerptQuery, foldText, pageFilters, SCHEMA, type IndexedExcerptFilter, type SearchOptions } from './index-sql.ts';

export { foldText, type IndexedExcerptFilter, type SearchOptions } from './index-sql.ts';

/**
 * How many matching pages a search scores at most: the most recently indexed
 * ones. A query matching fewer pages (after its filters) is ranked exactly; a
 * broader one (a word on most pages of a large library) is ranked among the
 * newest RANK_POOL matches, so a search costs the same at 40 or 4,000 sources.
 */
export const RANK_POOL = 1000;

/**
 * Pages in the recent tier: the newest pages of the library indexed a second
 * time, on their own (`recent_pages`, contentless: no second copy of the
 * text). A search's pool is the newest RANK_POOL matches; when the tier holds
 * that many, they are the very pages the whole index would pool, and the
 * search runs there: finding them and bm25's count of matching pages (its
 * IDF, which FTS5 takes by reading every match in the table) then cost the
 * same at 40 or 4,000 sources. Only a query with fewer matches among the
 * newest pages searches the whole index, and its cost is that of its
 * matches. Twice the pool, so a word on half the pages still fills it there.
 */
export const RECENT_PAGES = 2 * RANK_POOL;

/** Bumped whenever the tables below change: an index of another version is rebuilt. */
export const INDEX_SCHEMA_VERSION = 3;

/** The full-text index is merged when the pages indexed since its last merge reach this share of it… */
const MERGE_GROWTH = 1.25;
/** …and at least this many. */
const MERGE_MIN_PAGES = 2000;

export interface SearchHit {
  sourceId: string;
  title: string;
  page: number;
  snippet: string;
  score: number;
}

export interface IndexedSource {
  meta: SourceMeta;
  /** Folder stamp (see index-sync): when it differs from the folder's, the source is re-indexed. */
  stamp: string;
}

type Database = BetterSqlite3.Database;

/** A ranked result row, before its snippet. */
interface Row {
  id: number;
  sourceId: string;
  title: string;
  page: number;
  rank: number;
}

let driver: typeof BetterSqlite3 | undefined;
function sqlite(): typeof BetterSqlite3 {
  driver ??= createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  return driver;
}

/** Thrown by open() when the file is not an index this Sanad can use (the caller rebuilds it). */
export class UnusableIndexError extends Error {}

/** Is this a SQLite error saying the file is damaged or not a database? */
export function isCorruption(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

export interface IndexOptions {
  /** Size of the recent tier (default RECENT_PAGES; tests use small ones). */
  recentPages?: number;
}

export class LibraryIndex {
  readonly file: string;
  readonly #db: Database;
  readonly #recentPages: number;

  /** Prepared statements by SQL text, compiled once per connection. */
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  private constructor(file: string, db: Database, options: IndexOptions) {
    this.file = file;
    this.#db = db;
    this.#recentPages = Math.max(1, options.recentPages ?? RECENT_PAGES);
  }

  #stmt(sql: string): BetterSqlite3.Statement {
    let stmt = this.#statements.get(sql);
    if (!stmt) {
      stmt = this.#db.prepare(sql);
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }

  /** Opens (creating when absent) the index at `file`; UnusableIndexError when it is damaged or of another version. */
  static open(file: string, options: IndexOptions = {}): LibraryIndex {
    let db: Database | undefined;
    try {
      db = new (sqlite())(file, { timeout: 10_000 });
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
      if (hasMeta) {
        const row = db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string } | undefined;
        if (row?.value !== String(INDEX_SCHEMA_VERSION)) throw new UnusableIndexError(`index schema ${row?.value ?? 'unknown'}, expected ${INDEX_SCHEMA_VERSION}`);
        // A cheap structural probe: reading every table's first row fails on most damage.
        db.prepare('SELECT count(*) FROM sources').get();
        db.prepare("SELECT * FROM pages WHERE pages MATCH 'sanadprobe' LIMIT 1").all();
        db.prepare("SELECT rowid FROM recent_pages WHERE recent_pages MATCH 'sanadprobe' LIMIT 1").all();
      } else {
        db.exec(SCHEMA);
        db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)").run(String(INDEX_SCHEMA_VERSION));
      }
      return new LibraryIndex(file, db, options);
    } catch (e) {
      db?.close();
      if (e instanceof UnusableIndexError) throw e;
      if (isCorruption(e)) throw new UnusableIndexError(`damaged (${(e as Error).message})`);
      throw e;
    }
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  /** Runs `fn` in one transaction (a whole re-index is atomic and fast). */
  transaction<T>(fn: () => T): T {
    return this.#db.transaction(fn)();
  }

  /** id → stamp of every indexed source. */
  stamps(): Map<string, string> {
    const rows = this.#stmt('SELECT id, stamp FROM sources').all() as { id: string; stamp: string }[];
    return new Map(rows.map((r) => [r.id, r.stamp]));
  }

  /** Puts a source: its metadata, and its pages when given (otherwise the indexed pages stay). */
  putSource(entry: IndexedSource, pages?: PageText[]): void {
    const { meta } = entry;
    const caseSlug = meta.scope.kind === 'case' ? meta.scope.slug : null;
    this.transaction(() => {
      this.#stmt('INSERT OR REPLACE INTO sources (id, case_slug, title, type, format, published, stamp, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(meta.id, caseSlug, meta.title, meta.type, meta.format, meta.published ?? null, entry.stamp, JSON.stringify(meta));
      if (pages) {
        this.#deletePages(meta.id);
        const insert = this.#stmt('INSERT INTO pages (rowid, title, text, source_id, page) VALUES (?, ?, ?, ?, ?)');
        const recent = this.#stmt('INSERT INTO recent_pages (rowid, title, text) VALUES (?, ?, ?)');
        const remember = this.#stmt('INSERT INTO page_rows (row, source_id) VALUES (?, ?)');
        // Rows only ever grow (never reused after a delete), so new pages are always the newest:
        // they join the recent tier, which holds every row from its cut-off on (while the tier is
        // held, releaseRecent() adds them).
        let row = this.#nextRow();
        // Inside bulk(), the first new page starts the hold.
        if (this.#holds > 0 && this.#meta('recent_held_from') === 0) this.#setMeta('recent_held_from', row);
        const held = this.#meta('recent_held_from') > 0;
        for (const p of pages) {
          const id = BigInt(row++);
          insert.run(id, meta.title, p.text, meta.id, p.page);
          if (!held) recent.run(id, meta.title, p.text);
          remember.run(id, meta.id);
        }
        this.#setMeta('next_row', row);
        if (!held) this.#fitRecent();
      } else {
        const retitle = this.#stmt('UPDATE pages SET title = ? WHERE rowid = ?');
        for (const row of this.#pageRows(meta.id)) {
          retitle.run(meta.title, row);
          if (this.#inTier(row)) this.#reindexRecent(row);
        }
      }
    });
    if (pages) this.#mergeWhenGrown();
  }

  /** Replaces the excerpts indexed for a source. */
  putExcerpts(sourceId: string, list: Excerpt[]): void {
    const row = this.#stmt('SELECT case_slug FROM sources WHERE id = ?').get(sourceId) as { case_slug: string | null } | undefined;
    const caseSlug = row?.case_slug ?? null;
    this.transaction(() => {
      this.#stmt('DELETE FROM excerpts WHERE source_id = ?').run(sourceId);
      this.#stmt('DELETE FROM excerpt_tags WHERE source_id = ?').run(sourceId);
      const insert = this.#stmt('INSERT OR REPLACE INTO excerpts (id, source_id, case_slug, page, start, event_date, places, words, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
      const tag = this.#stmt('INSERT OR IGNORE INTO excerpt_tags (excerpt_id, tag_id, source_id) VALUES (?, ?, ?)');
      for (const e of list) {
        insert.run(e.id, sourceId, caseSlug, e.page, e.position.start, e.eventDate ?? null, e.places.map(foldText).join('\u001f'), foldText(`${e.quote.exact} ${e.note ?? ''}`), JSON.stringify(e));
        for (const t of e.tags) tag.run(e.id, t, sourceId);
      }
    });
  }

  stampOf(sourceId: string): string | undefined {
    return (this.#stmt('SELECT stamp FROM sources WHERE id = ?').get(sourceId) as { stamp: string } | undefined)?.stamp;
  }

  setStamp(sourceId: string, stamp: string): void {
    this.#stmt('UPDATE sources SET stamp = ? WHERE id = ?').run(stamp, sourceId);
  }

  removeSource(id: string): void {
    this.transaction(() => {
      this.#deletePages(id);
      for (const table of ['sources WHERE id', 'excerpts WHERE source_id', 'excerpt_tags WHERE source_id']) {
        this.#stmt(`DELETE FROM ${table} = ?`).run(id);
      }
      if (this.#meta('recent_held_from') === 0) this.#fitRecent();
    });
  }

  /** Is this row in the recent tier (from the cut-off on, and not added while the tier is held)? */
  #inTier(row: bigint | number): boolean {
    const held = this.#meta('recent_held_from');
    return row >= this.#meta('recent_from') && (held === 0 || row < held);
  }

  /** Holds taken by this connection (see bulk). */
  #holds = 0;

  /**
   * Runs `fn` (many imports, a rebuild) with the recent tier held from its
   * first new page on: new pages are not added to it one by one (and trimmed
   * again and again), but once, when the last hold ends. Meanwhile every search reads the whole index:
   * the held state is in the file, so other connections see it too, and a
   * hold left by a crash ends at the next reconcile.
   */
  async bulk<T>(fn: () => Promise<T>): Promise<T> {
    this.#holds++;
    try {
      return await fn();
    } finally {
      if (--this.#holds === 0 && this.#meta('recent_held_from') > 0) this.transaction(() => this.#releaseRecent());
    }
  }

  /** Ends a hold: the tier becomes exactly the newest #recentPages rows again. */
  #releaseRecent(): void {
    const held = this.#meta('recent_held_from');
    if (held === 0) return;
    const from = this.#meta('recent_from');
    const nth = this.#stmt('SELECT row FROM page_rows ORDER BY row DESC LIMIT 1 OFFSET ?').safeIntegers(true).get(this.#recentPages - 1) as { row: bigint } | undefined;
    const cut = nth ? Number(nth.row) : 0;
    const rows = (lo: number, hi: number) =>
      (this.#stmt('SELECT row FROM page_rows WHERE row >= ? AND row < ?').safeIntegers(true).all(lo, hi) as { row: bigint }[]).map((r) => r.row);
    const drop = this.#stmt('DELETE FROM recent_pages WHERE rowid = ?');
    const add = this.#stmt('INSERT INTO recent_pages (rowid, title, text) SELECT rowid, title, text FROM pages WHERE rowid = ?');
    // In the tier now: rows in [from, held). Wanted: rows from `cut` on.
    if (cut > from) for (const row of rows(from, Math.min(cut, held))) drop.run(row);
    if (cut < from) for (const row of rows(cut, from)) add.run(row);
    for (const row of rows(Math.max(cut, held), Number.MAX_SAFE_INTEGER)) add.run(row);
    this.#setMeta('recent_from', cut);
    this.#setMeta('recent_held_from', 0);
  }

  #meta(key: string): number {
    return Number((this.#stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? 0);
  }

  #setMeta(key: string, value: number): void {
    this.#stmt('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, String(value));
  }

  /** The next page row: above every row there ever was (a deleted row's number is not given again). */
  #nextRow(): number {
    return Math.max(this.#meta('next_row'), this.#topRow() + 1, 1);
  }

  /** Puts one page row (already in `pages`) into the recent tier again, with its current title. */
  #reindexRecent(row: bigint): void {
    this.#stmt('DELETE FROM recent_pages WHERE rowid = ?').run(row);
    this.#stmt('INSERT INTO recent_pages (rowid, title, text) SELECT rowid, title, text FROM pages WHERE rowid = ?').run(row);
  }

  /**
   * Keeps the recent tier at about #recentPages rows: every page row from
   * `recent_from` on is in it, none before (what search() relies on). Moves
   * the cut-off, dropping the oldest rows or taking older ones back in, only
   * when the tier is off its size by more than a quarter.
   */
  #fitRecent(): void {
    const from = this.#meta('recent_from');
    const count = Number((this.#stmt('SELECT count(*) AS n FROM page_rows WHERE row >= ?').get(from) as { n: number }).n);
    const slack = Math.ceil(this.#recentPages / 4);
    const older = from > 0 && this.#stmt('SELECT 1 FROM page_rows WHERE row < ? LIMIT 1').get(from) !== undefined;
    if (count <= this.#recentPages + slack && (count >= this.#recentPages - slack || !older)) return;
    const nth = this.#stmt('SELECT row FROM page_rows ORDER BY row DESC LIMIT 1 OFFSET ?').safeIntegers(true).get(this.#recentPages - 1) as { row: bigint } | undefined;
    const cut = nth ? Number(nth.row) : 0;
    const rows = (lo: number, hi: number) =>
      (this.#stmt('SELECT row FROM page_rows WHERE row >= ? AND row < ?').safeIntegers(true).all(lo, hi) as { row: bigint }[]).map((r) => r.row);
    if (cut > from) {
      const drop = this.#stmt('DELETE FROM recent_pages WHERE rowid = ?');
      for (const row of rows(from, cut)) drop.run(row);
    } else if (cut < from) {
      const add = this.#stmt('INSERT INTO recent_pages (rowid, title, text) SELECT rowid, title, text FROM pages WHERE rowid = ?');
      for (const row of rows(cut, from)) add.run(row);
    }
    this.#setMeta('recent_from', cut);
  }

  /**
   * The full-text rows of a source's pages. FTS5 has no index on its
   * UNINDEXED columns: `WHERE source_id = ?` on `pages` reads every page of
   * the library (a full re-index of 1,000 sources took a minute that way),
   * so page_rows maps each source to its rows and rows are reached by rowid.
   */
  #pageRows(sourceId: string): bigint[] {
    return (this.#stmt('SELECT row FROM page_rows WHERE source_id = ?').safeIntegers(true).all(sourceId) as { row: bigint }[]).map((r) => r.row);
  }

  #deletePages(sourceId: string): void {
    const drop = this.#stmt('DELETE FROM pages WHERE rowid = ?');
    const dropRecent = this.#stmt('DELETE FROM recent_pages WHERE rowid = ?');
    for (const row of this.#pageRows(sourceId)) {
      drop.run(row);
      if (this.#inTier(row)) dropRecent.run(row);
    }
    this.#stmt('DELETE FROM page_rows WHERE source_id = ?').run(sourceId);
  }

  /**
   * Ranked full-text search; user input never reaches FTS5 unquoted (see query.ts).
   * The work is bounded whatever the library's size: the filters run inside
   * SQLite, only the RANK_POOL most recently indexed matching pages are scored
   * (every one of them when fewer match: exact bm25 ranking), SQLite keeps the
   * top `limit` by rank, and snippets are cut for those rows only.
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const match = parseSearchQuery(query);
    if (!match) return [];
    const recent = this.#searchRecent(match, options);
    this.lastSearchedTier = recent ? 'recent' : 'all';
    const rows = recent ?? this.#searchAll(match, options);
    return rows.map((r) => ({
      sourceId: r.sourceId,
      title: r.title,
      page: Number(r.page),
      snippet: this.#snippet(query, match, r.id).replace(/\s+/g, ' ').trim(),
      score: Math.round(-r.rank * 1000) / 1000,
    }));
  }

  /**
   * The ranked page of results from the recent tier, when the newest matching
   * pages fill the pool there (or the tier holds every page): the same pool
   * the whole index gives, ranked by bm25 with the tier's statistics (the
   * same order for one word or phrase; for several, the words' weights as the
   * newest pages have them). Undefined when the whole index must be searched.
   */
  #searchRecent(match: string, options: SearchOptions): Row[] | undefined {
    if (this.#meta('recent_held_from') > 0) return undefined;
    const { where, params } = pageFilters(match, options, 'recent_pages');
    const pool = this.#stmt(
      `SELECT recent_pages.rowid AS id, bm25(recent_pages, 2.0, 1.0) AS rank
       FROM recent_pages JOIN page_rows ON page_rows.row = recent_pages.rowid
       WHERE ${where.join(' AND ')} ORDER BY recent_pages.rowid DESC LIMIT ?`,
    ).all(...params, RANK_POOL) as { id: number; rank: number }[];
    const from = this.#meta('recent_from');
    const whole = from === 0 || this.#stmt('SELECT 1 FROM page_rows WHERE row < ? LIMIT 1').get(from) === undefined;
    if (pool.length < RANK_POOL && !whole) return undefined;
    pool.sort((a, b) => a.rank - b.rank || a.id - b.id);
    const offset = options.offset ?? 0;
    const details = this.#stmt('SELECT source_id AS sourceId, title, page FROM pages WHERE rowid = ?');
    return pool.slice(offset, offset + (options.limit ?? 50)).map((r) => {
      const d = details.get(BigInt(r.id)) as { sourceId: string; title: string; page: number };
      return { ...d, id: r.id, rank: r.rank };
    });
  }

  /** The ranked page of results from the whole index (the newest RANK_POOL matches scored). */
  #searchAll(match: string, options: SearchOptions): Row[] {
    const { where, params } = pageFilters(match, options);
    params.push(RANK_POOL, options.limit ?? 50, options.offset ?? 0);
    // bm25() is computed only for the rows the inner query yields (newest first, at most RANK_POOL).
    return this.#stmt(
      `SELECT id, sourceId, title, page, rank FROM (
         SELECT rowid AS id, source_id AS sourceId, title, page, bm25(pages, 2.0, 1.0) AS rank
         FROM pages WHERE ${where.join(' AND ')} ORDER BY rowid DESC LIMIT ?)
       ORDER BY rank, id LIMIT ? OFFSET ?`,
    ).all(...params) as Row[];
  }

  /**
   * The snippet of one page (by rowid) around the query's matches. The rowid
   * is bound as a BigInt: FTS5 ignores a rowid constraint bound as a double
   * (what a JS number binds as) and answers the first match instead.
   */
  #snippet(query: string, match: string, id: number): string {
    const rowid = BigInt(id);
    const sql = "SELECT snippet(pages, 1, '', '', '…', 24) AS snippet FROM pages WHERE pages MATCH ? AND rowid = ?";
    const cut = (expr: string) => (this.#stmt(sql).get(expr, rowid) as { snippet: string } | undefined)?.snippet;
    if (/"\*/.test(match)) {
      // A prefix: match the page's own words instead (see snippetQuery).
      const text = (this.#stmt('SELECT text FROM pages WHERE rowid = ?').get(rowid) as { text: string } | undefined)?.text ?? '';
      const expanded = snippetQuery(query, text);
      const got = expanded ? cut(expanded) : undefined;
      if (got !== undefined) return got;
    }
    return cut(match) ?? '';
  }

  /** Indexed metadata of the sources in a scope (library first is the caller's business). */
  sources(scope: { caseSlug?: string; all?: boolean } = {}): SourceMeta[] {
    const sql = scope.all ? 'SELECT json FROM sources' : 'SELECT json FROM sources WHERE case_slug IS NULL OR case_slug = ?';
    const rows = (scope.all ? this.#stmt(sql).all() : this.#stmt(sql).all(scope.caseSlug ?? null)) as { json: string }[];
    return rows.map((r) => JSON.parse(r.json) as SourceMeta);
  }

  /** Sources indexed, every scope. */
  sourceCount(): number {
    return Number((this.#stmt('SELECT count(*) AS n FROM sources').get() as { n: number }).n);
  }

  /** One indexed source's metadata. */
  source(id: string): SourceMeta | undefined {
    const row = this.#stmt('SELECT json FROM sources WHERE id = ?').get(id) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as SourceMeta) : undefined;
  }

  /** Titles of these sources (those indexed). */
  titles(ids: Iterable<string>): Map<string, string> {
    const stmt = this.#stmt('SELECT title FROM sources WHERE id = ?');
    const out = new Map<string, string>();
    for (const id of new Set(ids)) {
      const row = stmt.get(id) as { title: string } | undefined;
      if (row) out.set(id, row.title);
    }
    return out;
  }

  /** Excerpts of one source. */
  excerptCount(sourceId: string): number {
    return Number((this.#stmt('SELECT count(*) AS n FROM excerpts WHERE source_id = ?').get(sourceId) as { n: number }).n);
  }

  /** Excerpt count per source id. */
  excerptCounts(): Map<string, number> {
    const rows = this.#stmt('SELECT source_id AS id, count(*) AS n FROM excerpts GROUP BY source_id').all() as { id: string; n: number }[];
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }

  excerptById(id: string): Excerpt | undefined {
    const row = this.#stmt('SELECT json FROM excerpts WHERE id = ?').get(id) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as Excerpt) : undefined;
  }

  /** Excerpts matching the filter, ordered by source, page and position. */
  excerpts(filter: IndexedExcerptFilter = {}): Excerpt[] {
    const { sql, params } = excerptQuery(filter);
    return (this.#stmt(sql).all(...params) as { json: string }[]).map((r) => JSON.parse(r.json) as Excerpt);
  }

  /**
   * Merges the full-text index into one segment and drops the entries of
   * deleted pages. Re-indexing many sources leaves FTS5 with many segments
   * full of those, which made a search several times slower.
   */
  optimize(): void {
    this.#db.exec("INSERT INTO pages(pages) VALUES('optimize')");
    this.#db.exec("INSERT INTO recent_pages(recent_pages) VALUES('optimize')");
    this.#stmt("INSERT OR REPLACE INTO meta (key, value) VALUES ('merged_at_row', ?)").run(String(this.#topRow()));
  }

  #topRow(): number {
    return Number((this.#stmt('SELECT max(row) AS top FROM page_rows').get() as { top: number | bigint | null }).top ?? 0);
  }

  /**
   * A library grows one import at a time, and FTS5 keeps each import's pages
   * as a new segment (merging only four of a level at a time): at 1,000
   * sources a search read several times more segments than a merged index
   * has, and took 2.5–3.5× as long. Merge whenever the pages indexed since the
   * last merge reach a quarter of the index (and at least MERGE_MIN_PAGES):
   * each merge costs in proportion to the index, so the merging of a growing
   * library adds up to a few times its final size, a fraction of a second
   * now and then (0.6 s at 25,000 pages).
   */
  #mergeWhenGrown(): void {
    const at = Number((this.#stmt("SELECT value FROM meta WHERE key = 'merged_at_row'").get() as { value: string } | undefined)?.value ?? 0);
    const top = this.#topRow();
    if (top - at >= MERGE_MIN_PAGES && top >= at * MERGE_GROWTH) this.optimize();
  }

  /** Which pages the last search read: the recent tier or the whole index (for tests and diagnostics). */
  lastSearchedTier: 'recent' | 'all' | undefined;

  /** The recent tier's first row and size (for tests). */
  get recentTier(): { from: number; size: number } {
    return { from: this.#meta('recent_from'), size: Number((this.#stmt('SELECT count(*) AS n FROM recent_pages').get() as { n: number }).n) };
  }

  /** Segments of the full-text index (for tests). */
  get segments(): number {
    return Number((this.#stmt('SELECT count(*) AS n FROM pages_data').get() as { n: number }).n);
  }

  /** Pages indexed (for tests and the bench). */
  get size(): number {
    return Number((this.#stmt('SELECT count(*) AS n FROM pages').get() as { n: number }).n);
  }
}
