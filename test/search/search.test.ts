import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Excerpt, PageText, SourceMeta, Tag } from '../../src/model/index.ts';
import { filterExcerpts, LibraryIndex, withinDates } from '../../src/search/index.ts';
import { parseSearchQuery } from '../../src/search/query.ts';

const page = (n: number, text: string): PageText => ({ page: n, view: [0, 0, 595, 842], rotate: 0, text, runs: [] });
const meta = (id: string, title: string, extra: Partial<SourceMeta> = {}) =>
  ({ id, title, scope: { kind: 'library' }, type: 'report', format: 'pdf', ...extra }) as SourceMeta;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sanad-search-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('library search (SQLite FTS5)', () => {
  const index = LibraryIndex.open(path.join(tmp, 'a.sqlite'));
  index.putSource({ meta: meta('s-1', 'Country report', { published: '2014-06' }), stamp: 'x' }, [
    page(1, 'Hazara in Quetta live in two enclaves.'),
    page(2, 'E-mailed threats were traced to Karachi, hundreds of miles away.'),
  ]);
  index.putSource({ meta: meta('s-2', 'News article', { type: 'news', format: 'html', published: '2019-03-01' }), stamp: 'x' }, [
    page(1, 'Attacks on Shia in Karāchi continued. Threats traced by police led to Karachi.'),
  ]);
  index.putSource({ meta: meta('s-3', 'Case letter', { scope: { kind: 'case', slug: 'ab' }, format: 'image' }), stamp: 'x' }, [page(1, 'The letter came to Karachi.')]);
  index.putExcerpts('s-2', [{ id: 'e-1', sourceId: 's-2', page: 1, position: { start: 0, end: 5 }, quote: { exact: 'Attacks', prefix: '', suffix: '' }, tags: ['t-tp'], places: [] } as unknown as Excerpt]);

  it('finds every page that mentions a word, accents folded, with a snippet around the match', () => {
    const hits = index.search('Karachi');
    expect(hits.map((h) => `${h.sourceId}#${h.page}`).sort()).toEqual(['s-1#2', 's-2#1', 's-3#1']);
    expect(hits.find((h) => h.sourceId === 's-1')!.snippet).toContain('traced to Karachi');
  });

  it('ranks by relevance (bm25): a page naming the term twice comes first', () => {
    expect(index.search('Karachi')[0]!.sourceId).toBe('s-2');
    const scores = index.search('Karachi').map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('phrase queries match the words in order only', () => {
    expect(index.search('"traced to Karachi"').map((h) => h.sourceId)).toEqual(['s-1']);
    expect(index.search('traced to Karachi').map((h) => h.sourceId).sort()).toEqual(['s-1', 's-2']);
  });

  it('prefix queries and AND of words', () => {
    expect(index.search('karach*').length).toBe(3);
    expect(index.search('encla*').map((h) => h.page)).toEqual([1]);
    expect(index.search('encla')).toEqual([]);
    expect(index.search('threats Quetta')).toEqual([]);
    expect(index.search('Lahore')).toEqual([]);
  });

  it('filters by document type, format, published date, tag and case', () => {
    expect(index.search('Karachi', { types: ['news'] }).map((h) => h.sourceId)).toEqual(['s-2']);
    expect(index.search('Karachi', { formats: ['pdf', 'image'] }).map((h) => h.sourceId).sort()).toEqual(['s-1', 's-3']);
    expect(index.search('Karachi', { from: '2015' }).map((h) => h.sourceId)).toEqual(['s-2']);
    expect(index.search('Karachi', { to: '2014' }).map((h) => h.sourceId)).toEqual(['s-1']);
    expect(index.search('Karachi', { from: '2014-06-10', to: '2014-06-20' }).map((h) => h.sourceId)).toEqual(['s-1']);
    expect(index.search('Karachi', { tagIds: ['t-tp'] }).map((h) => h.sourceId)).toEqual(['s-2']);
    expect(index.search('Karachi', { caseSlug: 'other' }).map((h) => h.sourceId).sort()).toEqual(['s-1', 's-2']);
  });

  it('never raises an FTS syntax error, whatever is typed', () => {
    for (const q of ['"', 'AND', 'OR NOT', 'title:Karachi', '(Karachi', 'Karachi)', '***', 'NEAR(a b)', "d'Karachi", '-Karachi', '^x', '"unterminated Karachi', 'a"b"c', '{x}', ':', 'karachi**', '\u0000']) {
      expect(() => index.search(q)).not.toThrow();
    }
    expect(index.search('(Karachi):').length).toBe(3);
    expect(index.search('"traced to Karachi').map((h) => h.sourceId)).toEqual(['s-1']);
    expect(parseSearchQuery('  ** "" ')).toBeUndefined();
    expect(parseSearchQuery('karach* "traced to"')).toBe('"karach"* "traced to"');
  });

  it('persists on disk: a second connection (another process) sees the pages', () => {
    const again = LibraryIndex.open(path.join(tmp, 'a.sqlite'));
    expect(again.size).toBe(4);
    expect(again.search('enclaves').map((h) => h.sourceId)).toEqual(['s-1']);
    again.close();
  });

  it('removes a source with its pages and excerpts', () => {
    index.removeSource('s-3');
    expect(index.search('letter')).toEqual([]);
    index.removeSource('s-2');
    expect(index.excerpts({})).toEqual([]);
  });
});

describe('excerpt filters', () => {
  const tags: Tag[] = [
    { id: 't-irr', name: 'Internal relocation risk', colour: '#8ecae6' },
    { id: 't-irr-k', name: 'Internal relocation risk/Karachi', colour: '#8ecae6' },
    { id: 't-tp', name: 'Threat patterns', colour: '#f4a261' },
  ];
  const ex = (id: string, tag: string, extra: Partial<Excerpt> = {}) =>
    ({ id, sourceId: 's-1', page: 1, quote: { exact: `quote ${id}`, prefix: '', suffix: '' }, tags: [tag], places: [], ...extra }) as Excerpt;
  const list = [
    ex('a', 't-irr-k', { places: ['Karachi'], eventDate: '2013-01-10' }),
    ex('b', 't-tp', { places: ['Quetta'], eventDate: '2011-09' }),
    ex('c', 't-irr', { note: 'relocation to Lahore', sourceId: 's-2' }),
  ];

  it('a tag includes its sub-tags, by id or by name', () => {
    expect(filterExcerpts(list, tags, { tag: 't-irr' }).map((e) => e.id)).toEqual(['a', 'c']);
    expect(filterExcerpts(list, tags, { tag: 'internal relocation risk/karachi' }).map((e) => e.id)).toEqual(['a']);
    expect(filterExcerpts(list, tags, { tag: 'No such tag' })).toEqual([]);
  });

  it('filters by place, source, text and event-date range', () => {
    expect(filterExcerpts(list, tags, { place: 'quet' }).map((e) => e.id)).toEqual(['b']);
    expect(filterExcerpts(list, tags, { sourceId: 's-2' }).map((e) => e.id)).toEqual(['c']);
    expect(filterExcerpts(list, tags, { query: 'LAHORE' }).map((e) => e.id)).toEqual(['c']);
    expect(filterExcerpts(list, tags, { from: '2012', to: '2013' }).map((e) => e.id)).toEqual(['a']);
    expect(filterExcerpts(list, tags, { from: '2011-09-15' }).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('compares partial dates by overlap', () => {
    expect(withinDates('2013', '2013-06', '2013-06')).toBe(true);
    expect(withinDates('2013-07', undefined, '2013-06')).toBe(false);
    expect(withinDates(undefined, '2013')).toBe(false);
    expect(withinDates(undefined)).toBe(true);
  });
});
