/**
 * The corpus for the whole-process comparison with a Python bundler
 * (`npm run bench -- corpus --keep DIR`), made small: the PDFs, the index CSV
 * listing them in bundle order, and a workspace whose case bundles every one of
 * them with no excerpts, ready for `sanad build bench-case`. No timing here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPARE_CASE_SLUG, CorpusSetupResult, runCorpusSetup } from '../../bench/compare-corpus.ts';
import { openWorkspace } from '../../src/store/index.ts';

const dir = await mkdtemp(join(tmpdir(), 'sanad-compare-corpus-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('runCorpusSetup', () => {
  it('writes 3 PDFs × 2 pages, their index CSV and a workspace whose case holds all three', async () => {
    const result = await runCorpusSetup({ dir, files: 3, pagesPerFile: 2 });
    expect(CorpusSetupResult.parse(result)).toEqual(result);
    expect(result.sourcePages).toBe(6);
    expect((await readdir(join(dir, 'corpus'))).sort()).toEqual(['corpus-01.pdf', 'corpus-02.pdf', 'corpus-03.pdf']);

    const csv = (await readFile(result.indexCsv, 'utf8')).trimEnd().split('\n');
    expect(csv[0]).toBe('filename,title,date,section');
    expect(csv.slice(1)).toEqual([
      'corpus-01.pdf,Benchmark country report 1,2026-01-01,0',
      'corpus-02.pdf,Benchmark country report 2,2026-01-02,0',
      'corpus-03.pdf,Benchmark country report 3,2026-01-03,0',
    ]);
    expect(result.files.map((f) => basename(f))).toEqual(['corpus-01.pdf', 'corpus-02.pdf', 'corpus-03.pdf']);

    const ws = await openWorkspace(result.workspace);
    try {
      const bundle = await ws.getBundle(COMPARE_CASE_SLUG);
      // Every corpus file in the bundle, once each (the generated parts — index, … — come with the case).
      const ids = bundle.sections.flatMap((s) => s.items.flatMap((i) => (i.kind === 'source' ? [i.sourceId] : [])));
      expect(ids).toHaveLength(3);
      const sources = await Promise.all(ids.map((id) => ws.getSource(id)));
      expect(sources.map((s) => s.pages)).toEqual([2, 2, 2]);
      expect(sources.map((s) => s.title).sort()).toEqual(['Benchmark country report 1', 'Benchmark country report 2', 'Benchmark country report 3']);
      // No excerpts: the comparison is of bundling alone.
      expect(await ws.listExcerpts({ all: true })).toEqual([]);
    } finally {
      await ws.close();
    }
  });

  it('is not made without --keep (the runner says to give a folder)', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', 'corpus'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/give --keep DIR/);
  });
});
