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
import { excerptQuery, foldText, SCHEMA, type IndexedExcerptFilter, type SearchOptions } from './index-sql.ts';
import { RecentTier } from './recent-tier.ts';
import { rankedSearch, type SearchHit } from './ranked.ts';

export { foldText, type IndexedExcerptFilter, type SearchOptions } from './index-sql.ts';
export type { SearchHit } from './ranked.ts';

/**
 * How many matching pages a search scores at most: the most recently indexed
 * ones. A query matching fewer pages (after its filters) is ranked exactly; a
 * broader one (a word on most pages of a large library) is ranked among the
 * newest RANK_POOL matches, so a search costs the same at 40 or 4,000 sources.
 */
export const RANK_POOL = 1000;

/**
 * Pages in the recent tier (recent-tier.ts), where a broad search runs at a
 * cost that does not grow with the library: twice the pool, so a word on
 * half the pages still fills the pool there.
 */
export const RECENT_PAGES = 2 * RANK_POOL;

/** Bumped whenever the tables below change: an index of another version is rebuilt. */
export const INDEX_SCHEMA_VERSION = 3;

/** The full-text index is merged when the pages indexed since its last merge reach this share of it… */
const MERGE_GROWTH = 1.25;
/** …and at least this many. */
const MERGE_MIN_PAGES = 2000;

export interface IndexedSource {
  meta: SourceMeta;
  /** Folder stamp (see index-sync): when it differs from the folder's, the source is re-indexed. */
  stamp: string;
}

type Database = BetterSqlite3.Database;

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
  readonly #tier: RecentTier;

  /** Prepared statements by SQL text, compiled once per connection. */
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  private constructor(file: string, db: Database, options: IndexOptions) {
    this.file = file;
    this.#db = db;
    this.#tier = new RecentTier(
      { stmt: (sql) => this.#stmt(sql), meta: (key) => this.#meta(key), setMeta: (key, value) => this.#setMeta(key, value), transaction: (fn) => this.transaction(fn) },
      Math.max(1, options.recentPages ?? RECENT_PAGES),
    );
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
        const remember = this.#stmt('INSERT INTO page_rows (row, source_id) VALUES (?, ?)');
        // Rows only ever grow (never reused after a delete), so new pages are always the newest:
        // they join the recent tier (now, or when its hold ends).
        let row = this.#nextRow();
        const toTier = this.#tier.admits(row);
        for (const p of pages) {
          const id = BigInt(row++);
          insert.run(id, meta.title, p.text, meta.id, p.page);
          if (toTier) this.#tier.add(id, meta.title, p.text);
          remember.run(id, meta.id);
        }
        this.#setMeta('next_row', row);
        this.#tier.fit();
      } else {
        const retitle = this.#stmt('UPDATE pages SET title = ? WHERE rowid = ?');
        for (const row of this.#pageRows(meta.id)) {
          retitle.run(meta.title, row);
          this.#tier.retitle(row);
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
      this.#tier.fit();
    });
  }

  /** Runs many changes (a reconcile) with the recent tier brought up to date once, at the end (RecentTier.bulk). */
  bulk<T>(fn: () => Promise<T>): Promise<T> {
    return this.#tier.bulk(fn);
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
    for (const row of this.#pageRows(sourceId)) {
      drop.run(row);
      this.#tier.drop(row);
    }
    this.#stmt('DELETE FROM page_rows WHERE source_id = ?').run(sourceId);
  }

  /**
   * Ranked full-text search (ranked.ts): the recent tier when it can answer,
   * else the whole index, the newest RANK_POOL matches scored either way.
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const { hits, tier } = rankedSearch((sql) => this.#stmt(sql), this.#tier, query, options, RANK_POOL);
    this.lastSearchedTier = tier;
    return hits;
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
    this.#setMeta('merged_at_row', this.#topRow());
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
    const at = this.#meta('merged_at_row');
    const top = this.#topRow();
    if (top - at >= MERGE_MIN_PAGES && top >= at * MERGE_GROWTH) this.optimize();
  }

  /** Which pages the last search read: the recent tier or the whole index (for tests and diagnostics). */
  lastSearchedTier: 'recent' | 'all' | undefined;

  /** The recent tier's first row and size (for tests). */
  get recentTier(): { from: number; size: number } {
    return this.#tier.info;
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
