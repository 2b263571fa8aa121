/**
 * The library search's bounded work (issue 10): ranking, filters and paging in
 * SQLite, only RANK_POOL matching pages scored, snippets cut for the returned
 * rows only (with prefix terms matched on the page's own words).
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { PageText, SourceMeta } from '../../src/model/index.ts';
import { LibraryIndex, RANK_POOL } from '../../src/search/library-index.ts';
import { snippetQuery } from '../../src/search/query.ts';

const page = (n: number, text: string): PageText => ({ page: n, view: [0, 0, 595, 842], rotate: 0, text, runs: [] });
const meta = (id: string, title: string, extra: Partial<SourceMeta> = {}) =>
  ({ id, title, scope: { kind: 'library' }, type: 'report', format: 'pdf', ...extra }) as SourceMeta;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sanad-search-scale-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const filler = (i: number) => `Observers recorded raids in Karachi during March ${2000 + (i % 20)}, line ${i}. Quetta saw other events that year and the next.`;

describe('search at library scale', () => {
  const index = LibraryIndex.open(path.join(tmp, 'big.sqlite'));
  // An old news article whose page names Karachi three times, then more newer matching pages than the pool holds.
  index.putSource({ meta: meta('s-old', 'Old article', { type: 'news', published: '2009' }), stamp: 'x' }, [
    page(1, 'Karachi, Karachi and again Karachi: the kidnappings were traced there.'),
  ]);
  const perSource = 50;
  const sources = Math.ceil((RANK_POOL + 200) / perSource);
  index.transaction(() => {
    for (let s = 0; s < sources; s++) {
      index.putSource(
        { meta: meta(`s-${String(s).padStart(4, '0')}`, `Report ${s}`, { published: '2020' }), stamp: 'x' },
        Array.from({ length: perSource }, (_, i) => page(i + 1, filler(s * perSource + i))),
      );
    }
  });

  it('ranks a narrow query over every match: the old page that names the word most comes first', () => {
    const hits = index.search('kidnappings');
    expect(hits.map((h) => h.sourceId)).toEqual(['s-old']);
    const karachi = index.search('Karachi', { types: ['news'] });
    expect(karachi.map((h) => h.sourceId)).toEqual(['s-old']);
  });

  it('runs the filters before the pool is cut, so a filtered search still finds old pages', () => {
    expect(index.search('Karachi', { to: '2010' }).map((h) => `${h.sourceId}#${h.page}`)).toEqual(['s-old#1']);
    expect(index.search('Karachi', { from: '2015', limit: 5 }).every((h) => h.sourceId !== 's-old')).toBe(true);
  });

  it('scores at most RANK_POOL pages of a broad query: the newest matches, best first, paged in SQL', () => {
    const first = index.search('Karachi', { limit: 20 });
    expect(first).toHaveLength(20);
    // The old page is beyond the newest RANK_POOL matches, so it is not scored.
    expect(first.some((h) => h.sourceId === 's-old')).toBe(false);
    const scores = first.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // Pages: offset continues where the first page stopped, and the pool ends the results.
    const second = index.search('Karachi', { limit: 20, offset: 20 });
    expect(second[0]!.score).toBeLessThanOrEqual(first.at(-1)!.score);
    expect(new Set([...first, ...second].map((h) => `${h.sourceId}#${h.page}`)).size).toBe(40);
    expect(index.search('Karachi', { limit: 50, offset: RANK_POOL - 10 })).toHaveLength(10);
  });

  it('cuts each returned row its own snippet, prefix terms included', () => {
    const hits = index.search('raid* Quetta', { limit: 3, offset: 7 });
    expect(hits).toHaveLength(3);
    for (const h of hits) {
      expect(h.snippet).toMatch(/raids in Karachi/);
      expect(h.snippet).toContain('Quetta');
    }
    const lines = hits.map((h) => /line (\d+)/.exec(h.snippet)?.[1]);
    expect(new Set(lines).size).toBe(3);
    // The same snippet as FTS5 cuts with the prefix itself.
    expect(index.search('kidnap*')[0]!.snippet).toBe('Karachi, Karachi and again Karachi: the kidnappings were traced there.');
  });
});

describe('snippetQuery', () => {
  it('replaces a prefix by the words of the page that start with it, accents and case folded', () => {
    expect(snippetQuery('kidnap* Karachi', 'Kidnappings and a kidnapped man in Karāchi; kidnappings again.')).toBe('("Kidnappings" OR "kidnapped" OR "kidnappings") AND "Karachi"');
    expect(snippetQuery('karach*', 'Attacks in Karāchi.')).toBe('("Karāchi")');
  });

  it('leaves queries without a prefix, or with one the page lacks, to FTS5', () => {
    expect(snippetQuery('Karachi', 'Karachi')).toBeUndefined();
    expect(snippetQuery('lahor*', 'Karachi')).toBeUndefined();
    expect(snippetQuery('e-mail*', 'e-mailed threats')).toBeUndefined();
  });
});

describe('replacing and removing a source in a large index', () => {
  it('replaces only that source’s pages, keeps the others and their titles, and removes it whole', () => {
    const index = LibraryIndex.open(path.join(tmp, 'replace.sqlite'));
    try {
      index.transaction(() => {
        for (let s = 0; s < 40; s++) {
          index.putSource({ meta: meta(`s-k${s}`, `Keeper ${s}`), stamp: 'x' }, Array.from({ length: 25 }, (_, i) => page(i + 1, filler(s * 25 + i))));
        }
      });
      index.putSource({ meta: meta('s-moved', 'Moving report'), stamp: 'x' }, [page(1, 'Hazara shopkeepers in Quetta were threatened.'), page(2, 'Second page about Gwadar.')]);
      expect(index.search('Gwadar').map((h) => h.sourceId)).toEqual(['s-moved']);
      // A new edition: its pages replace the old ones, nothing else changes.
      index.putSource({ meta: meta('s-moved', 'Moving report, 2nd edition'), stamp: 'y' }, [page(1, 'Threats were traced to Karachi from Sukkur.')]);
      expect(index.search('Gwadar')).toEqual([]);
      expect(index.search('Sukkur').map((h) => [h.sourceId, h.title, h.page])).toEqual([['s-moved', 'Moving report, 2nd edition', 1]]);
      expect(index.size).toBe(40 * 25 + 1);
      // A new title alone (no pages given) retitles the source's pages in place.
      index.putSource({ meta: meta('s-moved', 'Renamed report'), stamp: 'z' });
      expect(index.search('Sukkur').map((h) => h.title)).toEqual(['Renamed report']);
      expect(index.search('Karachi March', { limit: 5 }).every((h) => h.title.startsWith('Keeper'))).toBe(true);
      index.removeSource('s-moved');
      expect(index.search('Sukkur')).toEqual([]);
      expect(index.size).toBe(40 * 25);
      index.removeSource('s-k3');
      expect(index.size).toBe(39 * 25);
      expect(index.search('"line 80."')).toEqual([]);
      expect(index.search('"line 100."').map((h) => h.sourceId)).toEqual(['s-k4']);
    } finally {
      index.close();
    }
  });
});

describe('merging the full-text index as the library grows', () => {
  it('merges once the pages indexed since the last merge reach MERGE_MIN_PAGES and a quarter of the index', () => {
    const index = LibraryIndex.open(path.join(tmp, 'grow.sqlite'));
    const optimize = vi.spyOn(index, 'optimize');
    try {
      const add = (s: number) => index.putSource({ meta: meta(`s-g${s}`, `Grown ${s}`), stamp: 'x' }, Array.from({ length: 25 }, (_, i) => page(i + 1, filler(s * 25 + i))));
      for (let s = 0; s < 79; s++) add(s);
      expect(optimize).not.toHaveBeenCalled(); // 1,975 pages
      add(79); // the 2,000th page
      expect(optimize).toHaveBeenCalledTimes(1);
      for (let s = 80; s < 159; s++) add(s);
      expect(optimize).toHaveBeenCalledTimes(1); // 1,975 pages since
      add(159);
      expect(optimize).toHaveBeenCalledTimes(2);
      // A new title alone adds no pages and merges nothing.
      index.putSource({ meta: meta('s-g3', 'Renamed'), stamp: 'y' });
      expect(optimize).toHaveBeenCalledTimes(2);
      expect(index.search('"line 0."').map((h) => h.sourceId)).toEqual(['s-g0']);
      expect(index.search('"line 3999."').map((h) => h.sourceId)).toEqual(['s-g159']);
      expect(index.size).toBe(160 * 25);
    } finally {
      index.close();
    }
  });
});

describe('the recent tier', () => {
  // The same library twice: `tiered` keeps a recent tier of 1,200 pages; `flat` one of a single
  // page, which never fills the pool, so every search of it reads the whole index.
  const tiered = LibraryIndex.open(path.join(tmp, 'tiered.sqlite'), { recentPages: 1200 });
  const flat = LibraryIndex.open(path.join(tmp, 'flat.sqlite'), { recentPages: 1 });
  const both = (fn: (index: LibraryIndex) => void) => [tiered, flat].forEach((index) => index.transaction(() => fn(index)));
  const key = (hits: { sourceId: string; page: number }[]) => hits.map((h) => `${h.sourceId}#${h.page}`);
  const report = (s: number) => ({ meta: meta(`r-${String(s).padStart(3, '0')}`, `Report ${s}`, { published: '2021' }), stamp: 'x' });
  both((index) => {
    index.putSource({ meta: meta('r-old', 'Old article', { type: 'news', published: '2009' }), stamp: 'x' }, [page(1, 'The kidnappings were traced to Karachi.')]);
    for (let s = 0; s < 60; s++) index.putSource(report(s), Array.from({ length: 50 }, (_, i) => page(i + 1, filler(s * 50 + i))));
  });

  it('holds the newest pages, about its size, as sources come and go', () => {
    const { from, size } = tiered.recentTier;
    expect(size).toBeGreaterThanOrEqual(1200 - 300);
    expect(size).toBeLessThanOrEqual(1200 + 300);
    expect(from).toBeGreaterThan(1);
    // Every row from the cut-off on is in the tier (the newest sources), none before.
    expect(tiered.search('Karachi', { limit: 1 })).toHaveLength(1);
    both((index) => {
      for (let s = 50; s < 60; s++) index.removeSource(`r-${String(s).padStart(3, '0')}`);
    });
    // Removing the newest 500 pages leaves the tier short: it takes older pages back in.
    expect(tiered.recentTier.size).toBeGreaterThanOrEqual(900);
    expect(tiered.recentTier.from).toBeLessThan(from);
    both((index) => {
      for (let s = 60; s < 66; s++) index.putSource(report(s), Array.from({ length: 50 }, (_, i) => page(i + 1, filler(s * 50 + i))));
    });
    expect(tiered.recentTier.size).toBeLessThanOrEqual(1500);
  });

  it('answers a broad query from the tier with the pages and order of the whole index', () => {
    for (const [query, options] of [['Karachi', { limit: 50 }], ['Karachi', { limit: 50, offset: 950 }], ['"raids in Karachi"', { limit: 30 }], ['karach*', { limit: 20 }]] as const) {
      const fromTier = tiered.search(query, options);
      expect(tiered.lastSearchedTier).toBe('recent');
      const fromAll = flat.search(query, options);
      expect(flat.lastSearchedTier).toBe('all');
      expect(fromTier.length).toBeGreaterThan(0);
      expect(key(fromTier)).toEqual(key(fromAll));
      expect(fromTier.map((h) => h.snippet)).toEqual(fromAll.map((h) => h.snippet));
    }
  });

  it('reads the whole index when the newest pages do not fill the pool: rare words, narrow filters', () => {
    expect(key(tiered.search('kidnappings'))).toEqual(['r-old#1']);
    expect(tiered.lastSearchedTier).toBe('all');
    expect(key(tiered.search('Karachi', { types: ['news'] }))).toEqual(['r-old#1']);
    expect(key(tiered.search('Karachi', { to: '2010' }))).toEqual(['r-old#1']);
    expect(key(tiered.search('Karachi', { from: '2020', limit: 10 }))).toEqual(key(flat.search('Karachi', { from: '2020', limit: 10 })));
  });

  it('takes a batch of new sources in once, at the end of a bulk, and searches the whole index meanwhile', async () => {
    const add = (index: LibraryIndex, s: number) => index.putSource(report(s), Array.from({ length: 50 }, (_, i) => page(i + 1, filler(s * 50 + i))));
    const before = tiered.recentTier;
    await tiered.bulk(async () => {
      for (let s = 66; s < 90; s++) add(tiered, s);
      // Held: the new pages are not in the tier yet, so a search must not use it.
      expect(tiered.recentTier.size).toBeLessThanOrEqual(before.size);
      tiered.search('Karachi', { limit: 5 });
      expect(tiered.lastSearchedTier).toBe('all');
      await Promise.resolve();
    });
    flat.transaction(() => {
      for (let s = 66; s < 90; s++) add(flat, s);
    });
    expect(tiered.recentTier.size).toBe(1200);
    expect(key(tiered.search('Karachi', { limit: 50, offset: 100 }))).toEqual(key(flat.search('Karachi', { limit: 50, offset: 100 })));
    expect(tiered.lastSearchedTier).toBe('recent');
  });

  it('keeps a retitled source’s new title in the tier', () => {
    const id = 'r-089';
    both((index) => index.putSource({ meta: meta(id, 'Renamed Hazara survey', { published: '2021' }), stamp: 'y' }));
    expect(new Set(tiered.search('Hazara').map((h) => h.sourceId))).toEqual(new Set([id]));
    expect(tiered.search('Hazara')[0]!.title).toBe('Renamed Hazara survey');
    // The tier itself (searched for broad queries) has the new title on all 50 pages, the old on none.
    const db = new Database(path.join(tmp, 'tiered.sqlite'), { readonly: true });
    const count = (q: string) => (db.prepare('SELECT count(*) AS n FROM recent_pages WHERE recent_pages MATCH ?').get(q) as { n: number }).n;
    expect([count('title:hazara'), count('title:"Report 89"')]).toEqual([50, 0]);
    db.close();
  });
});
