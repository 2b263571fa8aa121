import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.ts';
import { startApp, type AppHarness } from './harness.ts';

/**
 * The first screen (the library) loads only what it shows: the other views,
 * their libraries (drag and drop, zod) and pdf.js are chunks of their own,
 * fetched once the library has its answer, while the app is idle, so the
 * reader still opens without waiting for them.
 */

/** Records, on the page's clock, when the library's subtitle first shows the core's answer. */
const WATCH_LIBRARY = `(() => {
  const watch = () => {
    const seen = () => {
      const subtitle = document.querySelector('#library-title + .subtitle');
      if (!subtitle || subtitle.textContent === 'Loading…' || window.__libraryShownAt !== undefined) return;
      window.__libraryShownAt = performance.now();
      observer.disconnect();
    };
    const observer = new MutationObserver(seen);
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch);
  else watch();
})()`;

const DEFERRED = /\/assets\/(ReaderView|ExcerptsView|CasesView|TagsView|PdfViewer|pdf|pdf_viewer)-[\w-]+\.js$/;

describe('the first screen', () => {
  let app: AppHarness;
  beforeAll(async () => {
    app = await startApp({
      beforeLoad: async (page) => {
        await page.addInitScript(WATCH_LIBRARY);
      },
    });
  });
  afterAll(async () => app?.close());

  it('fetches the other views and pdf.js only after the library has its answer', async () => {
    const shownAt = (await (await app.page.waitForFunction('window.__libraryShownAt')).jsonValue()) as number;
    // The warm-up runs when the page is idle: wait until the reader's chunk and pdf.js have come.
    const fetched = async () =>
      (await app.page.evaluate(`performance.getEntriesByType('resource').map((r) => [r.name, r.startTime])`)) as Array<[string, number]>;
    await expect.poll(async () => (await fetched()).filter(([name]) => DEFERRED.test(name)).map(([name]) => name.replace(/.*\/assets\/([A-Za-z_]+)-.*/, '$1')).sort(), { timeout: 20_000 }).toEqual(
      expect.arrayContaining(['CasesView', 'ExcerptsView', 'ReaderView', 'TagsView', 'pdf', 'pdf_viewer']),
    );
    const early = (await fetched()).filter(([name, start]) => DEFERRED.test(name) && start < shownAt);
    expect(early).toEqual([]);
  });

  it('is React’s production build: the library asks the core once for each thing it shows', async () => {
    await app.page.waitForFunction('window.__libraryShownAt');
    // A development build (what a build inheriting vitest's NODE_ENV=test made) mounts every
    // component twice under StrictMode, and so asks twice.
    expect(app.invoked.filter((m) => m === 'sources.page')).toHaveLength(1);
    expect(app.invoked.filter((m) => m === 'workspace.info')).toHaveLength(1);
    const assets = join(PACKAGE_ROOT, 'dist-renderer', 'assets');
    const first = readdirSync(assets).filter((n) => /^index-[\w-]+\.js$/.test(n));
    expect(readFileSync(join(assets, first[0]!), 'utf8')).not.toContain('Each child in a list should have a unique');
  });

  it('leaves zod and the bundle editor’s drag and drop out of the first chunk', () => {
    const assets = join(PACKAGE_ROOT, 'dist-renderer', 'assets');
    const chunks = readdirSync(assets).filter((n) => n.endsWith('.js'));
    const first = chunks.filter((n) => /^index-[\w-]+\.js$/.test(n));
    expect(first).toHaveLength(1);
    const text = readFileSync(join(assets, first[0]!), 'utf8');
    expect(text).not.toMatch(/ZodError|\$ZodType/);
    expect(text).not.toContain('DndDescribedBy');
    // The drag and drop is there, in the cases view's chunk.
    expect(chunks.filter((n) => readFileSync(join(assets, n), 'utf8').includes('DndDescribedBy')).map((n) => n.replace(/-.*/, ''))).toEqual(['CasesView']);
  });

  it('preloads the Latin Noto Sans faces it draws with, from the app itself', async () => {
    const html = readFileSync(join(PACKAGE_ROOT, 'dist-renderer', 'index.html'), 'utf8');
    const preloads = [...html.matchAll(/<link rel="preload" as="font" type="font\/woff2" href="\.\/(assets\/noto-sans-latin-(\d00)-normal-[\w-]+\.woff2)" crossorigin/g)];
    expect(preloads.map((m) => m[2])).toEqual(['400', '500', '600', '700']);
    for (const m of preloads) expect(readdirSync(join(PACKAGE_ROOT, 'dist-renderer', 'assets'))).toContain(m[1]!.slice('assets/'.length));
    // The page asked for each of them, and from its own origin.
    const fonts = (await app.page.evaluate(`performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.endsWith('.woff2'))`)) as string[];
    for (const m of preloads) expect(fonts).toContain(`${app.origin}/${m[1]}`);
  });

  it('opens another view from the sidebar once its chunk has come', async () => {
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Tags/ }).click();
    await expect.poll(() => app.page.getByRole('heading', { level: 1 }).textContent()).toBe('Tags');
  });
});
