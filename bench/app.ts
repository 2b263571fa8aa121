/**
 * `npm run bench -- app`: the desktop app at library scale (issue 10, item 6).
 * A library of 1,000 generated sources (bench/scale.ts's seeding) plus one
 * real 500-page PDF imported through the import path is opened in the
 * end-to-end harness (the built renderer in Chromium, `window.sanad` backed by
 * the real core's handlers, test/e2e/harness.ts), and two things are timed on
 * the page's own clock (performance.now(), checked every animation frame by a
 * watcher the page runs itself, installed before the page's scripts: waiting
 * through Playwright's own polling would add its round trips, which the app
 * in Electron does not have):
 * - library: from the start of navigation to the library table showing its
 *   rows (the first navigation opens the index in a fresh core; later ones
 *   are reloads);
 * - reader: from the click on "Open" for the 500-page source to its first
 *   page drawn (canvas painted) with its text layer present. Before each
 *   click the library stays on screen for two seconds, as it would for a
 *   person choosing a source (the app loads pdf.js while it is idle).
 * Screenshots of both go to test-output/bench/. Goal: both under a second.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { importFiles } from '../src/ingest/index.ts';
import { PACKAGE_ROOT } from '../src/paths.ts';
import { ChromiumPrinter } from '../src/print/chromium.ts';
import { initWorkspace, openWorkspace } from '../src/store/index.ts';
import { startApp, type AppHarness } from '../test/e2e/harness.ts';
import { makeBigPdf } from './big-pdf.ts';
import { round } from './measure.ts';
import { seedLibrary } from './scale.ts';

const BIG_NAME = 'long-report.pdf';
const BIG_TITLE = 'Benchmark long report';

const Timing = z.object({ firstMs: z.number(), medianMs: z.number(), runsMs: z.array(z.number()) });
export const AppBenchResult = z.object({
  bench: z.literal('app'),
  sources: z.number().int(),
  bigPages: z.number().int(),
  /** Rows in the library table when it was first shown. */
  rowsShown: z.number().int(),
  library: Timing,
  reader: Timing,
  setupSeconds: z.number(),
  screenshots: z.array(z.string()),
});
export type AppBenchResult = z.infer<typeof AppBenchResult>;

export interface AppBenchOptions {
  /** Generated sources besides the long PDF (default 1,000). */
  sources?: number;
  /** Pages of the long PDF (default 500). */
  pages?: number;
  /** Timed runs of each measurement after the first (default 4). */
  runs?: number;
  /** Scratch folder; a workspace already seeded there is reused (default: a temp folder, removed). */
  dir?: string;
  log?: (line: string) => void;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Seeds (or tops up) the workspace: `sources` generated sources and the long PDF imported for real. */
async function prepare(wsDir: string, root: string, sources: number, pages: number, log: (line: string) => void): Promise<void> {
  if (!existsSync(path.join(wsDir, 'workspace.json'))) await initWorkspace(wsDir);
  const ws = await openWorkspace(wsDir);
  const printer = new ChromiumPrinter(); // the PDF path never prints
  try {
    const listed = await ws.indexedSources({ all: true });
    const generated = listed.filter((s) => s.title.startsWith('Country report ')).length;
    if (generated < sources) {
      log(`writing sources ${generated + 1}–${sources}`);
      await seedLibrary(ws, generated + 1, sources, log);
    }
    if (!listed.some((s) => s.originalName === BIG_NAME)) {
      const pdf = path.join(root, BIG_NAME);
      await makeBigPdf(pdf, pages);
      log(`importing the ${pages}-page PDF`);
      const [imported] = await importFiles(ws, [pdf], { printer });
      if (imported?.source.pages !== pages) throw new Error(`The import counted ${imported?.source.pages} pages in a ${pages}-page PDF.`);
    }
  } finally {
    await printer.close();
    await ws.close();
  }
  // A library at rest, as a person opens it days after the imports: folders written in the last
  // moments before their indexing carry no trusted stamp yet (index-sync's SETTLE_MS), and the
  // first open would re-read them. Let them settle and reconcile once, outside the timings.
  await new Promise((r) => setTimeout(r, 250));
  const settled = await openWorkspace(wsDir);
  try {
    await settled.index();
  } finally {
    await settled.close();
  }
}

const ROWS = 'table[aria-label="Sources"] tbody tr';

/**
 * Page script: from now on, checks `test` (an expression) at every animation frame and records
 * the first frame's time at which it holds in window[key]. The check runs in the frame's
 * animation callbacks, before that frame's layout and paint: the frame that first shows it.
 */
function watchFrames(key: string, test: string): string {
  return `(() => {
    window['${key}'] = undefined;
    const tick = () => {
      if (${test}) window['${key}'] = performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`;
}

/** Waits for the page's watcher (watchFrames) to record its time, and returns it. */
async function recorded(app: AppHarness, key: string): Promise<number> {
  const at = await app.page.waitForFunction(`window['${key}'] ?? false`, undefined, { polling: 100, timeout: 60_000 });
  return (await at.jsonValue()) as number;
}

const ROWS_AT = '__benchRowsAt';

/** Milliseconds from the start of the page's navigation until the library table shows rows. */
async function libraryShown(app: AppHarness): Promise<number> {
  return round(await recorded(app, ROWS_AT), 1);
}

/** In the page: is page 1 of the viewer drawn (a visible canvas with ink) with its text layer? */
const FIRST_PAGE_DRAWN = `(() => {
  const page = document.querySelector('.pdfViewer .page[data-page-number="1"]');
  const canvas = page?.querySelector('.canvasWrapper canvas');
  if (!canvas || canvas.hidden || !canvas.width) return false;
  return page.querySelectorAll('.textLayer span').length > 0 ? performance.now() : false;
})()`;

/** Does the drawn canvas hold ink (not a blank page)? Checked once, after the timing. */
const CANVAS_HAS_INK = `(() => {
  const canvas = document.querySelector('.pdfViewer .page[data-page-number="1"] .canvasWrapper canvas');
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark++;
  return dark;
})()`;

/** Opens the long source from the library and returns the ms until its first page is drawn. */
async function readerShown(app: AppHarness): Promise<number> {
  const { page } = app;
  await page.getByLabel('Filter sources').fill(BIG_TITLE);
  const open = page.getByRole('button', { name: `Open ${BIG_TITLE} in the reader` });
  await open.waitFor();
  await page.waitForTimeout(2000);
  await page.evaluate(`document.addEventListener('click', () => { window.__openedAt = performance.now(); }, { capture: true, once: true })`);
  await page.evaluate(watchFrames('__benchDrawnAt', FIRST_PAGE_DRAWN));
  await open.click();
  const drawnAt = await recorded(app, '__benchDrawnAt');
  const openedAt = (await page.evaluate('window.__openedAt')) as number;
  return round(drawnAt - openedAt, 1);
}

export async function runAppBench(options: AppBenchOptions = {}): Promise<AppBenchResult> {
  const log = options.log ?? (() => {});
  const sources = options.sources ?? 1000;
  const pages = options.pages ?? 500;
  const runs = options.runs ?? 4;
  const root = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'sanad-bench-app-')));
  const wsDir = path.join(root, 'ws');
  const shots = path.join(PACKAGE_ROOT, 'test-output', 'bench');
  await mkdir(shots, { recursive: true });
  const setupStart = performance.now();
  await prepare(wsDir, root, sources, pages, log);
  const setupSeconds = round((performance.now() - setupStart) / 1000, 1);
  log('starting the app');
  let app: AppHarness | undefined;
  try {
    // Installed before the page's own scripts on every navigation, reloads included.
    app = await startApp({
      workspace: wsDir,
      beforeLoad: async (page) => {
        await page.addInitScript(watchFrames(ROWS_AT, `document.querySelector('${ROWS}')`));
      },
    });
    const libraryRuns = [await libraryShown(app)];
    const rowsShown = await app.page.locator(ROWS).count();
    const screenshots = [path.join(shots, 'library-1000.png')];
    await app.page.screenshot({ path: screenshots[0]! });
    for (let i = 0; i < runs; i++) {
      await app.page.reload();
      libraryRuns.push(await libraryShown(app));
    }
    log(`library: ${libraryRuns.join(', ')} ms`);

    const readerRuns: number[] = [];
    for (let i = 0; i <= runs; i++) {
      if (i > 0) {
        await app.page.locator('.reader .view-header').getByRole('button', { name: 'Library' }).click();
        await app.page.locator(ROWS).first().waitFor();
      }
      readerRuns.push(await readerShown(app));
      if (i === 0) {
        const ink = (await app.page.evaluate(CANVAS_HAS_INK)) as number;
        if (ink < 100) throw new Error(`The first page of the ${pages}-page source was drawn blank (${ink} dark pixels).`);
        screenshots.push(path.join(shots, 'reader-500.png'));
        await app.page.screenshot({ path: screenshots[1]! });
      }
    }
    log(`reader: ${readerRuns.join(', ')} ms`);
    const timing = (xs: number[]) => ({ firstMs: xs[0]!, medianMs: median(xs.slice(1)), runsMs: xs });
    return AppBenchResult.parse({
      bench: 'app',
      sources,
      bigPages: pages,
      rowsShown,
      library: timing(libraryRuns),
      reader: timing(readerRuns),
      setupSeconds,
      screenshots,
    });
  } finally {
    await app?.close();
    if (!options.dir) await rm(root, { recursive: true, force: true });
  }
}
