/**
 * `npm run bench -- scale`: growth curves of the library (issue 10, item 6).
 * The library grows to 40, then 200, then 1,000 sources of 25 pages; at each
 * size it reports search, listing and open-library latency, the same search
 * done the old way (every page text re-read and indexed in memory, as
 * `sanad search` did before the persistent index), whole-process timings of
 * the command line, and the library's bytes against the PDFs' bytes.
 *
 * Seeding: importing 1,000 PDFs through pdfjs would take most of an hour on
 * two cores, so the sources are written through the store (Workspace.addSource,
 * which also updates the index) with the page text the generator drew (one run
 * per line) instead of extracting it. Import speed has its own benchmark.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { z } from 'zod';
import type { PageText, SourceMeta } from '../src/model/index.ts';
import { listExcerpts, searchLibrary, sourceSummaries } from '../src/ops/index.ts';
import { initWorkspace, openWorkspace, type Workspace } from '../src/store/index.ts';
import { round } from './measure.ts';
import { makePng } from './png.ts';
import { A4, makeTextPdf } from './text-pdf.ts';
import { PACKAGE_ROOT } from '../src/paths.ts';

const PAGES_PER_SOURCE = 25;
const QUERIES = ['Karachi', '"bomb attacks in Karachi"', 'kidnap*', 'hospital staff Gwadar'];
const bin = path.join(PACKAGE_ROOT, 'bin', 'sanad.js');

export const ScaleStep = z.object({
  sources: z.number(),
  pages: z.number(),
  seedSeconds: z.number(),
  /** Median over QUERIES of each query's median wall-clock ms (queries run one after another). */
  searchMs: z.number(),
  /** The same in CPU ms of this process (steadier than wall-clock on a shared machine). */
  searchCpuMs: z.number(),
  /** Each query's median wall-clock ms. */
  searchByQuery: z.record(z.string(), z.number()),
  searchOldWayMs: z.number().nullable(),
  listSourcesMs: z.number(),
  listExcerptsMs: z.number(),
  openLibraryMs: z.number(),
  cli: z.object({ searchMs: z.number(), sourcesMs: z.number(), helpMs: z.number(), nodeMs: z.number(), searchRatio: z.number(), helpRatio: z.number() }),
  bytes: z.object({ pdfs: z.number(), library: z.number(), index: z.number(), libraryRatio: z.number(), withIndexRatio: z.number() }),
});
export const ScaleBenchResult = z.object({ steps: z.array(ScaleStep), searchGrowth: z.number(), searchCpuGrowth: z.number() });
export type ScaleBenchResult = z.infer<typeof ScaleBenchResult>;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeMs(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return round(median(times), 2);
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Median wall-clock and CPU ms of `fn` after one warm-up call. */
async function timeBoth(fn: () => Promise<unknown>, runs = 7): Promise<{ ms: number; cpuMs: number }> {
  await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = cpuMs();
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
    cpu.push(cpuMs() - c);
  }
  return { ms: round(median(wall), 2), cpuMs: round(median(cpu), 2) };
}

function processMs(args: string[], runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr.toString()}`);
    if (i > 0) times.push(performance.now() - t);
  }
  return round(median(times), 1);
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += (await stat(path.join(e.parentPath, e.name))).size;
  }
  return total;
}

/** One generated source: a 25-page PDF (with an image) and the text drawn on it. */
export async function generatedSource(n: number): Promise<{ meta: SourceMeta; original: Uint8Array; documentPdf: Uint8Array; text: PageText[] }> {
  const title = `Country report ${n}`;
  const { bytes, lines } = await makeTextPdf({ fileNo: n, pages: PAGES_PER_SOURCE, title, image: makePng(320, 160, n) });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const text = lines.map((pageLines, i): PageText => {
    const all = [`${title} - page ${i + 1} of ${PAGES_PER_SOURCE}`, ...pageLines];
    let offset = 0;
    const runs = all.map((line, l) => {
      const run = { start: offset, end: offset + line.length, rect: { x: 56, y: round(A4[1] - 64 - l * 20, 2), w: round(line.length * 5.2, 2), h: 12.6 } };
      offset += line.length + 1;
      return run;
    });
    return { page: i + 1, view: [0, 0, A4[0], A4[1]], rotate: 0, text: all.join('\n'), runs };
  });
  const meta: SourceMeta = {
    schemaVersion: 1,
    id: `s-${sha256.slice(0, 16)}`,
    sha256,
    scope: { kind: 'library' },
    originalName: `report-${n}.pdf`,
    originalFile: 'original.pdf',
    format: 'pdf',
    pages: PAGES_PER_SOURCE,
    flags: [],
    title,
    publisher: n % 2 ? 'Human Rights Watch' : 'Home Office',
    published: `${2010 + (n % 15)}-0${1 + (n % 9)}`,
    type: n % 5 === 0 ? 'news' : 'report',
    previousEditions: [],
    importedAt: '2026-01-01T00:00:00.000Z',
  };
  return { meta, original: bytes, documentPdf: bytes, text };
}

/**
 * Writes generated sources `from`..`to` (1-based, inclusive) into the library
 * through the store (which updates the index), with an excerpt on every
 * second one so listing and filters have work to do. Shared with the app
 * benchmark (bench/app.ts). Returns the bytes of the PDFs written.
 */
export async function seedLibrary(ws: Workspace, from: number, to: number, log: (line: string) => void = () => {}): Promise<number> {
  let bytes = 0;
  for (let count = from; count <= to; count++) {
    const src = await generatedSource(count);
    bytes += src.original.byteLength;
    const meta = await ws.addSource(src);
    if (count % 2 === 0) {
      const page = src.text[count % PAGES_PER_SOURCE]!;
      const exact = page.text.split('\n')[3]!;
      await ws.saveExcerpts(meta.id, [{
        id: `e-${createHash('sha256').update(meta.id).digest('hex').slice(0, 12)}`, sourceId: meta.id, page: page.page,
        quote: { exact, prefix: '', suffix: '' }, position: { start: page.text.indexOf(exact), end: page.text.indexOf(exact) + exact.length },
        rects: [], tags: [count % 4 === 0 ? 't-threat-patterns' : 't-karachi-traced-threats'], places: [count % 3 === 0 ? 'Karachi' : 'Quetta'],
        eventDate: `${2010 + (count % 15)}`, anchor: { status: 'exact', sha256: meta.sha256 },
        createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
      }]);
    }
    if (count % 100 === 0) log(`${count} sources written`);
  }
  return bytes;
}

/** What `sanad search` did before the persistent index: read every page text, index it in memory, search. */
async function searchOldWay(ws: Workspace, query: string): Promise<number> {
  const mini = new MiniSearch<{ id: string; text: string; title: string }>({ fields: ['text', 'title'], processTerm: (t) => t.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase() || null });
  for (const s of await ws.listSources({ all: true })) {
    mini.addAll((await ws.readText(s.id)).map((p) => ({ id: `${s.id}#${p.page}`, title: s.title, text: p.text })));
  }
  return mini.search(query, { prefix: (t) => t.length > 3, combineWith: 'AND' }).length;
}

export async function runScaleBench(options: { sizes?: number[]; dir?: string; oldWayUpTo?: number; log?: (line: string) => void } = {}): Promise<ScaleBenchResult> {
  const sizes = options.sizes ?? [40, 200, 1000];
  const log = options.log ?? (() => {});
  const root = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'sanad-scale-')));
  const wsDir = path.join(root, 'ws');
  await initWorkspace(wsDir);
  let ws = await openWorkspace(wsDir);
  const steps: ScaleBenchResult['steps'] = [];
  let pdfBytes = 0;
  let count = 0;
  try {
    for (const size of sizes) {
      const seedStart = performance.now();
      pdfBytes += await seedLibrary(ws, count + 1, size, log);
      count = size;
      const seedSeconds = round((performance.now() - seedStart) / 1000, 1);
      await ws.close();
      log(`${size} sources: measuring`);

      // Opening the library as the app does: open the workspace, list the sources with their counts.
      const openLibraryMs = await timeMs(async () => {
        const w = await openWorkspace(wsDir, { readOnly: true });
        await sourceSummaries(w, { all: true, months: 24, reference: new Date() });
        await w.close();
      }, 3);
      ws = await openWorkspace(wsDir);
      // One query at a time: timed together, each would also count the others' work.
      const searchByQuery: Record<string, number> = {};
      const searchCpu: number[] = [];
      for (const q of QUERIES) {
        const t = await timeBoth(() => searchLibrary(ws, { query: q, limit: 20 }));
        searchByQuery[q] = t.ms;
        searchCpu.push(t.cpuMs);
      }
      const searchMs = round(median(Object.values(searchByQuery)), 2);
      const searchCpuMs = round(median(searchCpu), 2);
      const searchOldWayMs = size <= (options.oldWayUpTo ?? 200) ? await timeMs(() => searchOldWay(ws, 'Karachi'), 1) : null;
      const listSourcesMs = await timeMs(() => sourceSummaries(ws, { all: true, months: 24, reference: new Date() }));
      const listExcerptsMs = await timeMs(() => listExcerpts(ws, { tag: 'Karachi-traced threats', place: 'Karachi' }));
      await ws.close();

      const cli = {
        searchMs: processMs([bin, '--workspace', wsDir, 'search', 'Karachi']),
        sourcesMs: processMs([bin, '--workspace', wsDir, 'sources', '--json']),
        helpMs: processMs([bin, '--help']),
        nodeMs: processMs(['-e', '0']),
        searchRatio: 0,
        helpRatio: 0,
      };
      cli.searchRatio = round(cli.searchMs / cli.nodeMs, 2);
      cli.helpRatio = round(cli.helpMs / cli.nodeMs, 2);
      const library = await folderBytes(path.join(wsDir, 'library'));
      const index = await folderBytes(path.join(wsDir, 'index'));
      const bytes = { pdfs: pdfBytes, library, index, libraryRatio: round(library / pdfBytes, 3), withIndexRatio: round((library + index) / pdfBytes, 3) };
      const step = { sources: size, pages: size * PAGES_PER_SOURCE, seedSeconds, searchMs, searchCpuMs, searchByQuery, searchOldWayMs, listSourcesMs, listExcerptsMs, openLibraryMs, cli, bytes };
      log(JSON.stringify(step));
      steps.push(step);
      ws = await openWorkspace(wsDir);
    }
  } finally {
    await ws.close();
    if (!options.dir) await rm(root, { recursive: true, force: true });
  }
  return { steps, searchGrowth: round(steps.at(-1)!.searchMs / steps[0]!.searchMs, 2), searchCpuGrowth: round(steps.at(-1)!.searchCpuMs / steps[0]!.searchCpuMs, 2) };
}
