/**
 * One writer per workspace. `<ws>/.sanad.lock` is created with O_EXCL and
 * holds `{pid, host, since}`; a second process gets WorkspaceLockedError
 * naming the holder. A lock left by a process that died on this machine is
 * taken over. The lock is released on close and when the process exits
 * normally; after a kill the stale-lock check cleans up on the next open.
 */
import { promises as fsp, readFileSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { WorkspaceLockedError } from '../errors.ts';
import { fsyncDir, writeNewFileDurable } from './atomic.ts';
import { lockPath } from './layout.ts';

const LockContent = z.object({ pid: z.number().int(), host: z.string(), since: z.string() });
type LockContent = z.infer<typeof LockContent>;

/** A lock file this young may still be being written by its creator: not stale yet. */
const UNREADABLE_GRACE_MS = 10_000;

export interface WorkspaceLock {
  readonly file: string;
  readonly content: LockContent;
  release(): Promise<void>;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function describeHolder(content: LockContent): string {
  return `pid ${content.pid} on ${content.host}`;
}

async function readLock(file: string): Promise<{ text: string; content: LockContent | undefined; ageMs: number }> {
  const [text, stat] = await Promise.all([fsp.readFile(file, 'utf8'), fsp.stat(file)]);
  let content: LockContent | undefined;
  try {
    const parsed = LockContent.safeParse(JSON.parse(text));
    content = parsed.success ? parsed.data : undefined;
  } catch {
    content = undefined;
  }
  return { text, content, ageMs: Date.now() - stat.mtimeMs };
}

/** Moves a stale lock out of the way, unless another process replaced it meanwhile (then puts it back). */
async function removeStale(file: string, staleText: string): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await fsp.rename(file, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const moved = await fsp.readFile(aside, 'utf8');
  if (moved !== staleText) await fsp.link(aside, file).catch(() => undefined);
  await fsp.rm(aside, { force: true });
}

/** Takes the write lock of workspace `ws` or throws WorkspaceLockedError. */
export async function acquireLock(ws: string): Promise<WorkspaceLock> {
  const file = lockPath(ws);
  const content: LockContent = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  const text = `${JSON.stringify(content, null, 2)}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await writeNewFileDurable(file, text);
      await fsyncDir(ws);
      return makeLock(file, content, text);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let current;
    try {
      current = await readLock(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    const holder = current.content;
    const stale = holder
      ? holder.host === os.hostname() && holder.pid !== process.pid && !isProcessAlive(holder.pid)
      : current.ageMs > UNREADABLE_GRACE_MS;
    if (!stale) throw new WorkspaceLockedError(ws, holder ? describeHolder(holder) : 'an unknown process');
    await removeStale(file, current.text);
  }
  throw new WorkspaceLockedError(ws, 'another process that keeps taking it');
}

function makeLock(file: string, content: LockContent, text: string): WorkspaceLock {
  let released = false;
  const stillOurs = (current: string): boolean => current === text;
  const onExit = (): void => {
    try {
      if (stillOurs(readFileSync(file, 'utf8'))) unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.once('exit', onExit);
  return {
    file,
    content,
    async release() {
      if (released) return;
      released = true;
      process.removeListener('exit', onExit);
      try {
        if (stillOurs(await fsp.readFile(file, 'utf8'))) await fsp.unlink(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    },
  };
}
