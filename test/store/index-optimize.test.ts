/**
 * Re-indexing a good part of the library (a copied workspace, folders changed
 * behind Sanad's back) merges the full-text index afterwards, so searches do
 * not keep reading the replaced pages' entries.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { utimes } from 'node:fs/promises';
import path from 'node:path';
import { initWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { searchLibrary } from '../../src/ops/index.ts';
import { LibraryIndex } from '../../src/search/library-index.ts';
import { makeSource, tempDir } from './helpers.ts';

let ws: Workspace | undefined;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await ws?.close();
  await cleanup?.();
});

it('merges the index after re-indexing many sources, and search still finds every one', async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  await initWorkspace(t.dir);
  ws = await openWorkspace(t.dir);
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) ids.push((await ws.addSource(await makeSource(`m${i}`))).id);
  await ws.close();
  // Every folder changed behind the index's back: the next open re-indexes them all.
  const later = new Date(Date.now() - 60_000);
  for (const id of ids) await utimes(path.join(t.dir, 'library', 'sources', id), later, later);
  const optimize = vi.spyOn(LibraryIndex.prototype, 'optimize');
  ws = await openWorkspace(t.dir);
  const index = await ws.index();
  expect(optimize).toHaveBeenCalledTimes(1);
  // One merged segment (plus FTS5's structure and averages records).
  expect(index.segments).toBeLessThanOrEqual(3);
  // A workspace with nothing to re-index is not merged again.
  await ws.close();
  ws = await openWorkspace(t.dir);
  await ws.index();
  expect(optimize).toHaveBeenCalledTimes(1);
  optimize.mockRestore();
  const hits = await searchLibrary(ws, { query: 'Karachi', limit: 100 });
  expect(new Set(hits.map((h) => h.sourceId))).toEqual(new Set(ids));
});
