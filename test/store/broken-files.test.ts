/**
 * One broken file does not take down the library: a hand-broken source.json
 * is reported by name while every other source is still listed (CLI and the
 * app's API); messages offer a `.bak` only when there is one; temporary files
 * left by killed saves are swept when the workspace opens for writing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/api/handlers.ts';
import { initWorkspace, openWorkspace } from '../../src/store/index.ts';
import { sanad } from '../helpers/cli.ts';
import { makeSource, tempDir } from './helpers.ts';

let dir: string;
let cleanup: () => Promise<void>;
const ids: string[] = [];

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  await initWorkspace(dir);
  const ws = await openWorkspace(dir);
  ids.length = 0;
  for (const seed of ['alpha', 'bravo', 'charlie']) ids.push((await ws.addSource(await makeSource(seed))).id);
  await ws.close();
});
afterEach(() => cleanup());

const sourceJson = (id: string) => path.join(dir, 'library', 'sources', id, 'source.json');

describe('a hand-broken source.json', () => {
  it('sanad sources lists the others and names the broken file, without offering a .bak that does not exist', async () => {
    await writeFile(sourceJson(ids[1]!), '{ "schemaVersion": 1, "title": ');
    const r = await sanad(dir, 'sources');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Report alpha');
    expect(r.stdout).toContain('Report charlie');
    expect(r.stdout).not.toContain('Report bravo');
    expect(r.stderr).toContain(sourceJson(ids[1]!));
    expect(r.stderr).not.toContain('.bak');
    const json = await sanad(dir, '--json', 'sources');
    expect(json.code).toBe(0);
    expect(json.json<Array<{ id: string }>>().map((s) => s.id).sort()).toEqual([ids[0], ids[2]].sort());
    expect(await readFile(sourceJson(ids[1]!), 'utf8')).toBe('{ "schemaVersion": 1, "title": ');
  });

  it('mentions the .bak when one exists', async () => {
    const ws = await openWorkspace(dir);
    await ws.updateSourceMeta(ids[0]!, { title: 'Report alpha, corrected' });
    await ws.close();
    expect(existsSync(`${sourceJson(ids[0]!)}.bak`)).toBe(true);
    await writeFile(sourceJson(ids[0]!), '[]');
    const r = await sanad(dir, 'sources');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`restore it from ${sourceJson(ids[0]!)}.bak`);
  });

  it('the app lists the other sources and reports the broken one in workspace.info', async () => {
    await writeFile(sourceJson(ids[2]!), 'not json at all');
    const ws = await openWorkspace(dir, { readOnly: true });
    const handlers = createHandlers({
      ws,
      printer: { printHtml: () => Promise.reject(new Error('unused')), close: async () => undefined },
      emit: () => undefined,
      filesBaseUrl: 'app://sanad/files/',
      openFiles: async () => [],
      writeClipboard: async () => undefined,
    });
    const list = await handlers['sources.list']({});
    expect(list.map((s) => s.title).sort()).toEqual(['Report alpha', 'Report bravo']);
    const info = await handlers['workspace.info']({});
    expect(info.sources).toBe(2);
    expect(info.problems).toHaveLength(1);
    expect(info.problems[0]!.file).toBe(sourceJson(ids[2]!));
    expect(info.problems[0]!.message).toContain(sourceJson(ids[2]!));
    expect(await handlers['excerpts.list']({})).toEqual([]);
    await ws.close();
  });
});

describe('temporary files of interrupted saves', () => {
  it('are swept when the workspace opens for writing, unless their process is still running', async () => {
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
    const folder = path.join(dir, 'library', 'sources', ids[0]!);
    const orphanA = path.join(folder, `.excerpts.json.${deadPid}-0badc0de.tmp`);
    const orphanB = path.join(dir, 'library', `.tags.json.${deadPid}-12345678.tmp`);
    const live = path.join(folder, `.source.json.${process.ppid}-abcdef01.tmp`);
    const oldLive = path.join(folder, `.text.json.${process.ppid}-abcdef02.tmp`);
    const notOurs = path.join(folder, 'notes.tmp');
    for (const f of [orphanA, orphanB, live, oldLive, notOurs]) await writeFile(f, 'half a file');
    const beforeBoot = new Date(Date.now() - (await import('node:os')).uptime() * 1000 - 3_600_000);
    await utimes(oldLive, beforeBoot, beforeBoot);
    const ro = await openWorkspace(dir, { readOnly: true });
    await ro.close();
    expect([orphanA, orphanB].every(existsSync)).toBe(true);
    const ws = await openWorkspace(dir);
    await ws.close();
    expect(existsSync(orphanA)).toBe(false);
    expect(existsSync(orphanB)).toBe(false);
    expect(existsSync(oldLive)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(notOurs)).toBe(true);
  });
});
