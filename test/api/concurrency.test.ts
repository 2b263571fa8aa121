/**
 * The app's API runs calls concurrently (a caseworker clicking fast, the
 * renderer firing several saves). Every call that answered ok must be on
 * disk afterwards: creates, updates, deletes and tag merges interleaved
 * through `dispatch` never lose each other's writes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, type DispatchResult, type Handlers } from '../../src/api/handlers.ts';
import type { Excerpt, Tag } from '../../src/model/index.ts';
import { initWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { apiCaller } from '../helpers/api.ts';
import { textPdf } from '../helpers/pdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-api-conc-'));
let ws: Workspace;
let handlers: Handlers;
let sourceId = '';

const sentence = (n: number) => `Incident ${String(n).padStart(2, '0')} was traced to Karachi by the police.`;

const call = apiCaller(() => handlers);

/** What a fresh reader sees on disk (a second, read-only opening of the workspace). */
async function onDisk(): Promise<{ excerpts: Excerpt[]; tags: Tag[] }> {
  const ro = await openWorkspace(join(dir, 'ws'), { readOnly: true });
  try {
    return { excerpts: await ro.listExcerpts({ all: true }), tags: await ro.listTags() };
  } finally {
    await ro.close();
  }
}

beforeAll(async () => {
  await initWorkspace(join(dir, 'ws'));
  ws = await openWorkspace(join(dir, 'ws'));
  handlers = createHandlers({
    ws,
    printer: { printHtml: () => Promise.reject(new Error('no printing in this test')), close: async () => undefined },
    emit: () => undefined,
    filesBaseUrl: 'http://127.0.0.1:1/files/',
    openFiles: async () => [],
    writeClipboard: async () => undefined,
    now: () => new Date('2026-11-21T10:00:00Z'),
  });
  const lines = Array.from({ length: 40 }, (_, i) => sentence(i + 1));
  writeFileSync(join(dir, 'incidents.pdf'), await textPdf([lines.slice(0, 20), lines.slice(20)], { title: 'Incidents' }));
  const [imported] = await call('sources.import', { paths: [join(dir, 'incidents.pdf')] });
  sourceId = imported!.id;
  for (const name of ['Merge from 1', 'Merge into 1', 'Merge from 2', 'Merge into 2']) await call('tags.create', { name });
});
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('concurrent API calls on one workspace', () => {
  it('24 concurrent excerpts.create calls: every excerpt that returned ok is on disk', async () => {
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        dispatch(handlers, 'excerpts.create', { sourceId, quote: sentence(i + 1).slice(0, 30), tags: [i % 2 ? 't-merge-from-1' : 't-merge-from-2'] }),
      ),
    );
    const ok = results.filter((r): r is Extract<DispatchResult, { ok: true }> => r.ok).map((r) => (r.value as Excerpt).id);
    expect(ok).toHaveLength(24);
    const stored = new Set((await onDisk()).excerpts.map((e) => e.id));
    expect(ok.filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.size).toBe(24);
  });

  it('creates, updates, deletes and tag merges interleaved: each one that returned ok is on disk', async () => {
    const before = (await onDisk()).excerpts.sort((a, b) => a.position.start - b.position.start || a.page - b.page);
    const toUpdate = before.slice(0, 8);
    const toDelete = before.slice(8, 16);
    const calls: Array<{ kind: string; target?: string; promise: Promise<DispatchResult> }> = [];
    toUpdate.forEach((e, i) => calls.push({ kind: 'update', target: e.id, promise: dispatch(handlers, 'excerpts.update', { id: e.id, note: `checked ${i}` }) }));
    toDelete.forEach((e) => calls.push({ kind: 'delete', target: e.id, promise: dispatch(handlers, 'excerpts.delete', { id: e.id }) }));
    for (let n = 25; n <= 34; n++) {
      calls.push({ kind: 'create', promise: dispatch(handlers, 'excerpts.create', { sourceId, quote: sentence(n).slice(0, 30), tags: ['t-merge-from-1'] }) });
    }
    calls.push({ kind: 'merge', promise: dispatch(handlers, 'tags.merge', { from: 't-merge-from-1', into: 't-merge-into-1' }) });
    calls.push({ kind: 'merge', promise: dispatch(handlers, 'tags.merge', { from: 't-merge-from-2', into: 't-merge-into-2' }) });
    calls.push({ kind: 'tag', promise: dispatch(handlers, 'tags.create', { name: 'Made while merging' }) });
    const settled = await Promise.all(calls.map(async (c) => ({ ...c, result: await c.promise })));
    const ok = settled.filter((c) => c.result.ok);
    // Creates tagged with a tag that a merge removed first may fail: that is an answer, not a loss.
    expect(ok.length).toBeGreaterThanOrEqual(calls.length - 10);

    const { excerpts, tags } = await onDisk();
    const byId = new Map(excerpts.map((e) => [e.id, e]));
    for (const c of ok) {
      if (c.kind === 'update') expect(byId.get(c.target!)?.note, `update of ${c.target}`).toMatch(/^checked \d$/);
      if (c.kind === 'delete') expect(byId.has(c.target!), `delete of ${c.target}`).toBe(false);
      if (c.kind === 'create') expect(byId.has((c.result as { value: Excerpt }).value.id), 'a created excerpt').toBe(true);
    }
    const tagIds = tags.map((t) => t.id);
    expect(tagIds).not.toContain('t-merge-from-1');
    expect(tagIds).not.toContain('t-merge-from-2');
    expect(tagIds).toContain('t-made-while-merging');
    for (const e of excerpts) expect(e.tags.filter((t) => !tagIds.includes(t)), `tags of ${e.id}`).toEqual([]);
    expect(excerpts).toHaveLength(24 - 8 + ok.filter((c) => c.kind === 'create').length);
  });
});
