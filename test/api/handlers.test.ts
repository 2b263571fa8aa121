/**
 * The API contract's handlers on a real workspace: the table Electron's IPC
 * and the end-to-end harness both call. Payloads are validated before any
 * handler runs; errors come back as { code, message } data.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../src/api/contract.ts';
import { resolveAppFile } from '../../src/api/files.ts';
import { createHandlers, dispatch, type Handlers } from '../../src/api/handlers.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { initWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { apiCaller } from '../helpers/api.ts';
import { textPdf } from '../helpers/pdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-api-'));
const printer = new ChromiumPrinter();
const events: Array<{ event: ApiEvent; payload: unknown }> = [];
let clipboard = '';
let ws: Workspace;
let handlers: Handlers;

const call = apiCaller(() => handlers);

beforeAll(async () => {
  await initWorkspace(join(dir, 'ws'));
  ws = await openWorkspace(join(dir, 'ws'));
  handlers = createHandlers({
    ws,
    printer,
    emit: (event, payload) => events.push({ event, payload }),
    filesBaseUrl: 'http://127.0.0.1:1/files/',
    openFiles: async () => [],
    writeClipboard: async (text) => void (clipboard = text),
    now: () => new Date('2026-11-21T10:00:00Z'),
  });
  writeFileSync(
    join(dir, 'report.pdf'),
    await textPdf([['Hazara in Quetta live in two enclaves.'], ['Several e-mailed threats were traced to Karachi.', 'The militants operate in every major city.']], { title: 'Pakistan report' }),
  );
});
afterAll(async () => {
  await ws.close();
  await printer.close();
});

describe('dispatch', () => {
  it('rejects unknown methods and invalid payloads before any handler runs', async () => {
    expect(await dispatch(handlers, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatch(handlers, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const bad = await dispatch(handlers, 'cases.create', { slug: '../etc', title: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } });
    expect(await dispatch(handlers, 'tags.list', { extra: true })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } });
    expect((await ws.listCases()).length).toBe(0);
  });

  it('turns core errors into their one-sentence message', async () => {
    const r = await dispatch(handlers, 'sources.get', { id: 's-0000000000000000' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!r.ok) expect(r.error.message).toMatch(/No source "s-0000000000000000"/);
  });
});

describe('a caseworker session through the API', () => {
  let sourceId = '';
  let excerptId = '';

  it('imports with progress events and serves the document to the viewer', async () => {
    const [r] = await call('sources.import', { paths: [join(dir, 'report.pdf')] });
    expect(r).toMatchObject({ title: 'Pakistan report', pages: 2, duplicate: false });
    sourceId = r!.id;
    expect(events.some((e) => e.event === 'import.progress')).toBe(true);
    const url = await call('sources.documentUrl', { id: sourceId });
    expect(url).toBe(`http://127.0.0.1:1/files/source/${sourceId}.pdf`);
    expect(await resolveAppFile(ws, url.replace('http://127.0.0.1:1/files/', ''))).toBe(await ws.documentPdfPath(sourceId));
    expect(await resolveAppFile(ws, 'source/../../workspace.json')).toBeUndefined();
    expect(await resolveAppFile(ws, 'bundle/x/..%2F..%2Fworkspace.json')).toBeUndefined();
    expect((await call('sources.pageText', { id: sourceId, page: 2 })).text).toContain('traced to Karachi');
  });

  it('tags a selection on its page and lists it with names', async () => {
    const tags = await call('tags.list', {});
    const karachi = tags.find((t) => t.name === 'Karachi-traced threats')!;
    const e = await call('excerpts.create', { sourceId, page: 2, quote: 'e-mailed threats were traced to Karachi', tags: [karachi.id], places: ['Karachi'] });
    expect(e.page).toBe(2);
    expect(e.rects.length).toBeGreaterThan(0);
    excerptId = e.id;
    const listed = await call('excerpts.list', { tag: karachi.id });
    expect(listed.map((x) => [x.id, x.sourceTitle, x.tagNames[0]])).toEqual([[excerptId, 'Pakistan report', 'Karachi-traced threats']]);
    const { pinpoint } = await call('excerpts.citation', { id: excerptId });
    expect(pinpoint).toMatch(/'Pakistan report' \(nd\) 2/);
  });

  it('deletes with undo', async () => {
    const deleted = await call('excerpts.delete', { id: excerptId });
    expect(await call('excerpts.list', {})).toHaveLength(0);
    await call('excerpts.restore', { excerpt: deleted });
    expect((await call('excerpts.list', {})).map((x) => x.id)).toEqual([excerptId]);
    expect(await dispatch(handlers, 'excerpts.restore', { excerpt: { id: 'forged' } })).toMatchObject({ ok: false });
  });

  it('renames a parent tag with its children, merges and refuses to delete a used tag', async () => {
    const tags = await call('tags.list', {});
    const irr = tags.find((t) => t.name === 'Internal relocation risk')!;
    await call('tags.update', { id: irr.id, name: 'Relocation' });
    const names = (await call('tags.list', {})).map((t) => t.name);
    expect(names).toContain('Relocation/Karachi');
    expect(names).not.toContain('Internal relocation risk/Karachi');
    const karachi = tags.find((t) => t.name === 'Karachi-traced threats')!;
    const used = await dispatch(handlers, 'tags.delete', { id: karachi.id });
    expect(used).toMatchObject({ ok: false });
    const reloc = (await call('tags.list', {})).find((t) => t.name === 'Relocation/Karachi')!;
    await call('tags.merge', { from: karachi.id, into: reloc.id });
    expect((await call('excerpts.list', {}))[0]!.tagNames).toEqual(['Relocation/Karachi']);
    const co = await call('excerpts.cooccurrence', {});
    expect(co.tags.map((t) => t.name)).toEqual(['Relocation/Karachi']);
    expect(co.counts).toEqual([[1]]);
  });

  it('searches the library', async () => {
    const hits = await call('search.query', { query: 'militants' });
    expect(hits).toMatchObject([{ sourceId, page: 2 }]);
  });

  it('creates a case, arranges the bundle, warns, builds with progress and serves the result', async () => {
    await call('cases.create', { slug: 'ab-2026', title: 'AB v SSHD', appellant: 'Ali Bakhsh', anonymise: true, hearing: '2026-12-14' });
    let got = await call('cases.get', { slug: 'ab-2026' });
    expect(got.warnings.map((w) => w.code)).toContain('empty-bundle');
    const bundle = structuredClone(got.bundle);
    bundle.sections[2]!.items.push({ kind: 'source', sourceId });
    await call('cases.saveBundle', { slug: 'ab-2026', bundle });
    await call('cases.update', { slug: 'ab-2026', patch: { bundleDate: '2026-11-21' } });
    got = await call('cases.get', { slug: 'ab-2026' });
    expect(got.case.bundleDate).toBe('2026-11-21');
    expect(got.warnings.map((w) => w.code)).not.toContain('empty-bundle');
    const built = await call('bundle.build', { slug: 'ab-2026' });
    expect(built.pages).toBeGreaterThan(4);
    expect(built.excerpts).toHaveLength(1);
    expect(events.some((e) => e.event === 'build.progress')).toBe(true);
    const path = await resolveAppFile(ws, built.url.replace('http://127.0.0.1:1/files/', ''));
    expect(path).toBe(built.file);
    expect((await call('cases.list', {}))[0]).toMatchObject({ slug: 'ab-2026', appellant: 'Anonymised', documents: 1 });
  });

  it('writes to the clipboard through the host', async () => {
    await call('clipboard.writeText', { text: 'Pakistan report, p 2' });
    expect(clipboard).toBe('Pakistan report, p 2');
  });
});
