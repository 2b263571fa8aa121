/**
 * Whether a path lies inside a workspace folder, following symbolic links
 * (of the nearest existing ancestor, since an output file may not exist yet),
 * so that "write a file there" can demand the workspace lock.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';

async function realpathOfNearest(p: string): Promise<string> {
  const rest: string[] = [];
  let current = path.resolve(p);
  for (;;) {
    try {
      return path.join(await fsp.realpath(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.resolve(p);
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

export async function isInsideWorkspace(ws: string, file: string): Promise<boolean> {
  const [root, target] = await Promise.all([realpathOfNearest(ws), realpathOfNearest(file)]);
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
