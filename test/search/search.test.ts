import { describe, expect, it } from 'vitest';
import type { Excerpt, PageText, SourceMeta, Tag } from '../../src/model/index.ts';
import { filterExcerpts, LibraryIndex, snippet, withinDates } from '../../src/search/index.ts';

const page = (n: number, text: string): PageText => ({ page: n, view: [0, 0, 595, 842], rotate: 0, text, runs: [] });
const meta = (id: string, title: string) => ({ id, title }) as SourceMeta;

describe('library search', () => {
  const index = new LibraryIndex();
  index.addSource(meta('s-1', 'Country report'), [page(1, 'Hazara in Quetta live in two enclaves.'), page(2, 'E-mailed threats were traced to Karachi.')]);
  index.addSource(meta('s-2', 'News article'), [page(1, 'Attacks on Shia in Karāchi continued.')]);

  it('finds every page that mentions a word, with source, page and snippet', () => {
    const hits = index.search('Karachi');
    expect(hits.map((h) => `${h.sourceId}#${h.page}`).sort()).toEqual(['s-1#2', 's-2#1']);
    expect(hits.find((h) => h.sourceId === 's-1')!.snippet).toContain('traced to Karachi');
  });

  it('requires every word (AND) and matches prefixes of longer words', () => {
    expect(index.search('threats Karachi').map((h) => h.sourceId)).toEqual(['s-1']);
    expect(index.search('encla').map((h) => h.page)).toEqual([1]);
    expect(index.search('Lahore')).toEqual([]);
  });

  it('builds snippets around the first match', () => {
    const long = `${'filler '.repeat(40)}the threat came from Karachi ${'tail '.repeat(40)}`;
    const s = snippet(long, ['karachi']);
    expect(s.startsWith('…')).toBe(true);
    expect(s).toContain('Karachi');
    expect(s.length).toBeLessThan(200);
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
