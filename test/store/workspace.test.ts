import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_TAGS, tagIdFor } from '../../src/model/index.ts';
import { ReadOnlyWorkspaceError, WorkspaceNotFoundError } from '../../src/errors.ts';
import { initWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { makeBundle, makeCase, makeExcerpt, makeSource, tempDir } from './helpers.ts';

let dir: string;
let cleanup: () => Promise<void>;
let ws: Workspace | undefined;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  dir = path.join(dir, 'nested', 'ws');
});
afterEach(async () => {
  await ws?.close();
  ws = undefined;
  await cleanup();
});

describe('initWorkspace', () => {
  it('creates the layout and seeds the default tags of the product brief', async () => {
    await initWorkspace(dir, new Date('2026-01-02T03:04:05Z'));
    expect((await readdir(dir)).sort()).toEqual(['cases', 'library', 'workspace.json']);
    expect(await readdir(path.join(dir, 'library'))).toEqual(expect.arrayContaining(['sources', 'tags.json']));
    const marker = await readFile(path.join(dir, 'workspace.json'), 'utf8');
    expect(marker).toBe(
      '{\n  "schemaVersion": 1,\n  "kind": "sanad-workspace",\n  "createdAt": "2026-01-02T03:04:05.000Z",\n  "layoutVersion": 2,\n' +
        '  "settings": {\n    "defaultTribunal": "uk-ftt-iac",\n    "stalenessMonths": 24\n  }\n}\n',
    );
    ws = await openWorkspace(dir);
    const tags = await ws.listTags();
    expect(tags.map((t) => t.name)).toEqual(DEFAULT_TAGS.map((t) => t.name));
    expect(tags.find((t) => t.name === 'Karachi-traced threats')?.id).toBe(tagIdFor('Karachi-traced threats'));
    expect(tags.map((t) => t.id)).toContain('t-internal-relocation-risk-karachi');
  });

  it('is a no-op on an existing workspace (edited tags survive)', async () => {
    await initWorkspace(dir);
    ws = await openWorkspace(dir);
    await ws.saveTags([{ id: 't-credibility', name: 'Credibility', colour: '#cdb4db' }]);
    const before = await readFile(path.join(dir, 'workspace.json'), 'utf8');
    await initWorkspace(dir, new Date('2030-01-01'));
    expect(await readFile(path.join(dir, 'workspace.json'), 'utf8')).toBe(before);
    expect((await ws.listTags()).map((t) => t.id)).toEqual(['t-credibility']);
  });

  it('openWorkspace refuses a folder without workspace.json', async () => {
    await expect(openWorkspace(dir)).rejects.toBeInstanceOf(WorkspaceNotFoundError);
  });
});

describe('round trips of every stored file kind', () => {
  beforeEach(async () => {
    await initWorkspace(dir, new Date('2026-01-02T03:04:05Z'));
    ws = await openWorkspace(dir);
  });

  it('workspace, tags, source, text, excerpts, case and bundle read back as written', async () => {
    const w = ws!;
    expect((await w.readWorkspaceFile()).createdAt).toBe('2026-01-02T03:04:05.000Z');

    const tags = [{ id: 't-perpetrators', name: 'Perpetrators', colour: '#e5989b', description: 'Who threatens' }];
    await w.saveTags(tags);
    expect(await w.listTags()).toEqual(tags);

    const input = await makeSource('a');
    const meta = await w.addSource(input);
    expect(meta).toEqual(input.meta);
    expect(await w.getSource(meta.id)).toEqual(input.meta);
    expect(await w.readText(meta.id)).toEqual(input.text);
    expect(await w.readOriginal(meta.id)).toEqual(input.original);
    expect(await w.readDocumentPdf(meta.id)).toEqual(input.documentPdf);
    expect(await w.documentPdfPath(meta.id)).toBe(path.join(dir, 'library', 'sources', meta.id, 'document.pdf'));

    const excerpts = [makeExcerpt(meta.id, meta.sha256, 1), { ...makeExcerpt(meta.id, meta.sha256, 2), note: 'key passage', eventDate: '2013-01' }];
    await w.saveExcerpts(meta.id, excerpts);
    expect(await w.listExcerpts({ sourceId: meta.id })).toEqual(excerpts);
    expect(await w.listExcerpts()).toEqual(excerpts);

    const c = makeCase('ah-2026');
    const bundle = makeBundle(meta.id);
    await w.createCase(c, bundle);
    expect(await w.getCase('ah-2026')).toEqual(c);
    expect(await w.getBundle('ah-2026')).toEqual(bundle);
    await w.saveCase({ ...c, title: 'AH v SSHD' });
    expect((await w.listCases()).map((x) => x.title)).toEqual(['AH v SSHD']);
    const changed = { ...bundle, pagination: 'section-prefixed' as const };
    await w.saveBundle('ah-2026', changed);
    expect(await w.getBundle('ah-2026')).toEqual(changed);
  });

  it('writes pretty JSON in schema key order with a trailing newline', async () => {
    const input = await makeSource('b');
    // Keys deliberately shuffled: the stored file follows the schema's order.
    const shuffled = Object.fromEntries(Object.entries(input.meta).reverse()) as typeof input.meta;
    const meta = await ws!.addSource({ ...input, meta: shuffled });
    const text = await readFile(path.join(dir, 'library', 'sources', meta.id, 'source.json'), 'utf8');
    expect(text.startsWith('{\n  "schemaVersion": 1,\n  "id": "s-')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text))).toEqual(Object.keys(input.meta));
  });

  it('a read-only workspace reads but refuses every change', async () => {
    const meta = await ws!.addSource(await makeSource('c'));
    const ro = await openWorkspace(dir, { readOnly: true });
    expect((await ro.getSource(meta.id)).title).toBe('Report c');
    await expect(ro.saveTags([])).rejects.toBeInstanceOf(ReadOnlyWorkspaceError);
    await expect(ro.addSource(await makeSource('d'))).rejects.toBeInstanceOf(ReadOnlyWorkspaceError);
    await expect(ro.deleteSource(meta.id)).rejects.toBeInstanceOf(ReadOnlyWorkspaceError);
    await expect(ro.createCase(makeCase('x'), makeBundle())).rejects.toBeInstanceOf(ReadOnlyWorkspaceError);
    await ro.close();
    await ws!.close();
    await expect(ws!.saveTags([])).rejects.toBeInstanceOf(ReadOnlyWorkspaceError);
  });

  it('a hand-broken workspace.json is reported by open, not overwritten by init', async () => {
    await ws!.close();
    await writeFile(path.join(dir, 'workspace.json'), '{"schemaVersion": 1, "kind": "other"}\n');
    await expect(openWorkspace(dir)).rejects.toThrow(/workspace\.json is not a valid Sanad file \(kind: expected "sanad-workspace"; createdAt: missing\)/);
    await expect(initWorkspace(dir)).rejects.toThrow(/workspace\.json/);
    expect(await readFile(path.join(dir, 'workspace.json'), 'utf8')).toBe('{"schemaVersion": 1, "kind": "other"}\n');
  });
});
