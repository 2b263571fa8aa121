/**
 * The page counts of a case's generated parts (index, schedule, chronology…)
 * at its last build, wherever that build was written. The engine takes them
 * as its first guess of the page numbering: when they hold, the parts are
 * printed once instead of measured and printed again. Only a guess, so a
 * missing, stale or damaged file costs one print and nothing else; it is
 * written after each build (atomically, in the write queue, never by a
 * read-only opening) and read without complaint.
 *
 *   cases/<slug>/bundles/.part-lengths.json   { schemaVersion: 1, parts: [{ kind, title, pages }] }
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../store/atomic.ts';
import { caseDir } from '../store/layout.ts';
import type { Workspace } from '../store/index.ts';
import type { BuildReport } from '../bundle/index.ts';

export const PART_LENGTHS_FILE = '.part-lengths.json';

export const PartLength = z.object({ kind: z.string(), title: z.string(), pages: z.number().int().positive() });
export type PartLength = z.infer<typeof PartLength>;
const PartLengthsFile = z.object({ schemaVersion: z.literal(1), parts: z.array(PartLength) });

export function partLengthsPath(wsDir: string, slug: string): string {
  return join(caseDir(wsDir, slug), 'bundles', PART_LENGTHS_FILE);
}

/** The last build's part lengths, or undefined (no build yet, or a file that does not parse). */
export async function readPartLengths(ws: Workspace, slug: string): Promise<PartLength[] | undefined> {
  try {
    const parsed = PartLengthsFile.safeParse(JSON.parse(await readFile(partLengthsPath(ws.dir, slug), 'utf8')));
    return parsed.success ? parsed.data.parts : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Records a build's part lengths (nothing for a read-only opening). Never
 * fails the build that was just written: a file that cannot be written is
 * one extra print next time.
 */
export async function writePartLengths(ws: Workspace, slug: string, report: Pick<BuildReport, 'parts'>): Promise<void> {
  if (ws.readOnly) return;
  const parts = report.parts.map((p) => ({ kind: p.kind, title: p.title, pages: p.lastPage - p.firstPage + 1 }));
  const file = partLengthsPath(ws.dir, slug);
  try {
    await ws.mutate(async () => {
      await mkdir(dirname(file), { recursive: true });
      await writeFileAtomic(file, JSON.stringify({ schemaVersion: 1, parts }, null, 2) + '\n');
    });
  } catch {
    // Only a guess for the next build.
  }
}
