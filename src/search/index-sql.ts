/**
 * The SQL of the library index (library-index.ts) that does not need a
 * connection: the schema, and the WHERE clauses and parameters built from a
 * search's or an excerpt listing's filters. User text only ever reaches SQL
 * as a bound parameter (and FTS5 syntax only through query.ts).
 */

export interface SearchOptions {
  limit?: number;
  offset?: number;
  /** Document types (report, news…). */
  types?: string[];
  /** Source formats (pdf, html…). */
  formats?: string[];
  /** Published-date range of the source (partial dates, inclusive). */
  from?: string;
  to?: string;
  /** Tag ids (already widened to sub-tags): only sources with an excerpt carrying one. */
  tagIds?: string[];
  /** Limit to the library plus this case's documents (default: everything). */
  caseSlug?: string;
}

export interface IndexedExcerptFilter {
  sourceId?: string;
  /** Library plus this case's sources; without it, every excerpt. */
  caseSlug?: string;
  tagIds?: string[];
  place?: string;
  from?: string;
  to?: string;
  query?: string;
}

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
  id TEXT PRIMARY KEY, case_slug TEXT, title TEXT NOT NULL, type TEXT NOT NULL, format TEXT NOT NULL,
  published TEXT, stamp TEXT NOT NULL, json TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS pages USING fts5(
  title, text, source_id UNINDEXED, page UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS excerpts (
  id TEXT PRIMARY KEY, source_id TEXT NOT NULL, case_slug TEXT, page INTEGER NOT NULL, start INTEGER NOT NULL,
  event_date TEXT, places TEXT NOT NULL, words TEXT NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS excerpts_by_source ON excerpts (source_id, page, start);
CREATE TABLE IF NOT EXISTS excerpt_tags (excerpt_id TEXT NOT NULL, tag_id TEXT NOT NULL, source_id TEXT NOT NULL,
  PRIMARY KEY (excerpt_id, tag_id));
CREATE INDEX IF NOT EXISTS excerpt_tags_by_tag ON excerpt_tags (tag_id);
CREATE TABLE IF NOT EXISTS page_rows (row INTEGER PRIMARY KEY, source_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS page_rows_by_source ON page_rows (source_id);
CREATE VIRTUAL TABLE IF NOT EXISTS recent_pages USING fts5(
  title, text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
`;

/** Folding for excerpt text filters (the same as the in-memory filter's). */
export function foldText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
}

/** The SQL and parameters of a published-date range over a partial-date column. */
function dateRange(column: string, from: string | undefined, to: string | undefined, params: unknown[]): string[] {
  const where: string[] = [];
  // Compare on the common prefix so a year includes its months and days (like withinDates).
  if (from) {
    where.push(`${column} IS NOT NULL AND substr(${column}, 1, min(length(${column}), ?)) >= substr(?, 1, min(length(${column}), ?))`);
    params.push(from.length, from, from.length);
  }
  if (to) {
    where.push(`${column} IS NOT NULL AND substr(${column}, 1, ?) <= ?`);
    params.push(to.length, to);
  }
  return where;
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/**
 * The WHERE clauses and parameters of a page search for an FTS5 `match` and
 * the search's filters, on `pages` or on `recent_pages` (whose query joins
 * page_rows for the source_id the filters name).
 */
export function pageFilters(match: string, options: SearchOptions, table: 'pages' | 'recent_pages' = 'pages'): { where: string[]; params: unknown[] } {
  const params: unknown[] = [match];
  const where = [`${table} MATCH ?`];
  const sourceWhere: string[] = [];
  if (options.types?.length) {
    sourceWhere.push(`type IN (${placeholders(options.types.length)})`);
    params.push(...options.types);
  }
  if (options.formats?.length) {
    sourceWhere.push(`format IN (${placeholders(options.formats.length)})`);
    params.push(...options.formats);
  }
  sourceWhere.push(...dateRange('published', options.from, options.to, params));
  if (options.caseSlug !== undefined) {
    sourceWhere.push('(case_slug IS NULL OR case_slug = ?)');
    params.push(options.caseSlug);
  }
  if (sourceWhere.length) where.push(`source_id IN (SELECT id FROM sources WHERE ${sourceWhere.join(' AND ')})`);
  if (options.tagIds) {
    where.push(`source_id IN (SELECT source_id FROM excerpt_tags WHERE tag_id IN (${placeholders(options.tagIds.length)}))`);
    params.push(...options.tagIds);
  }
  return { where, params };
}

/** The query listing the excerpts that match a filter, ordered by source, page and position. */
export function excerptQuery(filter: IndexedExcerptFilter): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.sourceId) {
    where.push('source_id = ?');
    params.push(filter.sourceId);
  }
  if (filter.caseSlug !== undefined) {
    where.push('(case_slug IS NULL OR case_slug = ?)');
    params.push(filter.caseSlug);
  }
  if (filter.tagIds) {
    where.push(`id IN (SELECT excerpt_id FROM excerpt_tags WHERE tag_id IN (${placeholders(filter.tagIds.length)}))`);
    params.push(...filter.tagIds);
  }
  if (filter.place) {
    where.push('instr(places, ?) > 0');
    params.push(foldText(filter.place));
  }
  if (filter.query) {
    where.push('instr(words, ?) > 0');
    params.push(foldText(filter.query));
  }
  where.push(...dateRange('event_date', filter.from, filter.to, params));
  const sql = `SELECT json FROM excerpts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY source_id, page, start`;
  return { sql, params };
}
