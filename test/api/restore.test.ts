/**
 * excerpts.restore (the app's Undo) takes a whole excerpt record from the
 * renderer. It is checked like excerpts.create: the source must exist, its
 * tags must exist, and its quote must be what the source says at the
 * position it names; the highlight rectangles are recomputed, not trusted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, type Handlers } from '../../src/api/handlers.ts';
import type { Excerpt } from '../../src/model/index.ts';
import { initWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { textPdf } from '../helpers/pdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-api-restore-'));
let ws: Workspace;
let handlers: Handlers;
let deleted: Excerpt;

async function ok<T>(method: string, args: unknown): Promise<T> {
  const r = await dispatch(handlers, method, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  await initWorkspace(join(dir, 'ws'));
  ws = await openWorkspace(join(dir, 'ws'));
  handlers = createHandlers({
    ws,
    printer: { printHtml: () => Promise.reject(new Error('no printing here')), close: async () => undefined },
    emit: () => undefined,
    filesBaseUrl: 'http://127.0.0.1:1/files/',
    openFiles: async () => [],
    writeClipboard: async () => undefined,
  });
  writeFileSync(join(dir, 'r.pdf'), await textPdf([['Several e-mailed threats were traced to Karachi.', 'The militants operate in every major city.']]));
  const [source] = await ok<Array<{ id: string }>>('sources.import', { paths: [join(dir, 'r.pdf')] });
  const created = await ok<Excerpt>('excerpts.create', { sourceId: source!.id, quote: 'traced to Karachi', tags: ['t-karachi-traced-threats'] });
  deleted = await ok<Excerpt>('excerpts.delete', { id: created.id });
});
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('excerpts.restore', () => {
  it('refuses a record whose quote the source does not say at that position', async () => {
    const forged = { ...deleted, quote: { ...deleted.quote, exact: 'the appellant is not credible' } };
    const r = await dispatch(handlers, 'excerpts.restore', { excerpt: forged });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const moved = { ...deleted, position: { start: 0, end: deleted.position.end - deleted.position.start } };
    expect(await dispatch(handlers, 'excerpts.restore', { excerpt: moved })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const otherPage = { ...deleted, page: 7 };
    expect(await dispatch(handlers, 'excerpts.restore', { excerpt: otherPage })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await ws.listExcerpts({ all: true })).toEqual([]);
  });

  it('refuses unknown tags and unknown sources', async () => {
    expect(await dispatch(handlers, 'excerpts.restore', { excerpt: { ...deleted, tags: ['t-made-up'] } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch(handlers, 'excerpts.restore', { excerpt: { ...deleted, tags: [] } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch(handlers, 'excerpts.restore', { excerpt: { ...deleted, sourceId: 's-0123456789abcdef' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await ws.listExcerpts({ all: true })).toEqual([]);
  });

  it('restores the genuine record, with rectangles recomputed from the page', async () => {
    const faked = { ...deleted, rects: [{ x: 0, y: 0, w: 595, h: 842 }] };
    const restored = await ok<Excerpt>('excerpts.restore', { excerpt: faked });
    expect(restored.rects).toEqual(deleted.rects);
    expect((await ws.listExcerpts({ all: true })).map((e) => e.id)).toEqual([deleted.id]);
  });
});
