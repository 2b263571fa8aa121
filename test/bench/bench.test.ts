/**
 * Smoke runs of both benchmarks with tiny numbers: they go through the real
 * import and build paths and report well-formed, sane figures (pages counted
 * right, every excerpt placed, output written). No timing assertions: speed
 * targets live in `npm run bench`, never in tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BuildBenchResult, filesForPages, runBuildBench } from '../../bench/build.ts';
import { ImportBenchResult, runImportBench } from '../../bench/import.ts';
import { comparison, stageTimer, timeTool } from '../../bench/measure.ts';
import { makeBigPdf } from '../../bench/big-pdf.ts';
import { extractTextParallel } from '../../src/pdf/text-parallel.ts';

const dir = await mkdtemp(join(tmpdir(), 'sanad-bench-test-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('runImportBench', () => {
  it('imports a 5-page PDF and reports its pages, time and memory', async () => {
    const result = await runImportBench({ pages: 5, dir: join(dir, 'import'), processRuns: 1 });
    expect(ImportBenchResult.parse(result)).toEqual(result);
    expect(result.pages).toBe(5);
    expect(result.seconds).toBeGreaterThan(0);
    expect(result.pagesPerSecond).toBeCloseTo(5 / result.seconds, 0);
    expect(result.peakRssMB).toBeGreaterThanOrEqual(result.baselineRssMB);
    expect(result.maxRssKB / 1024).toBeGreaterThanOrEqual(result.peakRssMB * 0.9);
    // poppler is installed on this machine, so the comparison is made.
    expect(result.pdftotext).not.toBeNull();
    expect(result.pdftotext!.ratio).toBeGreaterThan(0);
    // The same file imported by the sanad command as a whole process, next to pdftotext's.
    expect(result.wholeProcess).not.toBeNull();
    expect(result.wholeProcess!.runs).toBe(1);
    expect(result.wholeProcess!.sanadSeconds).toBeGreaterThan(0);
    expect(result.wholeProcess!.pdftotextSeconds).toBeGreaterThan(0);
    // A Node process that loads pdfjs cannot start faster than pdftotext reads 5 pages.
    expect(result.wholeProcess!.ratio).toBeGreaterThan(1);
    expect(result.wholeProcess!.sanadMaxRssMB).toBeGreaterThan(20);
    // The pdfjs floor is timed only from the compiled benchmarks (under tsx it would time the transpiler).
    expect(result.wholeProcess!.pdfjsFloorSeconds).toBeNull();
    expect(result.wholeProcess!.pdfjsFloorRatio).toBeNull();
    // The workspace it imported into holds exactly one source.
    expect(await readdir(join(dir, 'import', 'ws', 'library', 'sources'))).toHaveLength(1);
  });
});

describe('pdfjs-floor', () => {
  const floor = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join('bench', 'pdfjs-floor.ts'), ...args], { encoding: 'utf8', timeout: 60_000 });

  it('reads the text of every page on the threads asked for, each taking its share', async () => {
    const pdf = join(dir, 'floor', 'seven.pdf');
    await makeBigPdf(pdf, 7);
    const reference = await extractTextParallel(new Uint8Array(await readFile(pdf)), { workers: 1 });
    const one = floor(pdf, '1');
    const three = floor(pdf, '3');
    expect(one.status, one.stderr).toBe(0);
    expect(three.status, three.stderr).toBe(0);
    const a = JSON.parse(one.stdout) as { pages: number; threads: number; chars: number };
    const b = JSON.parse(three.stdout) as { pages: number; threads: number; chars: number };
    expect(a).toMatchObject({ pages: 7, threads: 1 });
    expect(b).toMatchObject({ pages: 7, threads: 3 });
    // Every page read once, whatever the split: the same characters as on one thread, and pdfjs's
    // items hold the page text Sanad keeps (less the line breaks it adds between them).
    expect(b.chars).toBe(a.chars);
    const kept = reference.pages.reduce((n, p) => n + p.text.replace(/\s/g, '').length, 0);
    expect(a.chars).toBeGreaterThanOrEqual(kept);
    expect(kept).toBeGreaterThan(1000);
  });

  it('refuses a thread count that is not a positive whole number, and a missing file', () => {
    const pdf = join(dir, 'floor', 'seven.pdf');
    const bad = floor(pdf, 'two');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/THREADS must be a positive whole number, not "two"/);
    const missing = floor(join(dir, 'none.pdf'), '1');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`${join(dir, 'none.pdf')} does not exist: give the path of a PDF.`);
  });
});

describe('print-floor', () => {
  const floor = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join('bench', 'print-floor.ts'), ...args], { encoding: 'utf8', timeout: 120_000 });

  it('prints a one-page document, or the HTML file given, through the printing thread', async () => {
    const one = floor();
    expect(one.status, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ pages: 1 });
    const html = join(dir, 'floor', 'three.html');
    await mkdir(join(dir, 'floor'), { recursive: true });
    await writeFile(html, '<!doctype html><html lang="en"><title>t</title><p>one</p><p style="break-before: page">two</p><p style="break-before: page">three</p></html>');
    const three = floor(html);
    expect(three.status, three.stderr).toBe(0);
    expect(JSON.parse(three.stdout)).toMatchObject({ pages: 3 });
  });

  it('refuses an HTML file it cannot read', () => {
    const missing = floor(join(dir, 'no-such.html'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`${join(dir, 'no-such.html')} cannot be read`);
  });
});

describe('runBuildBench', () => {
  it('builds a bundle of 2 files × 3 pages with 4 excerpts and reports it', async () => {
    const result = await runBuildBench({ files: 2, pagesPerFile: 3, excerpts: 4, dir: join(dir, 'build'), processRuns: 1 });
    expect(BuildBenchResult.parse(result)).toEqual(result);
    expect(result.sources).toBe(2);
    expect(result.sourcePages).toBe(6);
    expect(result.excerpts).toBe(4);
    // The bundle holds the 6 source pages plus its generated parts (index, schedule…).
    expect(result.pages).toBeGreaterThan(6);
    expect(result.seconds).toBeGreaterThan(0);
    expect(result.outputMB).toBeGreaterThan(0);
    expect(result.volumes).toBe(1);
    expect(result.stages.map((s) => s.stage)).toEqual(['plan', 'assemble', 'assemble → verify', 'verify', 'write']);
    const staged = result.stages.reduce((n, s) => n + s.seconds, 0);
    expect(staged).toBeCloseTo(result.seconds, 1);
    expect(result.qpdf).not.toBeNull();
    expect(result.printing.calls).toBeGreaterThan(0);
    // The command line built the same case as a whole process, into its own folder.
    expect(result.wholeProcess?.runs).toBe(1);
    expect(result.wholeProcess!.sanadSeconds).toBeGreaterThan(0);
    expect(result.wholeProcess!.ratio).toBeGreaterThan(0);
    const report = JSON.parse(await readFile(join(dir, 'build', 'out-process-0', 'bundle.report.json'), 'utf8')) as { pages: number };
    expect(report.pages).toBe(result.pages);
  });
});

describe('measuring helpers', () => {
  it('gives null for a tool that is not installed and times one that is', () => {
    expect(timeTool('sanad-no-such-tool', [])).toBeNull();
    expect(timeTool('true', [])).toBeGreaterThan(0);
    expect(() => timeTool('false', [])).toThrow(/false failed/);
    expect(comparison(2, null)).toBeNull();
    expect(comparison(2, 0.5)).toEqual({ seconds: 0.5, ratio: 4 });
  });

  it('splits time between stages at each stage’s last report', async () => {
    const timer = stageTimer('write');
    const pause = () => new Promise((r) => setTimeout(r, 30));
    timer.onProgress({ stage: 'plan', done: 1 });
    await pause();
    timer.onProgress({ stage: 'assemble', done: 1 });
    timer.onProgress({ stage: 'assemble', done: 2 });
    await pause();
    timer.onProgress({ stage: 'verify', done: 0 });
    await pause();
    timer.onProgress({ stage: 'verify', done: 1 });
    const stages = timer.finish();
    expect(stages.map((s) => s.stage)).toEqual(['plan', 'assemble', 'assemble → verify', 'verify', 'write']);
    for (const i of [1, 2, 3]) expect(stages[i]!.seconds).toBeGreaterThanOrEqual(0.025);
    expect(stages[4]!.seconds).toBeLessThan(0.025);
  });

  it('turns a page target into whole files of 25 pages', () => {
    expect(filesForPages(1000)).toBe(40);
    expect(filesForPages(10_000)).toBe(400);
    expect(filesForPages(3)).toBe(1);
  });
});
