/**
 * The page counts of a case's generated parts (index, schedule, chronology…)
 * at its last build, wherever that build was written. The engine takes them
 * as its first guess of the page numbering: when they hold, the parts are
 * printed once instead of measured and printed again. Only a guess, so a
 * missing, stale or damaged file costs one print and nothing else.
 *
 * Two records, the newer one wins:
 *   cases/<slug>/bundles/.part-lengths.json   { schemaVersion: 1, parts: [{ kind, title, pages }] },
 *       written after each build by a writable opening (atomically, in the write queue);
 *   FILE.report.json beside the bundle being rebuilt: a build to a folder outside the
 *       workspace opens it read-only (`sanad build --out`), and rebuilding the same file
 *       is the common case.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../store/atomic.ts';
import { caseDir } from '../store/layout.ts';
import type { Workspace } from '../store/index.ts';
import { BuildReport } from '../bundle/index.ts';
import { reportPathFor } from '../verify/index.ts';

export const PART_LENGTHS_FILE = '.part-lengths.json';

export const PartLength = z.object({ kind: z.string(), title: z.string(), pages: z.number().int().positive() });
export type PartLength = z.infer<typeof PartLength>;
const PartLengthsFile = z.object({ schemaVersion: z.literal(1), parts: z.array(PartLength) });

export function partLengthsPath(wsDir: string, slug: string): string {
  return join(caseDir(wsDir, slug), 'bundles', PART_LENGTHS_FILE);
}

async function newest<T>(candidates: Array<{ file: string; read: (text: string) => T | undefined }>): Promise<T | undefined> {
  const dated = await Promise.all(candidates.map(async (c) => ({ ...c, t: await stat(c.file).then((s) => s.mtimeMs, () => -1) })));
  for (const c of dated.filter((d) => d.t >= 0).sort((a, b) => b.t - a.t)) {
    try {
      const value = c.read(await readFile(c.file, 'utf8'));
      if (value) return value;
    } catch {
      // Unreadable: the other record, or none.
    }
  }
  return undefined;
}

/**
 * The last build's part lengths: the newer of the case's record and the report beside
 * `out` (when given), or undefined (no build yet, or records that do not parse).
 */
export async function readPartLengths(ws: Workspace, slug: string, out?: string): Promise<PartLength[] | undefined> {
  const record = (text: string) => PartLengthsFile.safeParse(JSON.parse(text)).data?.parts;
  const report = (text: string) => {
    const r = BuildReport.safeParse(JSON.parse(text)).data;
    return r && r.parts.length > 0 ? lengthsOf(r) : undefined;
  };
  return newest<PartLength[]>([
    { file: partLengthsPath(ws.dir, slug), read: record },
    ...(out ? [{ file: reportPathFor(out), read: report }] : []),
  ]);
}

function lengthsOf(report: Pick<BuildReport, 'parts'>): PartLength[] {
  return report.parts.map((p) => ({ kind: p.kind, title: p.title, pages: p.lastPage - p.firstPage + 1 }));
}

/**
 * Records a build's part lengths (nothing for a read-only opening). Never
 * fails the build that was just written: a file that cannot be written is
 * one extra print next time.
 */
export async function writePartLengths(ws: Workspace, slug: string, report: Pick<BuildReport, 'parts'>): Promise<void> {
  if (ws.readOnly) return;
  const parts = lengthsOf(report);
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
