import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { promises as fsp } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidInputError, NotFoundError } from '../../src/errors.ts';
import { initWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { makeBundle, makeCase, makeExcerpt, makeSource, sha256, tempDir } from './helpers.ts';

let dir: string;
let cleanup: () => Promise<void>;
let ws: Workspace;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  await initWorkspace(dir);
  ws = await openWorkspace(dir);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await ws.close();
  await cleanup();
});

const librarySources = () => readdir(path.join(dir, 'library', 'sources'));
const staging = () => readdir(path.join(dir, '.staging')).catch(() => []);

describe('addSource', () => {
  it('writes the source folder with the original byte-for-byte and refuses the same id twice', async () => {
    const input = await makeSource('x');
    const meta = await ws.addSource(input);
    const folder = path.join(dir, 'library', 'sources', meta.id);
    expect((await readdir(folder)).sort()).toEqual(['document.pdf', 'original.txt', 'source.json', 'text.json.gz']);
    expect(sha256(await readFile(path.join(folder, 'original.txt')))).toBe(meta.sha256);
    expect(JSON.parse(gunzipSync(await readFile(path.join(folder, 'text.json.gz'))).toString('utf8'))).toMatchObject({ schemaVersion: 1, sha256: meta.sha256 });
    expect(await staging()).toEqual([]);
    await expect(ws.addSource(input)).rejects.toBeInstanceOf(InvalidInputError);
    expect((await ws.findSourceBySha256(meta.sha256))?.id).toBe(meta.id);
    expect(await ws.findSourceBySha256('0'.repeat(64))).toBeUndefined();
  });

  it('is all-or-nothing: a failure while staging leaves no source folder and no staging folder', async () => {
    const input = await makeSource('fail');
    const realOpen = fsp.open.bind(fsp);
    vi.spyOn(fsp, 'open').mockImplementation(async (file, flags, mode) => {
      if (String(file).includes('.staging') && String(file).endsWith('text.json.gz')) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      return realOpen(file, flags, mode);
    });
    await expect(ws.addSource(input)).rejects.toThrow('disk full');
    vi.restoreAllMocks();
    expect(await librarySources()).toEqual([]);
    expect(await staging()).toEqual([]);
    await expect(ws.getSource(input.meta.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await ws.addSource(input)).toEqual(input.meta);
  });

  it('refuses metadata whose SHA-256 does not match the original bytes', async () => {
    const input = await makeSource('y');
    await expect(ws.addSource({ ...input, original: new TextEncoder().encode('other') })).rejects.toThrow(/SHA-256/);
    expect(await librarySources()).toEqual([]);
  });

  it('a half-staged import left by a crash is cleared on the next open', async () => {
    await mkdir(path.join(dir, '.staging', 'abc', 'new'), { recursive: true });
    await writeFile(path.join(dir, '.staging', 'abc', 'new', 'source.json'), '{');
    await ws.close();
    ws = await openWorkspace(dir);
    expect(await staging()).toEqual([]);
  });
});

describe('scopes, listing and cases', () => {
  it('lists library sources by default, plus a case\'s own with caseSlug, everything with all', async () => {
    await ws.addSource(await makeSource('1', { title: 'Beta report' }));
    await ws.addSource(await makeSource('2', { title: 'Alpha report' }));
    await expect(ws.addSource(await makeSource('3', { scope: { kind: 'case', slug: 'ah-2026' } }))).rejects.toBeInstanceOf(NotFoundError);
    await ws.createCase(makeCase('ah-2026'), makeBundle());
    await ws.createCase(makeCase('zz-2026'), makeBundle());
    const statement = await ws.addSource(await makeSource('3', { title: 'Witness statement', scope: { kind: 'case', slug: 'ah-2026' } }));
    await ws.addSource(await makeSource('4', { title: 'Other client letter', scope: { kind: 'case', slug: 'zz-2026' } }));
    expect(await ws.sourceDir(statement.id)).toBe(path.join(dir, 'cases', 'ah-2026', 'sources', statement.id));
    expect((await ws.listSources()).map((s) => s.title)).toEqual(['Alpha report', 'Beta report']);
    expect((await ws.listSources({ caseSlug: 'ah-2026' })).map((s) => s.title)).toEqual(['Alpha report', 'Beta report', 'Witness statement']);
    expect((await ws.listSources({ all: true })).map((s) => s.title)).toEqual(['Alpha report', 'Beta report', 'Other client letter', 'Witness statement']);
    await ws.saveExcerpts(statement.id, [makeExcerpt(statement.id, statement.sha256, 9)]);
    expect(await ws.listExcerpts()).toEqual([]);
    expect((await ws.listExcerpts({ caseSlug: 'ah-2026' })).map((e) => e.id)).toEqual(['e-000000000009']);
    expect((await ws.listCases()).map((c) => c.slug)).toEqual(['ah-2026', 'zz-2026']);
    await expect(ws.createCase(makeCase('ah-2026'), makeBundle())).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('deleting a case removes its folder and its documents, and leaves the library alone', async () => {
    const library = await ws.addSource(await makeSource('lib'));
    await ws.createCase(makeCase('ah-2026'), makeBundle(library.id));
    const letter = await ws.addSource(await makeSource('letter', { scope: { kind: 'case', slug: 'ah-2026' } }));
    await ws.deleteCase('ah-2026');
    expect(await readdir(path.join(dir, 'cases'))).toEqual([]);
    await expect(ws.getSource(letter.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(ws.getCase('ah-2026')).rejects.toBeInstanceOf(NotFoundError);
    expect((await ws.listSources({ all: true })).map((s) => s.id)).toEqual([library.id]);
    expect(await staging()).toEqual([]);
  });

  it('getSource of an unknown id says how to list the ids', async () => {
    await expect(ws.getSource('s-0000000000000000')).rejects.toThrow(/run "sanad sources"/);
    await expect(ws.getCase('../../etc')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('editing sources', () => {
  it('replaceSource swaps in a new edition under the same id, keeps the excerpts and records the old sha256', async () => {
    const first = await ws.addSource(await makeSource('ed1'));
    await ws.saveExcerpts(first.id, [makeExcerpt(first.id, first.sha256, 1)]);
    const next = await makeSource('ed2', { title: 'Report, second edition' });
    const replaced = await ws.replaceSource(first.id, next);
    expect(replaced.id).toBe(first.id);
    expect(replaced.sha256).toBe(next.meta.sha256);
    expect(replaced.previousEditions).toEqual([first.sha256]);
    expect(await ws.getSource(first.id)).toEqual(replaced);
    expect(await ws.readOriginal(first.id)).toEqual(next.original);
    expect(await ws.readText(first.id)).toEqual(next.text);
    expect((await ws.listExcerpts({ sourceId: first.id })).map((e) => e.id)).toEqual(['e-000000000001']);
    expect((await ws.findSourceBySha256(first.sha256))?.id).toBe(first.id);
    expect(await librarySources()).toEqual([first.id]);
    expect(await staging()).toEqual([]);
    await expect(ws.replaceSource(first.id, next)).rejects.toThrow(/same file/);
  });

  it('an interrupted replacement (old folder moved aside, new one not yet in place) is rolled back on open', async () => {
    const meta = await ws.addSource(await makeSource('r'));
    const target = path.join(dir, 'library', 'sources', meta.id);
    const stage = path.join(dir, '.staging', 'crash1');
    await mkdir(path.join(stage, 'new'), { recursive: true });
    await writeFile(path.join(stage, 'target.json'), JSON.stringify({ target: path.relative(dir, target) }));
    await fsp.rename(target, path.join(stage, 'old'));
    await ws.close();
    ws = await openWorkspace(dir);
    expect(await ws.getSource(meta.id)).toEqual(meta);
    expect(await staging()).toEqual([]);
  });

  it('updateSourceMeta changes only the given fields and validates them', async () => {
    const meta = await ws.addSource(await makeSource('m'));
    await ws.updateSourceMeta(meta.id, { type: 'news' });
    const updated = await ws.updateSourceMeta(meta.id, { title: 'We are the Walking Dead', published: '2014-06-29', publisher: undefined });
    expect(updated).toMatchObject({ title: 'We are the Walking Dead', published: '2014-06-29', type: 'news', sha256: meta.sha256 });
    expect(updated.publisher).toBeUndefined();
    expect(await ws.getSource(meta.id)).toEqual(updated);
    await expect(ws.updateSourceMeta(meta.id, { published: '29/06/2014' })).rejects.toThrow(/published: expected a date as YYYY, YYYY-MM or YYYY-MM-DD/);
    await expect(ws.updateSourceMeta(meta.id, { title: '' })).rejects.toBeInstanceOf(InvalidInputError);
    expect((await ws.getSource(meta.id)).title).toBe('We are the Walking Dead');
  });

  it('deleteSource removes the folder with its excerpts', async () => {
    const meta = await ws.addSource(await makeSource('d'));
    await ws.saveExcerpts(meta.id, [makeExcerpt(meta.id, meta.sha256, 1)]);
    await ws.deleteSource(meta.id);
    expect(await librarySources()).toEqual([]);
    expect(await ws.listExcerpts({ all: true })).toEqual([]);
  });
});
