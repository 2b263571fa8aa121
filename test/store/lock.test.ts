import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { access, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkspaceLockedError } from '../../src/errors.ts';
import { initWorkspace, openWorkspace } from '../../src/store/index.ts';
import { machineIdentity, processStartTicks } from '../../src/store/lock-holder.ts';
import { sanad } from '../helpers/cli.ts';
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
    const error = await openWorkspace(dir, { lockWaitMs: 0 }).then(() => undefined, (e: unknown) => e);
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

  it('a lock held on another host is respected, whatever its pid, and the message says how to remove it', async () => {
    await writeFile(lockFile(), JSON.stringify({ pid: 999_999, host: 'caseworker-laptop', since: '2026-01-01T00:00:00.000Z' }));
    const error = await openWorkspace(dir, { lockWaitMs: 0 }).then(() => undefined, (e: unknown) => e as Error);
    expect(error).toBeInstanceOf(WorkspaceLockedError);
    expect(error!.message).toMatch(/pid 999999 on caseworker-laptop/);
    expect(error!.message).toContain(`sanad unlock --workspace ${dir}`);
    // The documented way out: sanad unlock removes it, then the workspace opens.
    const out = await sanad(dir, 'unlock');
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('pid 999999 on caseworker-laptop');
    const ws = await openWorkspace(dir, { lockWaitMs: 0 });
    await ws.close();
  });

  it('sanad unlock refuses while the holder is a running Sanad here', async () => {
    const { child, said } = await startHolder();
    expect(said).toBe('locked');
    const out = await sanad(dir, 'unlock');
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`pid ${child.pid} on ${os.hostname()}`);
    expect(await lockExists()).toBe(true);
  });

  it('a writer waits for a holder that lets go within the wait, and fails at once without a wait', async () => {
    const { child, said } = await startHolder();
    expect(said).toBe('locked');
    await expect(openWorkspace(dir, { lockWaitMs: 0 })).rejects.toBeInstanceOf(WorkspaceLockedError);
    const started = Date.now();
    setTimeout(() => child.stdin.end(), 400);
    const ws = await openWorkspace(dir, { lockWaitMs: 10_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    await ws.close();
  });

  it('a lock from before a restart is taken over even though its pid is running now', async () => {
    const live = { pid: process.ppid, since: new Date().toISOString(), ...machineIdentity() };
    await writeFile(lockFile(), JSON.stringify({ ...live, bootId: 'a-boot-before-this-one' }));
    await (await openWorkspace(dir, { lockWaitMs: 0 })).close();
    expect(await lockExists()).toBe(false);
    // An old-format lock (no boot id) taken long before this machine started.
    await writeFile(lockFile(), JSON.stringify({ pid: process.ppid, host: os.hostname(), since: new Date(Date.now() - os.uptime() * 1000 - 3_600_000).toISOString() }));
    await (await openWorkspace(dir, { lockWaitMs: 0 })).close();
    expect(await lockExists()).toBe(false);
  });

  it('a lock whose pid now belongs to a newer process is taken over; a live holder is not', async () => {
    const id = machineIdentity();
    const startTicks = processStartTicks(process.ppid)!;
    await writeFile(lockFile(), JSON.stringify({ pid: process.ppid, ...id, since: new Date().toISOString(), startTicks: String(Number(startTicks) - 1) }));
    await (await openWorkspace(dir, { lockWaitMs: 0 })).close();
    await writeFile(lockFile(), JSON.stringify({ pid: process.ppid, ...id, since: new Date().toISOString(), startTicks }));
    await expect(openWorkspace(dir, { lockWaitMs: 0 })).rejects.toBeInstanceOf(WorkspaceLockedError);
  });

  it('after the computer is renamed, a lock of a dead process is still recognised as this machine\'s', async () => {
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
    await writeFile(lockFile(), JSON.stringify({ pid: deadPid, ...machineIdentity(), host: 'old-name-of-this-laptop', since: new Date().toISOString() }));
    await (await openWorkspace(dir, { lockWaitMs: 0 })).close();
    expect(await lockExists()).toBe(false);
  });
});
