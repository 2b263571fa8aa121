/**
 * Ranked full-text search over the library index; user input never reaches
 * FTS5 unquoted (see query.ts). The work is bounded whatever the library's
 * size: the filters run inside SQLite, only the `pool` most recently indexed
 * matching pages are scored (every one of them when fewer match: exact bm25
 * ranking), from the recent tier when it holds them (recent-tier.ts), the top
 * `limit` are kept by rank, and snippets are cut for those rows only.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { pageFilters, type SearchOptions } from './index-sql.ts';
import { parseSearchQuery, snippetQuery } from './query.ts';
import type { RecentTier } from './recent-tier.ts';

export interface SearchHit {
  sourceId: string;
  title: string;
  page: number;
  snippet: string;
  score: number;
}

/** A ranked result row, before its snippet. */
interface Row {
  id: number;
  sourceId: string;
  title: string;
  page: number;
  rank: number;
}

type Stmt = (sql: string) => BetterSqlite3.Statement;

export function rankedSearch(stmt: Stmt, tier: RecentTier, query: string, options: SearchOptions, pool: number): { hits: SearchHit[]; tier: 'recent' | 'all' } {
  const match = parseSearchQuery(query);
  if (!match) return { hits: [], tier: 'all' };
  const recent = fromTier(stmt, tier, match, options, pool);
  const rows = recent ?? fromWholeIndex(stmt, match, options, pool);
  const hits = rows.map((r) => ({
    sourceId: r.sourceId,
    title: r.title,
    page: Number(r.page),
    snippet: snippet(stmt, query, match, r.id).replace(/\s+/g, ' ').trim(),
    score: Math.round(-r.rank * 1000) / 1000,
  }));
  return { hits, tier: recent ? 'recent' : 'all' };
}

/**
 * The ranked page of results from the recent tier, when the newest matching
 * pages fill the pool there (or the tier holds every page): the same pool
 * the whole index gives, ranked by bm25 with the tier's statistics (the
 * same order for one word or phrase; for several, the words' weights as the
 * newest pages have them). Undefined when the whole index must be searched.
 */
function fromTier(stmt: Stmt, tier: RecentTier, match: string, options: SearchOptions, pool: number): Row[] | undefined {
  const rows = tier.pool(match, options, pool);
  if (!rows) return undefined;
  rows.sort((a, b) => a.rank - b.rank || a.id - b.id);
  const offset = options.offset ?? 0;
  const details = stmt('SELECT source_id AS sourceId, title, page FROM pages WHERE rowid = ?');
  return rows.slice(offset, offset + (options.limit ?? 50)).map((r) => {
    const d = details.get(BigInt(r.id)) as { sourceId: string; title: string; page: number };
    return { ...d, id: r.id, rank: r.rank };
  });
}

/** The ranked page of results from the whole index (the newest `pool` matches scored). */
function fromWholeIndex(stmt: Stmt, match: string, options: SearchOptions, pool: number): Row[] {
  const { where, params } = pageFilters(match, options);
  params.push(pool, options.limit ?? 50, options.offset ?? 0);
  // bm25() is computed only for the rows the inner query yields (newest first, at most `pool`).
  return stmt(
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
function snippet(stmt: Stmt, query: string, match: string, id: number): string {
  const rowid = BigInt(id);
  const sql = "SELECT snippet(pages, 1, '', '', '…', 24) AS snippet FROM pages WHERE pages MATCH ? AND rowid = ?";
  const cut = (expr: string) => (stmt(sql).get(expr, rowid) as { snippet: string } | undefined)?.snippet;
  if (/"\*/.test(match)) {
    // A prefix: match the page's own words instead (see snippetQuery).
    const text = (stmt('SELECT text FROM pages WHERE rowid = ?').get(rowid) as { text: string } | undefined)?.text ?? '';
    const expanded = snippetQuery(query, text);
    const got = expanded ? cut(expanded) : undefined;
    if (got !== undefined) return got;
  }
  return cut(match) ?? '';
}
