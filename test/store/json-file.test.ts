import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { promises as fsp } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CorruptFileError, NewerVersionFileError } from '../../src/errors.ts';
import { initWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { makeExcerpt, makeSource, tempDir } from './helpers.ts';

let dir: string;
let cleanup: () => Promise<void>;
let ws: Workspace;
let sourceId: string;
let sha: string;
let excerptsFile: string;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  await initWorkspace(dir);
  ws = await openWorkspace(dir);
  const meta = await ws.addSource(await makeSource('j'));
  sourceId = meta.id;
  sha = meta.sha256;
  excerptsFile = path.join(dir, 'library', 'sources', sourceId, 'excerpts.json');
  await ws.saveExcerpts(sourceId, [makeExcerpt(sourceId, sha, 1)]);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await ws.close();
  await cleanup();
});

async function expectCorrupt(promise: Promise<unknown>, pattern: RegExp): Promise<CorruptFileError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CorruptFileError);
  const corrupt = error as CorruptFileError;
  expect(corrupt.file).toBe(excerptsFile);
  expect(corrupt.message).toContain(excerptsFile);
  expect(corrupt.message).toMatch(pattern);
  return corrupt;
}

describe('hand-broken files', () => {
  it('bad syntax: names the file, the line and the problem, and a save leaves it byte-for-byte unchanged', async () => {
    const broken = '{\n  "schemaVersion": 1,\n  "excerpts": [\n    }\n}\n';
    await writeFile(excerptsFile, broken);
    await expectCorrupt(ws.listExcerpts({ sourceId }), /\(line 4, column 5: Unexpected token/);
    await expectCorrupt(ws.saveExcerpts(sourceId, []), /line 4/);
    expect(await readFile(excerptsFile, 'utf8')).toBe(broken);
  });

  it('a truncated file is reported at its end', async () => {
    await writeFile(excerptsFile, '{\n  "schemaVersion": 1,\n  "excer');
    await expectCorrupt(ws.listExcerpts({ sourceId }), /\(line 3, column 9: [^)]+\)/);
  });

  it('valid JSON failing the schema: names the field in plain words, and a save leaves it unchanged', async () => {
    const good = makeExcerpt(sourceId, sha, 1);
    const list = [good, makeExcerpt(sourceId, sha, 2), makeExcerpt(sourceId, sha, 3), { ...makeExcerpt(sourceId, sha, 4), page: -2 }];
    const broken = `${JSON.stringify({ schemaVersion: 1, excerpts: list }, null, 2)}\n`;
    await writeFile(excerptsFile, broken);
    await expectCorrupt(ws.listExcerpts(), /\(excerpts\[3\]\.page: expected a positive number\)/);
    await expectCorrupt(ws.saveExcerpts(sourceId, [good]), /excerpts\[3\]\.page/);
    expect(await readFile(excerptsFile, 'utf8')).toBe(broken);
  });

  it('a file from a newer Sanad asks for an update and is not overwritten', async () => {
    const future = `${JSON.stringify({ schemaVersion: 7, excerpts: [], extra: true }, null, 2)}\n`;
    await writeFile(excerptsFile, future);
    const error = await expectCorrupt(ws.listExcerpts({ sourceId }), /made by a newer version of Sanad.*update Sanad/);
    expect(error).toBeInstanceOf(NewerVersionFileError);
    await expect(ws.saveExcerpts(sourceId, [])).rejects.toBeInstanceOf(NewerVersionFileError);
    expect(await readFile(excerptsFile, 'utf8')).toBe(future);
  });
});

describe('saving', () => {
  it('keeps the previous version as .bak', async () => {
    const first = await readFile(excerptsFile, 'utf8');
    await ws.saveExcerpts(sourceId, [makeExcerpt(sourceId, sha, 1), makeExcerpt(sourceId, sha, 2)]);
    expect(await readFile(`${excerptsFile}.bak`, 'utf8')).toBe(first);
    expect((await ws.listExcerpts({ sourceId })).map((e) => e.id)).toEqual(['e-000000000001', 'e-000000000002']);
  });

  it('a crash before the rename leaves the previous file intact and no temp file behind', async () => {
    const before = await readFile(excerptsFile, 'utf8');
    const real = fsp.rename.bind(fsp);
    vi.spyOn(fsp, 'rename').mockImplementation(async (from, to) => {
      if (String(to) === excerptsFile) throw Object.assign(new Error('simulated power cut'), { code: 'EIO' });
      return real(from, to);
    });
    await expect(ws.saveExcerpts(sourceId, [])).rejects.toThrow('simulated power cut');
    vi.restoreAllMocks();
    expect(await readFile(excerptsFile, 'utf8')).toBe(before);
    expect(await ws.listExcerpts({ sourceId })).toHaveLength(1);
    const leftovers = (await readdir(path.dirname(excerptsFile))).filter((n) => n.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });

  it('a temp file left by a killed process does not disturb reading or the next save', async () => {
    await writeFile(path.join(path.dirname(excerptsFile), '.excerpts.json.999-deadbeef.tmp'), '{"schemaVersion": 1, "exc');
    expect(await ws.listExcerpts({ sourceId })).toHaveLength(1);
    await ws.saveExcerpts(sourceId, []);
    expect(await ws.listExcerpts({ sourceId })).toEqual([]);
  });

  it('refuses invalid new content without touching the file', async () => {
    const before = await readFile(excerptsFile, 'utf8');
    const bad = { ...makeExcerpt(sourceId, sha, 5), quote: { exact: '', prefix: '', suffix: '' } };
    await expect(ws.saveExcerpts(sourceId, [bad])).rejects.toThrow(/excerpts\[0\]\.quote\.exact: must not be empty/);
    expect(await readFile(excerptsFile, 'utf8')).toBe(before);
  });
});
