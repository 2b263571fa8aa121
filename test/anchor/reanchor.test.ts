import { describe, expect, it } from 'vitest';
import { excerptFromQuote, excerptFromRange, reanchor, reanchorAll, type AnchorTarget } from '../../src/anchor/index.ts';
import { Excerpt } from '../../src/model/index.ts';
import { filler, pagesOf } from './pdfs.ts';

const now = new Date('2025-03-01T10:00:00Z');
const MOVED = 'Threats against Hazara activists were traced to Karachi in 2013.';
const EDITED_OLD = 'Human Rights Watch counted more than 500 Hazara killed in Balochistan since 2008.';
const EDITED_NEW = 'Human Rights Watch counted over 500 Hazara killed in Balochistan since 2008.';
const REMOVED = 'The provincial police promised a special protection unit for Quetta.';

async function editions(): Promise<{ first: AnchorTarget; second: AnchorTarget }> {
  const first = await pagesOf([
    { lines: filler(3) },
    { lines: [MOVED, EDITED_OLD, REMOVED, ...filler(2, 'Closing')] },
  ]);
  const second = await pagesOf([
    { lines: [...filler(3), 'A new foreword was added to this edition.'] },
    { lines: [EDITED_NEW, ...filler(2, 'Closing')] },
    { lines: ['Annex: chronology', MOVED] },
  ]);
  return {
    first: { sourceId: 's-00000000000000aa', sha256: '1'.repeat(64), pages: first },
    second: { sourceId: 's-00000000000000aa', sha256: '2'.repeat(64), pages: second },
  };
}

describe('re-anchoring against a new edition', () => {
  it('follows a passage that moved to another page, exactly', async () => {
    const { first, second } = await editions();
    const e = excerptFromQuote(first, 'traced to Karachi in 2013', { tags: ['karachi'] }, now);
    expect(e.page).toBe(2);
    const r = reanchor(e, second);
    expect(r.status).toBe('exact');
    expect(r.excerpt.page).toBe(3);
    expect(r.excerpt.anchor).toEqual({ status: 'exact', sha256: second.sha256 });
    const p3 = second.pages[2]!.text;
    expect(p3.slice(r.excerpt.position.start, r.excerpt.position.end)).toBe('traced to Karachi in 2013');
    expect(r.excerpt.rects).toHaveLength(1);
    expect(r.excerpt.id).toBe(e.id);
    expect(Excerpt.safeParse(r.excerpt).success).toBe(true);
  });

  it('finds a lightly edited passage by fuzzy match and records the distance', async () => {
    const { first, second } = await editions();
    const e = excerptFromQuote(first, 'counted more than 500 Hazara killed in Balochistan', { tags: ['threats'] }, now);
    const r = reanchor(e, second);
    expect(r.status).toBe('fuzzy');
    expect(r.excerpt.page).toBe(2);
    expect(r.excerpt.anchor.distance).toBeGreaterThan(0);
    expect(r.excerpt.quote.exact).toMatch(/over 500 Hazara killed in Balochistan/);
  });

  it('keeps a removed passage as orphaned, unchanged but for its status', async () => {
    const { first, second } = await editions();
    const e = excerptFromQuote(first, 'promised a special protection unit for Quetta', { tags: ['protection'], note: 'n' }, now);
    const r = reanchor(e, second);
    expect(r.status).toBe('orphaned');
    expect(r.excerpt).toEqual({ ...e, anchor: { ...e.anchor, status: 'orphaned' } });
  });

  it('uses the stored position when the text there still says the quote but no search finds it', async () => {
    // A selection ending on a hyphenated line end: "reloca-" never occurs in the joined page text.
    const lines = ['He cannot return: internal reloca-', 'tion to Karachi is unsafe.'];
    const old: AnchorTarget = { sourceId: 's-00000000000000bb', sha256: '1'.repeat(64), pages: await pagesOf([{ lines }]) };
    const text = old.pages[0]!.text;
    const e = excerptFromRange(old, 1, text.indexOf('internal'), text.indexOf('-') + 1, { tags: [] }, now);
    expect(e.quote.exact).toBe('internal reloca-');
    const reprinted: AnchorTarget = { ...old, sha256: '4'.repeat(64), pages: await pagesOf([{ lines }]) };
    const r = reanchor(e, reprinted);
    expect(r.status).toBe('position');
    expect(r.excerpt.anchor).toEqual({ status: 'position', sha256: '4'.repeat(64) });
    expect(r.excerpt.position).toEqual(e.position);
  });

  it('re-anchors a whole source, listing orphaned and fuzzy excerpts without dropping any', async () => {
    const { first, second } = await editions();
    const quotes = ['traced to Karachi in 2013', 'counted more than 500 Hazara killed in Balochistan', 'promised a special protection unit for Quetta'];
    const excerpts = quotes.map((q) => excerptFromQuote(first, q, { tags: [] }, now));
    const result = reanchorAll(excerpts, second);
    expect(result.excerpts).toHaveLength(3);
    expect(result.excerpts.map((e) => e.anchor.status)).toEqual(['exact', 'fuzzy', 'orphaned']);
    expect(result.orphaned.map((e) => e.id)).toEqual([excerpts[2]!.id]);
    expect(result.fuzzy.map((e) => e.id)).toEqual([excerpts[1]!.id]);
  });
});
