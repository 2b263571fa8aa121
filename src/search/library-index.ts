/**
 * Full-text search over every page of every source, with MiniSearch. The index
 * is built from the stored page texts (text.json) and kept in memory; it is
 * rebuilt when the set of sources changes, so it can never go stale on disk.
 */
import MiniSearch from 'minisearch';
import type { PageText, SourceMeta } from '../model/index.ts';

export interface PageDocument {
  id: string;
  sourceId: string;
  title: string;
  page: number;
  text: string;
}

export interface SearchHit {
  sourceId: string;
  title: string;
  page: number;
  snippet: string;
  score: number;
}

export interface SearchOptions {
  limit?: number;
  /** Allow a few typos on longer words (default on). */
  fuzzy?: boolean;
}

const SNIPPET_RADIUS = 80;

export class LibraryIndex {
  private readonly mini: MiniSearch<PageDocument>;
  private readonly pages = new Map<string, PageDocument>();

  constructor() {
    this.mini = new MiniSearch<PageDocument>({
      fields: ['text', 'title'],
      storeFields: ['sourceId', 'title', 'page'],
      processTerm: (term) => foldForSearch(term) || null,
    });
  }

  addSource(meta: SourceMeta, pages: PageText[]): void {
    const docs = pages.map((p) => ({ id: `${meta.id}#${p.page}`, sourceId: meta.id, title: meta.title, page: p.page, text: p.text }));
    for (const d of docs) this.pages.set(d.id, d);
    this.mini.addAll(docs);
  }

  get size(): number {
    return this.pages.size;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const results = this.mini.search(query, {
      prefix: (term) => term.length > 3,
      fuzzy: options.fuzzy === false ? false : (term) => (term.length > 5 ? 0.2 : false),
      combineWith: 'AND',
      boost: { title: 2 },
    });
    return results.slice(0, options.limit ?? 50).map((r) => {
      const doc = this.pages.get(String(r.id))!;
      return { sourceId: doc.sourceId, title: doc.title, page: doc.page, snippet: snippet(doc.text, r.terms), score: Math.round(r.score * 1000) / 1000 };
    });
  }
}

/** Lower-case, accents and ligatures folded: "Karāchi" and "Karachi" meet. */
export function foldForSearch(term: string): string {
  return term.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** A window of text around the first matched term, whitespace collapsed. */
export function snippet(text: string, terms: string[]): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const folded = foldForSearch(flat);
  let at = -1;
  for (const t of terms) {
    const i = folded.indexOf(foldForSearch(t));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) return flat.slice(0, SNIPPET_RADIUS * 2);
  const start = Math.max(0, at - SNIPPET_RADIUS);
  const end = Math.min(flat.length, at + SNIPPET_RADIUS);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}
