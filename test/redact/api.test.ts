/**
 * The redaction methods of the API contract (what the app's reader and the
 * "Before you build" panel call): by selection, by box, by text, delete with
 * undo, "redact all" for a protected name, and the protected names in
 * cases.update. No printer is needed: nothing is built here.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, type Handlers } from '../../src/api/handlers.ts';
import type { Printer } from '../../src/print/printer.ts';
import { initWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { apiCaller } from '../helpers/api.ts';
import { textPdf } from '../helpers/pdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-redact-api-'));
const printer: Printer = { printHtml: () => Promise.reject(new Error('no printing in this test')), close: async () => {} };
let ws: Workspace;
let handlers: Handlers;
let id = '';

const call = apiCaller(() => handlers);

beforeAll(async () => {
  await initWorkspace(join(dir, 'ws'));
  ws = await openWorkspace(join(dir, 'ws'));
  handlers = createHandlers({ ws, printer, emit: () => {}, filesBaseUrl: 'http://127.0.0.1:1/files/', openFiles: async () => [], writeClipboard: async () => {}, now: () => new Date('2026-11-21T10:00:00Z') });
  writeFileSync(join(dir, 'letter.pdf'), await textPdf([['Letter from Zahra Bibi, 22 Mall Road.', 'Zahra Bibi signed it.'], ['Nothing else.']]));
  await call('cases.create', { slug: 'zb', title: 'ZB v SSHD', appellant: 'Zahra Bibi', anonymise: true });
  id = (await call('sources.import', { paths: [join(dir, 'letter.pdf')], caseSlug: 'zb' }))[0]!.id;
  await ws.saveBundle('zb', { ...(await ws.getBundle('zb')), sections: (await ws.getBundle('zb')).sections.map((s, i) => (i === 1 ? { ...s, items: [{ kind: 'source' as const, sourceId: id }] } : s)) });
});
afterAll(async () => {
  await ws.close();
});

describe('redaction API', () => {
  it('lists the protected name as a warning with its term, and "redact all" clears it', async () => {
    const updated = await call('cases.update', { slug: 'zb', patch: { protect: ['22 Mall Road'] } });
    expect(updated.protect).toEqual(['22 Mall Road']);
    const before = (await call('cases.warnings', { slug: 'zb' })).filter((w) => w.code === 'protected-name');
    expect(before.map((w) => w.term)).toEqual(['Zahra Bibi', '22 Mall Road']);
    const created = await call('redactions.redactInCase', { slug: 'zb', text: 'Zahra Bibi', reason: 'anonymity-order' });
    expect(created).toHaveLength(2);
    const after = (await call('cases.warnings', { slug: 'zb' })).filter((w) => w.code === 'protected-name');
    expect(after.map((w) => w.term)).toEqual(['22 Mall Road']);
  });

  it('redacts a selection and a dragged box, and deletes with undo', async () => {
    const page = await call('sources.pageText', { id, page: 1 });
    const start = page.text.indexOf('22 Mall Road');
    const sel = await call('redactions.createRange', { sourceId: id, page: 1, start, end: start + 12, reason: 'third-party' });
    expect(sel).toMatchObject({ kind: 'text', quote: { exact: '22 Mall Road' } });
    const box = await call('redactions.createArea', { sourceId: id, page: 2, rect: { x: 50, y: 60, w: 100, h: 40 }, reason: 'privilege' });
    expect(box).toMatchObject({ kind: 'area', page: 2 });
    expect(await call('redactions.list', { sourceId: id })).toHaveLength(4);
    const removed = await call('redactions.delete', { id: sel.id });
    expect(await call('redactions.list', { sourceId: id })).toHaveLength(3);
    await call('redactions.restore', { redaction: removed });
    expect((await call('redactions.list', { caseSlug: 'zb' })).map((r) => r.id)).toContain(sel.id);
    expect(await dispatch(handlers, 'redactions.restore', { redaction: { id: 'forged' } })).toMatchObject({ ok: false });
    expect(await dispatch(handlers, 'redactions.createArea', { sourceId: id, page: 1, rect: { x: 0, y: 0, w: -5, h: 3 }, reason: 'other' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a rectangle/) } });
  });
});
