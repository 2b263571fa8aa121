/**
 * Folder-level transactions. A source or case folder is built completely in
 * `<ws>/.staging/<random>/new/` (every file fsynced) and appears in its place
 * with one rename, so a crash never leaves a half-imported source. Replacing
 * a folder moves the old one aside first, with a note of where it came from,
 * so that opening the workspace after a crash between the two renames puts
 * the old folder back. Deleting moves the folder aside, then removes it.
 */
import { promises as fsp } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fsyncDir, renameDurable, writeNewFileDurable } from './atomic.ts';
import { stagingRoot } from './layout.ts';

const MARKER = 'target.json';

export interface Stage {
  /** The staging folder itself. */
  readonly root: string;
  /** Build the new folder's content here. */
  readonly newDir: string;
}

export async function createStage(ws: string): Promise<Stage> {
  const root = path.join(stagingRoot(ws), randomBytes(8).toString('hex'));
  const newDir = path.join(root, 'new');
  await fsp.mkdir(newDir, { recursive: true });
  return { root, newDir };
}

export async function discardStage(stage: Stage): Promise<void> {
  await fsp.rm(stage.root, { recursive: true, force: true });
}

/** Moves the built folder to `target`, which must not exist. */
export async function commitNew(stage: Stage, target: string): Promise<void> {
  await fsyncDir(stage.newDir);
  await fsp.mkdir(path.dirname(target), { recursive: true });
  await renameDurable(stage.newDir, target);
  await discardStage(stage);
}

/** Replaces the existing folder `target` with the built one. */
export async function commitReplace(ws: string, stage: Stage, target: string): Promise<void> {
  await fsyncDir(stage.newDir);
  await writeNewFileDurable(path.join(stage.root, MARKER), `${JSON.stringify({ target: path.relative(ws, target) })}\n`);
  const old = path.join(stage.root, 'old');
  await renameDurable(target, old);
  try {
    await renameDurable(stage.newDir, target);
  } catch (e) {
    await renameDurable(old, target);
    throw e;
  }
  await discardStage(stage);
}

/** Removes a folder so that it disappears at once (a crash cannot leave half of it in place). */
export async function removeFolder(ws: string, target: string): Promise<void> {
  const stage = await createStage(ws);
  await renameDurable(target, path.join(stage.root, 'old'));
  await discardStage(stage);
}

/** Run when opening for writing: rolls back interrupted replacements and clears unfinished work. */
export async function recoverStaging(ws: string): Promise<void> {
  let entries: string[];
  try {
    entries = await fsp.readdir(stagingRoot(ws));
  } catch {
    return;
  }
  for (const name of entries) {
    const root = path.join(stagingRoot(ws), name);
    try {
      const marker = JSON.parse(await fsp.readFile(path.join(root, MARKER), 'utf8')) as { target?: unknown };
      const old = path.join(root, 'old');
      if (typeof marker.target === 'string' && !marker.target.startsWith('..') && !path.isAbsolute(marker.target)) {
        const target = path.join(ws, marker.target);
        const targetExists = await fsp.access(target).then(() => true, () => false);
        const oldExists = await fsp.access(old).then(() => true, () => false);
        if (!targetExists && oldExists) await renameDurable(old, target);
      }
    } catch {
      // No marker: an unfinished import or a deletion; nothing to put back.
    }
    await fsp.rm(root, { recursive: true, force: true });
  }
}
