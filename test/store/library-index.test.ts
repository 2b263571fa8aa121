/**
 * The workspace's persistent search index: kept in step with every mutation,
 * shared across processes, rebuilt when missing, damaged or outdated, and
 * never trusted over the JSON files.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readdir, readFile, readlink, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { initWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { searchLibrary, listExcerpts, tagQuote, deleteExcerpt, updateExcerpt } from '../../src/ops/index.ts';
import { makeCase, makeBundle, makeExcerpt, makeSource, tempDir } from './helpers.ts';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/sanad.js', import.meta.url));
const indexFile = (dir: string) => path.join(dir, 'index', 'library.sqlite');

let dir: string;
let cleanup: () => Promise<void>;
let ws: Workspace;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  await initWorkspace(dir);
  ws = await openWorkspace(dir);
});
afterEach(async () => {
  await ws.close();
  await cleanup();
});

async function hits(query: string, options: Parameters<typeof searchLibrary>[1] extends infer T ? Partial<T> : never = {}) {
  return (await searchLibrary(ws, { query, ...options })).map((h) => h.sourceId);
}

describe('the persistent index', () => {
  it('is written in the workspace and read by another process (the CLI) without re-reading text', async () => {
    const a = await ws.addSource(await makeSource('persist', { title: 'Persistent report' }));
    // A folder written in the last 100 ms is never trusted; let it settle and index it again.
    await new Promise((r) => setTimeout(r, 200));
    await ws.reindexSource(a.id);
    expect((await stat(indexFile(dir))).size).toBeGreaterThan(0);
    await ws.close();
    // Break the page-text cache in place (the folder is untouched): a search that re-read it would rebuild it and say so.
    await writeFile(path.join(dir, 'library', 'sources', a.id, 'text.json.gz'), 'broken');
    const out = await run(process.execPath, [bin, '--workspace', dir, '--json', 'search', 'Karachi'], { env: { ...process.env } });
    const found = JSON.parse(out.stdout) as { sourceId: string; snippet: string }[];
    expect(found.map((h) => h.sourceId)).toEqual([a.id]);
    expect(found[0]!.snippet).toContain('traced to Karachi');
    expect(out.stderr).not.toMatch(/rebuilt|rebuilding/);
    ws = await openWorkspace(dir);
  }, 60_000);

  it('is opened and reconciled once for callers that ask at the same time, and closed with the workspace', async () => {
    for (let i = 0; i < 3; i++) await ws.addSource(await makeSource(`together-${i}`));
    await ws.close();
    // Descriptors this process holds on the index file (Linux: /proc/self/fd).
    const open = async () => {
      const fds = await readdir('/proc/self/fd');
      const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
      return targets.filter((t) => t === indexFile(dir)).length;
    };
    ws = await openWorkspace(dir);
    // What the app's first screen asks at once: counts, rows, excerpt counts.
    const [a, b, c] = await Promise.all([ws.index(), ws.index(), ws.indexedCount(), ws.index()]);
    expect(a).toBe(b);
    expect(c.sources).toBe(3);
    expect(await open()).toBe(1);
    await ws.close();
    expect(await open()).toBe(0);
    ws = await openWorkspace(dir);
  });

  it('follows import, metadata edits, replace, excerpt changes, source deletion and case deletion', async () => {
    const first = await ws.addSource(await makeSource('one', { title: 'First report' }));
    expect(await hits('"traced to Karachi"')).toEqual([first.id]);

    const next = await makeSource('two', { title: 'Second edition' });
    next.text = [{ ...next.text[0]!, text: 'Bombings in Quetta were claimed by the group.' }];
    await ws.replaceSource(first.id, next);
    expect(await hits('Karachi')).toEqual([]);
    expect(await hits('bomb*')).toEqual([first.id]);

    await ws.updateSourceMeta(first.id, { type: 'news', published: '2020-05' });
    expect(await hits('bombings', { types: ['news'] })).toEqual([first.id]);
    expect(await hits('bombings', { types: ['report'] })).toEqual([]);
    expect(await hits('bombings', { from: '2020', to: '2020-12' })).toEqual([first.id]);
    expect(await hits('bombings', { to: '2019' })).toEqual([]);

    await ws.saveExcerpts(first.id, [{ ...makeExcerpt(first.id, next.meta.sha256, 1), tags: ['t-threat-patterns'] }]);
    expect(await hits('bombings', { tag: 'Threat patterns' })).toEqual([first.id]);
    expect(await hits('bombings', { tag: 'Perpetrators' })).toEqual([]);
    expect((await listExcerpts(ws, { tag: 'Threat patterns' })).map((e) => e.id)).toEqual(['e-000000000001']);

    await ws.createCase(makeCase('ab-2026'), makeBundle());
    const letter = await ws.addSource(await makeSource('letter', { title: 'Threat letter', scope: { kind: 'case', slug: 'ab-2026' } }));
    await ws.saveExcerpts(letter.id, [makeExcerpt(letter.id, letter.sha256, 2)]);
    expect(await hits('Karachi')).toEqual([letter.id]);
    expect((await listExcerpts(ws, { place: 'karachi' })).map((e) => e.id).sort()).toEqual(['e-000000000001', 'e-000000000002']);
    expect((await listExcerpts(ws, { place: 'karachi', caseSlug: 'ab-2026' })).map((e) => e.id).sort()).toEqual(['e-000000000001', 'e-000000000002']);

    await ws.deleteCase('ab-2026');
    expect(await hits('Karachi')).toEqual([]);
    expect((await listExcerpts(ws, { place: 'karachi' })).map((e) => e.id)).toEqual(['e-000000000001']);

    await ws.deleteSource(first.id);
    expect(await hits('bombings')).toEqual([]);
    expect(await listExcerpts(ws)).toEqual([]);
  });

  it('excerpt operations keep the listing current without reading every excerpts.json', async () => {
    const a = await ws.addSource(await makeSource('ops'));
    const { excerpt } = await tagQuote(ws, { sourceId: a.id, quote: 'traced to Karachi', tags: ['Karachi-traced threats'], places: ['Karachi'], eventDate: '2013-01' });
    expect((await listExcerpts(ws, { tag: 'Karachi-traced threats', from: '2013', to: '2013' })).map((e) => e.id)).toEqual([excerpt.id]);
    await updateExcerpt(ws, excerpt.id, { places: ['Quetta'] });
    expect(await listExcerpts(ws, { place: 'Karachi' })).toEqual([]);
    expect((await listExcerpts(ws, { place: 'quet' })).map((e) => e.id)).toEqual([excerpt.id]);
    // The listing comes from the index: another source's unreadable excerpts.json does not break it.
    const b = await ws.addSource(await makeSource('other'));
    await writeFile(path.join(dir, 'library', 'sources', b.id, 'excerpts.json.tmp-ignored'), '{');
    expect((await listExcerpts(ws)).map((e) => e.id)).toEqual([excerpt.id]);
    await deleteExcerpt(ws, excerpt.id);
    expect(await listExcerpts(ws)).toEqual([]);
  });

  it('picks up changes made behind its back (another process, a file restored by hand)', async () => {
    const a = await ws.addSource(await makeSource('behind'));
    await ws.close();
    // Edit excerpts.json directly, as an older Sanad would have; make the folder's time plainly later.
    const folder = path.join(dir, 'library', 'sources', a.id);
    const excerpts = { schemaVersion: 1, excerpts: [makeExcerpt(a.id, a.sha256, 7)] };
    await writeFile(path.join(folder, 'excerpts.json'), JSON.stringify(excerpts));
    const later = new Date(Date.now() + 5000);
    await utimes(folder, later, later);
    ws = await openWorkspace(dir);
    expect((await listExcerpts(ws)).map((e) => e.id)).toEqual(['e-000000000007']);
  });

  it('is rebuilt when missing, damaged or of another schema version, with a notice', async () => {
    const a = await ws.addSource(await makeSource('rebuild'));
    await ws.close();

    await rm(path.join(dir, 'index'), { recursive: true });
    ws = await openWorkspace(dir, { readOnly: true });
    expect(await hits('Karachi')).toEqual([a.id]);
    await ws.close();

    // Damage: overwrite the file with garbage.
    for (const f of ['', '-wal', '-shm']) await rm(indexFile(dir) + f, { force: true });
    await writeFile(indexFile(dir), Buffer.alloc(8192, 0x5a));
    ws = await openWorkspace(dir);
    expect(await hits('Karachi')).toEqual([a.id]);
    expect(ws.notices.join('\n')).toMatch(/search index .* could not be used .*rebuilding/);
    await ws.close();

    // Another schema version (an older or newer Sanad): rebuilt, not misread.
    const db = new Database(indexFile(dir));
    db.prepare("UPDATE meta SET value = '999' WHERE key = 'schema'").run();
    db.prepare('DELETE FROM pages').run();
    db.close();
    ws = await openWorkspace(dir);
    expect(await hits('Karachi')).toEqual([a.id]);
    expect(ws.notices.join('\n')).toMatch(/index schema 999/);
  });
});

describe('the page-text cache', () => {
  it('is compressed on disk, and rebuilt from document.pdf with a notice when missing or broken', async () => {
    const a = await ws.addSource(await makeSource('cache'));
    const folder = path.join(dir, 'library', 'sources', a.id);
    const gz = await readFile(path.join(folder, 'text.json.gz'));
    expect(gz.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    await writeFile(path.join(folder, 'text.json.gz'), 'not gzip');
    const pages = await ws.readText(a.id);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.text).toContain('traced to Karachi');
    expect(ws.notices.at(-1)).toMatch(new RegExp(`page text of "Report cache" \\(${a.id}\\) could not be used: text.json.gz is unreadable.*rebuilt it from document.pdf`));
    // Rebuilt on disk: the next read is quiet.
    const count = ws.notices.length;
    await ws.readText(a.id);
    expect(ws.notices.length).toBe(count);

    await rm(path.join(folder, 'text.json.gz'));
    await expect(tagQuote(ws, { sourceId: a.id, quote: 'traced to Karachi', tags: ['Perpetrators'] })).resolves.toMatchObject({ merged: false });
    expect(ws.notices.at(-1)).toMatch(/was missing; Sanad rebuilt it from document.pdf/);
  });

  it('a read-only workspace rebuilds in memory and says so without writing', async () => {
    const a = await ws.addSource(await makeSource('ro'));
    await ws.close();
    const folder = path.join(dir, 'library', 'sources', a.id);
    await rm(path.join(folder, 'text.json.gz'));
    ws = await openWorkspace(dir, { readOnly: true });
    expect((await ws.readText(a.id))[0]!.text).toContain('Karachi');
    expect(ws.notices.at(-1)).toMatch(/read it from document.pdf/);
    await expect(stat(path.join(folder, 'text.json.gz'))).rejects.toThrow();
  });
});
