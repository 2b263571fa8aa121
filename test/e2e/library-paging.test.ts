import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppHarness } from './harness.ts';
import { makeSource } from '../store/helpers.ts';

/**
 * A library larger than one page of the table: the first hundred rows come
 * first, the rest when the end of the table is reached, and the filter asks
 * the core for matching sources (not only those already on screen).
 */
describe('a large library in the app', { timeout: 180_000 }, () => {
  let app: AppHarness;

  beforeAll(async () => {
    app = await startApp();
    for (let i = 1; i <= 130; i++) await app.ws.addSource(await makeSource(`p${i}`, { title: `Report ${String(i).padStart(3, '0')}` }));
    await app.page.reload();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows a page of rows, then the rest when the table is scrolled to its end', async () => {
    const { page } = app;
    const rows = page.getByRole('table', { name: 'Sources' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(100);
    await expect.poll(() => page.getByRole('heading', { name: 'Library' }).locator('..').textContent()).toContain('130 sources');
    const more = page.getByRole('button', { name: 'Show more (30 more sources)' });
    await more.scrollIntoViewIfNeeded();
    await expect.poll(() => rows.count()).toBe(130);
    await expect.poll(() => more.count()).toBe(0);
    expect(await rows.last().textContent()).toContain('Report 130');
  });

  it('filters across the whole library, beyond the rows on screen', async () => {
    const { page } = app;
    await page.reload();
    const rows = page.getByRole('table', { name: 'Sources' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(100);
    await page.getByRole('searchbox', { name: 'Filter sources' }).fill('report 12');
    await expect.poll(() => rows.count()).toBe(10);
    expect(await rows.first().textContent()).toContain('Report 120');
    expect(await rows.last().textContent()).toContain('Report 129');
    await app.screenshot('library-filtered');
  });
});
