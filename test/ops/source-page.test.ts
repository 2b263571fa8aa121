/**
 * The app's library table is served a page at a time (sources.page): sorted by
 * title with e-mail attachments after their e-mail, narrowed by a filter, with
 * the totals the table needs; the reader's header asks for one source only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { sourcePage, sourceSummaries, sourceSummary } from '../../src/ops/index.ts';
import { makeExcerpt, makeSource, tempDir } from '../store/helpers.ts';

let ws: Workspace;
let cleanup: () => Promise<void>;
const staleness = { months: 24, reference: new Date('2026-01-01') };

beforeEach(async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  await initWorkspace(t.dir);
  ws = await openWorkspace(t.dir);
});
afterEach(async () => {
  await ws.close();
  await cleanup();
});

describe('sourcePage', () => {
  it('pages the library in title order, keeps an attachment after its e-mail, and filters by title or publisher', async () => {
    for (let i = 1; i <= 130; i++) await ws.addSource(await makeSource(`n${i}`, { title: `Report ${String(i).padStart(3, '0')}` }));
    const mail = await makeSource('mail', { title: 'Zebra e-mail' });
    mail.meta.format = 'email';
    const email = await ws.addSource(mail);
    const att = await makeSource('att', { title: 'Aardvark attachment' });
    att.meta.parent = email.id;
    const attachment = await ws.addSource(att);

    const first = await sourcePage(ws, { limit: 100, ...staleness });
    expect(first.total).toBe(132);
    expect(first.matching).toBe(132);
    expect(first.sources.map((s) => s.title).slice(0, 3)).toEqual(['Report 001', 'Report 002', 'Report 003']);
    expect(first.sources).toHaveLength(100);
    const rest = await sourcePage(ws, { offset: 100, limit: 100, ...staleness });
    expect(rest.sources.map((s) => s.title).slice(-3)).toEqual(['Report 130', 'Zebra e-mail', 'Aardvark attachment']);
    expect(rest.sources.at(-1)!.id).toBe(attachment.id);
    // The pages together are the whole library listing, in the table's order, nothing twice.
    const all = await sourceSummaries(ws, staleness);
    expect(new Set([...first.sources, ...rest.sources].map((s) => s.id))).toEqual(new Set(all.map((s) => s.id)));

    const filtered = await sourcePage(ws, { filter: '  report 12', limit: 5, ...staleness });
    expect(filtered.total).toBe(132);
    expect(filtered.matching).toBe(10);
    expect(filtered.sources.map((s) => s.title)).toEqual(['Report 120', 'Report 121', 'Report 122', 'Report 123', 'Report 124']);
    expect((await sourcePage(ws, { filter: 'HUMAN RIGHTS', ...staleness })).matching).toBe(132);
    expect((await sourcePage(ws, { filter: 'no such words', ...staleness })).sources).toEqual([]);
  });

  it('sourceSummary gives one source as the listing would, with its excerpt count and staleness', async () => {
    const a = await ws.addSource(await makeSource('one'));
    await ws.addSource(await makeSource('two'));
    await ws.saveExcerpts(a.id, [makeExcerpt(a.id, a.sha256, 1), makeExcerpt(a.id, a.sha256, 2)]);
    const one = await sourceSummary(ws, a.id, staleness);
    expect(one.excerptCount).toBe(2);
    expect(one.stale).toBe(true);
    expect(one).toEqual((await sourceSummaries(ws, staleness)).find((s) => s.id === a.id));
    await expect(sourceSummary(ws, 's-0000000000000000', staleness)).rejects.toThrow(/source/i);
  });
});
