/**
 * Crash-safe file writes. A save must never leave a half-written file: the
 * new bytes go to a temporary file in the same folder, are fsynced, renamed
 * over the target (atomic on one filesystem) and the folder is fsynced so the
 * rename itself survives a power cut. The previous version is kept as
 * `<file>.bak`, itself written the same way.
 *
 * All calls go through `fsp` (node:fs promises object) at call time, so tests
 * can stub a single step (e.g. rename) to simulate a crash.
 */
import { promises as fsp } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export function tempNameFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** fsync a folder so renames and new entries in it are durable (not possible on Windows; skipped there). */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates a new file (refusing to overwrite), writes it and fsyncs it. */
export async function writeNewFileDurable(file: string, data: Uint8Array | string): Promise<void> {
  const handle = await fsp.open(file, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function removeQuietly(file: string): Promise<void> {
  await fsp.rm(file, { force: true }).catch(() => undefined);
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.access(file);
    return true;
  } catch {
    return false;
  }
}

/** Replaces `file` with `data` atomically; with `backup`, the previous content is kept as `<file>.bak` first. */
export async function writeFileAtomic(
  file: string,
  data: Uint8Array | string,
  options: { backup?: boolean } = {},
): Promise<void> {
  const dir = path.dirname(file);
  if (options.backup && (await exists(file))) {
    const bakTemp = tempNameFor(`${file}.bak`);
    try {
      await fsp.copyFile(file, bakTemp);
      const handle = await fsp.open(bakTemp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fsp.rename(bakTemp, `${file}.bak`);
    } catch (e) {
      await removeQuietly(bakTemp);
      throw e;
    }
  }
  const temp = tempNameFor(file);
  try {
    await writeNewFileDurable(temp, data);
    await fsp.rename(temp, file);
  } catch (e) {
    await removeQuietly(temp);
    throw e;
  }
  await fsyncDir(dir);
}

/** Renames a file or folder and makes the change durable in both parent folders. */
export async function renameDurable(from: string, to: string): Promise<void> {
  await fsp.rename(from, to);
  await fsyncDir(path.dirname(to));
  if (path.dirname(from) !== path.dirname(to)) await fsyncDir(path.dirname(from));
}
