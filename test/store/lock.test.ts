import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { access, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkspaceLockedError } from '../../src/errors.ts';
import { initWorkspace, openWorkspace } from '../../src/store/index.ts';
import { makeSource, tempDir } from './helpers.ts';

const HOLDER = fileURLToPath(new URL('./fixtures/hold-lock.ts', import.meta.url));

let dir: string;
let cleanup: () => Promise<void>;
const children: ChildProcessWithoutNullStreams[] = [];

/** Starts a process that opens the workspace for writing; resolves with its first line of output. */
async function startHolder(): Promise<{ child: ChildProcessWithoutNullStreams; said: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dir], { cwd: process.cwd() });
  children.push(child);
  let out = '';
  child.stdout.setEncoding('utf8');
  while (!out.includes('\n')) {
    const [chunk] = (await Promise.race([once(child.stdout, 'data'), once(child, 'exit').then(() => [''])])) as [string];
    if (chunk === '') break;
    out += chunk;
  }
  return { child, said: out.trim() };
}

const lockFile = () => path.join(dir, '.sanad.lock');
const lockExists = () => access(lockFile()).then(() => true, () => false);

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  await initWorkspace(dir);
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await cleanup();
});

describe('the workspace write lock', () => {
  it('a second process gets WorkspaceLockedError naming the holder; read-only opening still works', async () => {
    const { child, said } = await startHolder();
    expect(said).toBe('locked');
    const error = await openWorkspace(dir).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(WorkspaceLockedError);
    expect((error as Error).message).toContain(`pid ${child.pid} on ${os.hostname()}`);
    expect((error as Error).message).toContain(dir);

    const ro = await openWorkspace(dir, { readOnly: true });
    expect((await ro.listTags()).length).toBeGreaterThan(0);
    expect(await ro.listSources()).toEqual([]);
    await ro.close();
    expect(await lockExists()).toBe(true);

    child.stdin.end();
    await once(child, 'exit');
    expect(await lockExists()).toBe(false);
    const ws = await openWorkspace(dir);
    await ws.close();
  });

  it('the lock is released when the holder exits without closing', async () => {
    const { child, said } = await startHolder();
    expect(said).toBe('locked');
    child.stdin.write('exit\n');
    await once(child, 'exit');
    expect(await lockExists()).toBe(false);
  });

  it('a lock left by a killed process on this host is taken over', async () => {
    const { child, said } = await startHolder();
    expect(said).toBe('locked');
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: child.pid, host: os.hostname() });
    const ws = await openWorkspace(dir);
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });
    await ws.addSource(await makeSource('after-takeover'));
    const second = await startHolder();
    expect(second.said).toBe('WORKSPACE_LOCKED');
    await ws.close();
    await ws.close();
    expect(await lockExists()).toBe(false);
  });

  it('a lock held on another host is respected, whatever its pid', async () => {
    await writeFile(lockFile(), JSON.stringify({ pid: 999_999, host: 'caseworker-laptop', since: '2026-01-01T00:00:00.000Z' }));
    await expect(openWorkspace(dir)).rejects.toThrow(/pid 999999 on caseworker-laptop/);
  });
});
