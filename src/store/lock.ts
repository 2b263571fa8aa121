/**
 * One writer per workspace. `<ws>/.sanad.lock` is created with O_EXCL and
 * records its holder (lock-holder.ts). A writer that finds the lock held
 * waits a little (another Sanad may be finishing a short command) and then
 * gets WorkspaceLockedError naming the holder.
 *
 * A lock whose holder is provably gone is broken, never moved: the breaker
 * first creates `<lock>.break-<hash of the stale lock>` with O_EXCL (only one
 * process at a time can hold it), re-reads the lock, and unlinks it only if
 * it is still the very lock judged stale. Then everyone competes again with
 * O_EXCL, so exactly one process wins. A breaker file left by a process that
 * died while breaking is itself broken the same way, one level up.
 */
import { promises as fsp, readFileSync, unlinkSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { WorkspaceLockedError } from '../errors.ts';
import { fsyncDir, writeNewFileDurable } from './atomic.ts';
import { lockPath } from './layout.ts';
import { describeHolder, judgeHolder, LockContent, machineIdentity, processStartTicks, type Verdict } from './lock-holder.ts';

export { describeHolder, isProcessAlive } from './lock-holder.ts';

/** A lock file this young may still be being written by its creator: not stale yet. */
const UNREADABLE_GRACE_MS = 10_000;
/** How long a writer waits for a lock held by a live process, unless told otherwise. */
export const DEFAULT_LOCK_WAIT_MS = 3_000;
const MAX_BREAK_DEPTH = 3;

export interface WorkspaceLock {
  readonly file: string;
  readonly content: LockContent;
  release(): Promise<void>;
}

export interface AcquireOptions {
  /** Wait up to this long for a live holder to let go (default: $SANAD_LOCK_WAIT_MS, else 3 s). */
  waitMs?: number;
}

/** Texts of the locks this process holds now. */
const ownLocks = new Set<string>();

function defaultWaitMs(): number {
  const fromEnv = Number(process.env.SANAD_LOCK_WAIT_MS);
  return Number.isFinite(fromEnv) && fromEnv >= 0 ? fromEnv : DEFAULT_LOCK_WAIT_MS;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface ReadLock {
  text: string;
  content: LockContent | undefined;
  ageMs: number;
}

async function readLock(file: string): Promise<ReadLock> {
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

function verdictOf(lock: ReadLock): Verdict {
  if (lock.content) return judgeHolder(lock.content, lock.text, ownLocks);
  return lock.ageMs > UNREADABLE_GRACE_MS ? { stale: true, why: 'unreadable and old' } : { stale: false, why: 'being-written' };
}

function newLockText(): { content: LockContent; text: string } {
  const id = machineIdentity();
  const startTicks = processStartTicks(process.pid);
  const content: LockContent = {
    pid: process.pid,
    ...id,
    since: new Date().toISOString(),
    nonce: randomBytes(8).toString('hex'),
    ...(startTicks ? { startTicks } : {}),
  };
  return { content, text: `${JSON.stringify(content, null, 2)}\n` };
}

const isCode = (e: unknown, code: string) => (e as NodeJS.ErrnoException).code === code;

/**
 * Unlinks `file` if it still holds exactly `judgedText`, holding the breaker
 * side-file meanwhile. Returns false when another process is breaking it (try again).
 */
export async function breakLockFile(file: string, judgedText: string, depth = 0): Promise<boolean> {
  const breaker = `${file}.break-${createHash('sha256').update(judgedText).digest('hex').slice(0, 16)}`;
  try {
    await writeNewFileDurable(breaker, newLockText().text);
  } catch (e) {
    if (!isCode(e, 'EEXIST')) throw e;
    let other: ReadLock;
    try {
      other = await readLock(breaker);
    } catch (e2) {
      if (isCode(e2, 'ENOENT')) return false;
      throw e2;
    }
    if (depth < MAX_BREAK_DEPTH && verdictOf(other).stale) await breakLockFile(breaker, other.text, depth + 1);
    return false;
  }
  try {
    let current: string | undefined;
    try {
      current = await fsp.readFile(file, 'utf8');
    } catch (e) {
      if (!isCode(e, 'ENOENT')) throw e;
    }
    if (current !== judgedText) return false;
    await fsp.unlink(file);
    await fsyncDir(path.dirname(file));
    return true;
  } finally {
    await fsp.unlink(breaker).catch(() => undefined);
  }
}

function lockedError(ws: string, lock: ReadLock, verdict: Verdict): WorkspaceLockedError {
  const holder = lock.content ? describeHolder(lock.content) : 'an unknown process';
  if (verdict.stale || verdict.why === 'running' || verdict.why === 'being-written') return new WorkspaceLockedError(ws, holder);
  const where = verdict.why === 'other-container' ? 'in another container on this computer' : `on ${lock.content?.host ?? 'another computer'}`;
  return new WorkspaceLockedError(
    ws,
    holder,
    `close Sanad ${where} and try again. If Sanad is not running there (the computer was renamed, or the lock was left behind), run "sanad unlock --workspace ${ws}" and try again`,
  );
}

/** Takes the write lock of workspace `ws`, waiting up to `waitMs` for a live holder; else WorkspaceLockedError. */
export async function acquireLock(ws: string, options: AcquireOptions = {}): Promise<WorkspaceLock> {
  const file = lockPath(ws);
  const deadline = Date.now() + (options.waitMs ?? defaultWaitMs());
  const { content, text } = newLockText();
  for (let attempt = 0; ; attempt++) {
    try {
      ownLocks.add(text);
      await writeNewFileDurable(file, text);
      await fsyncDir(ws);
      return makeLock(file, content, text);
    } catch (e) {
      ownLocks.delete(text);
      if (!isCode(e, 'EEXIST')) throw e;
    }
    let current: ReadLock;
    try {
      current = await readLock(file);
    } catch (e) {
      if (isCode(e, 'ENOENT')) continue;
      throw e;
    }
    const verdict = verdictOf(current);
    const overdue = Date.now() >= deadline;
    if (verdict.stale) {
      if (await breakLockFile(file, current.text)) continue;
      if (overdue && attempt > 50) throw lockedError(ws, current, verdict);
      await sleep(5 + Math.random() * 20);
      continue;
    }
    if (overdue) throw lockedError(ws, current, verdict);
    await sleep(Math.min(50 + Math.random() * 100, Math.max(1, deadline - Date.now())));
  }
}

/**
 * `sanad unlock`: removes a lock whose holder is not a running process on
 * this computer (a lock left by a renamed or restarted computer, or another
 * machine's Sanad that is known to be closed). Refuses while the holder runs here.
 */
export async function forceUnlock(ws: string): Promise<{ removed: boolean; holder?: string }> {
  const file = lockPath(ws);
  for (let attempt = 0; attempt < 20; attempt++) {
    let current: ReadLock;
    try {
      current = await readLock(file);
    } catch (e) {
      if (isCode(e, 'ENOENT')) return { removed: false };
      throw e;
    }
    const verdict = verdictOf(current);
    if (!verdict.stale && (verdict.why === 'running' || verdict.why === 'being-written')) throw lockedError(ws, current, verdict);
    if (await breakLockFile(file, current.text)) return { removed: true, holder: current.content ? describeHolder(current.content) : 'an unknown process' };
    await sleep(20);
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
        if (!isCode(e, 'ENOENT')) throw e;
      } finally {
        ownLocks.delete(text);
      }
    },
  };
}
