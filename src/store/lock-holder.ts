/**
 * Who holds a workspace lock, and whether that holder can still be running.
 * A lock records the process (pid and its start time), the machine (host
 * name, /etc/machine-id, boot id, pid namespace) and when it was taken, so
 * that a lock left behind is recognised without guessing:
 * - the process is gone, or its pid now belongs to a newer process;
 * - the machine restarted since (another boot id, or taken before boot);
 * - the computer was renamed (same machine id, another host name).
 * A lock from another machine (or another container) cannot be judged from
 * here: it is respected, and the message says how to remove it by hand.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import { z } from 'zod';

export const LockContent = z.object({
  pid: z.number().int(),
  host: z.string(),
  since: z.string(),
  nonce: z.string().optional(),
  machineId: z.string().optional(),
  bootId: z.string().optional(),
  pidNs: z.string().optional(),
  startTicks: z.string().optional(),
});
export type LockContent = z.infer<typeof LockContent>;

export type Verdict =
  | { stale: true; why: string }
  | { stale: false; why: 'running' | 'other-machine' | 'other-container' | 'being-written' };

function readTrimmed(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat: the process's start time in clock ticks after boot (Linux). */
export function processStartTicks(pid: number): string | undefined {
  const stat = readTrimmed(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19];
}

export interface MachineIdentity {
  host: string;
  machineId?: string;
  bootId?: string;
  pidNs?: string;
}

let cached: MachineIdentity | undefined;

/** This machine as a lock records it (Linux gives all four; elsewhere only the host name). */
export function machineIdentity(): MachineIdentity {
  if (!cached) {
    let pidNs: string | undefined;
    try {
      pidNs = readlinkSync('/proc/self/ns/pid');
    } catch {
      pidNs = undefined;
    }
    const machineId = readTrimmed('/etc/machine-id') ?? readTrimmed('/var/lib/dbus/machine-id');
    const bootId = readTrimmed('/proc/sys/kernel/random/boot_id');
    cached = { host: os.hostname(), ...(machineId ? { machineId } : {}), ...(bootId ? { bootId } : {}), ...(pidNs ? { pidNs } : {}) };
  }
  return { ...cached, host: os.hostname() };
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When this machine last started (ms since the epoch). */
function bootTimeMs(): number {
  return Date.now() - os.uptime() * 1000;
}

/** Allowance for clocks and for the time between boot and Sanad writing a lock. */
const CLOCK_SLACK_MS = 60_000;

/**
 * Whether the holder of a lock is provably gone. `ownLocks` are the lock
 * texts this process holds right now (a lock with our pid that is not one of
 * them was left by an earlier process that had the same pid).
 */
export function judgeHolder(holder: LockContent, text: string, ownLocks: ReadonlySet<string>): Verdict {
  const here = machineIdentity();
  const sameMachine = holder.machineId && here.machineId ? holder.machineId === here.machineId : holder.host === here.host;
  if (!sameMachine) return { stale: false, why: 'other-machine' };
  if (holder.bootId && here.bootId) {
    if (holder.bootId !== here.bootId) return { stale: true, why: 'taken before the computer restarted' };
  } else if (Date.parse(holder.since) < bootTimeMs() - CLOCK_SLACK_MS) {
    return { stale: true, why: 'taken before the computer restarted' };
  }
  if (holder.pidNs && here.pidNs && holder.pidNs !== here.pidNs) return { stale: false, why: 'other-container' };
  if (holder.pid === process.pid) return ownLocks.has(text) ? { stale: false, why: 'running' } : { stale: true, why: 'left by an earlier process' };
  if (!isProcessAlive(holder.pid)) return { stale: true, why: 'its process has ended' };
  const started = processStartTicks(holder.pid);
  if (holder.startTicks !== undefined) {
    if (started !== undefined && started !== holder.startTicks) return { stale: true, why: 'its process has ended (the pid is reused)' };
  } else if (started !== undefined) {
    // An older lock without the start time: a process that started after the lock was taken is not its holder.
    const startedAt = bootTimeMs() + (Number(started) / 100) * 1000;
    if (startedAt > Date.parse(holder.since) + CLOCK_SLACK_MS) return { stale: true, why: 'its process has ended (the pid is reused)' };
  }
  return { stale: false, why: 'running' };
}

export function describeHolder(content: LockContent): string {
  return `pid ${content.pid} on ${content.host}`;
}
