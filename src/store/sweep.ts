/**
 * Leftovers of interrupted saves. An atomic write goes through
 * `.<name>.<pid>-<random>.tmp` next to its target (atomic.ts); a process
 * killed mid-save leaves that file behind. When a workspace opens for
 * writing (so no other Sanad is saving), temporary files whose process is
 * gone (or which predate this boot) are removed. Staging folders are
 * recovered separately (staging.ts).
 */
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isProcessAlive } from './lock-holder.ts';
import { STAGING_DIR } from './layout.ts';

const TEMP_NAME = /^\..+\.(\d+)-[0-9a-f]{8}\.tmp$/;

/** Removes orphaned temporary files under `ws`; returns their paths (relative to `ws`). */
export async function sweepOrphanedTemps(ws: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await fsp.readdir(ws, { recursive: true });
  } catch {
    return [];
  }
  const bootMs = Date.now() - os.uptime() * 1000;
  const removed: string[] = [];
  for (const rel of entries) {
    const match = TEMP_NAME.exec(path.basename(rel));
    if (!match || rel.split(path.sep)[0] === STAGING_DIR) continue;
    const pid = Number(match[1]);
    if (pid === process.pid) continue;
    const file = path.join(ws, rel);
    try {
      const stat = await fsp.lstat(file);
      if (!stat.isFile()) continue;
      if (isProcessAlive(pid) && stat.mtimeMs >= bootMs) continue;
      await fsp.unlink(file);
      removed.push(rel);
    } catch {
      // Gone meanwhile, or not ours to remove: leave it.
    }
  }
  return removed;
}
