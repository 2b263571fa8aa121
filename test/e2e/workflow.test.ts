import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppHarness } from './harness.ts';
import { writeFixtures } from './fixtures.ts';

/**
 * The caseworker's day in one browser: import, read, tag, review excerpts,
 * tags, build a case bundle and open it. Steps share state, so they run in order.
 */
describe('the desktop renderer against the real core', { timeout: 120_000 }, () => {
  let app: AppHarness;
  let scratch: string;
  let files: { hazara: string; karachi: string };

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'sanad-e2e-files-'));
    files = await writeFixtures(scratch);
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('shows an empty library that says what to do, then imports through the dialog with a row per source', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Your library is empty' }).waitFor();
    await app.screenshot('library-empty');
    app.setOpenFiles([files.hazara, files.karachi]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const rows = page.getByRole('table', { name: 'Sources' }).locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => page.getByRole('table', { name: 'Sources' }).textContent()).toContain('hazara-report.pdf');
    await rows.filter({ hasText: 'Hazara' }).click();
    await page.getByRole('complementary', { name: 'Source details' }).waitFor();
    await page.getByLabel('Publisher').fill('Human Rights Watch');
    await page.getByLabel('Published', { exact: true }).fill('2014-06');
    await page.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => rows.filter({ hasText: 'Hazara' }).textContent()).toContain('June 2014');
    await page.getByLabel('Published', { exact: true }).fill('June 2014');
    await expect.poll(() => page.locator('#meta-published-msg').textContent()).toContain('YYYY');
    await page.getByLabel('Published', { exact: true }).fill('2014-06');
    await app.screenshot('library');
  });

  it('opens a source in the reader, tags a selected passage on its page, and draws the highlight', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Open Pakistan: Hazara community under threat in the reader' }).click();
    const span = page.locator('.textLayer span', { hasText: 'traced to Karachi' });
    await span.waitFor();
    await page.evaluate(`(() => {
      const span = [...document.querySelectorAll('.textLayer span')].find((s) => s.textContent.includes('traced to Karachi'));
      const node = span.firstChild;
      const start = node.textContent.indexOf('traced to Karachi');
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + 'traced to Karachi'.length);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      span.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    })()`);
    const popover = page.getByRole('dialog', { name: 'Tag this passage' });
    await popover.waitFor();
    expect(await popover.textContent()).toContain('traced to Karachi');
    expect(await popover.textContent()).toContain('Page 1');
    await popover.getByRole('combobox', { name: 'Tag' }).fill('Karachi-traced');
    await popover.getByRole('combobox', { name: 'Tag' }).press('Enter');
    await popover.getByLabel('Note').fill('Threat followed him from Quetta');
    await popover.getByLabel('Places').fill('Karachi, Quetta');
    await app.screenshot('reader-tagging');
    await popover.getByRole('button', { name: 'Save excerpt' }).click();
    await popover.waitFor({ state: 'detached' });
    const highlight = page.locator('.page[data-page-number="1"] .sanad-hl');
    await expect.poll(() => highlight.count()).toBeGreaterThan(0);
    // Drawn in the colour of its first tag (Karachi-traced threats, #ffd166).
    expect(await highlight.first().getAttribute('style')).toContain('rgb(255, 209, 102)');
    const sidebar = page.getByRole('complementary', { name: 'Excerpts in this source' });
    expect(await sidebar.textContent()).toContain('traced to Karachi');
    const stored = await app.ws.listExcerpts({ all: true });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.page).toBe(1);
    expect(stored[0]!.quote.exact).toBe('traced to Karachi');
    expect(stored[0]!.places).toEqual(['Karachi', 'Quetta']);
    await app.screenshot('reader');
  });

  it('lists excerpts with working filters, and a co-occurrence grid', async () => {
    const { page } = app;
    await page.keyboard.press('Control+2');
    const list = page.getByRole('list', { name: 'Excerpts' });
    await expect.poll(() => list.locator('li').count()).toBe(1);
    await page.getByLabel('Search quotes and notes').fill('Quetta');
    await expect.poll(() => list.locator('li').count()).toBe(1);
    await page.getByLabel('Search quotes and notes').fill('Lahore bombing');
    await page.getByRole('heading', { name: 'No excerpts match' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Tag').selectOption({ label: 'Bombings' });
    await page.getByRole('heading', { name: 'No excerpts match' }).waitFor();
    await page.getByLabel('Tag').selectOption({ label: 'Karachi-traced threats' });
    await expect.poll(() => list.locator('li').count()).toBe(1);
    await page.getByLabel('Place').fill('Karachi');
    await expect.poll(() => list.locator('li').count()).toBe(1);
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await list.getByRole('button', { name: 'Copy citation' }).click();
    await expect.poll(() => app.clipboard.at(-1)).toContain('Hazara community under threat');
    await list.getByRole('button', { name: /^Delete excerpt/ }).click();
    await page.getByRole('heading', { name: 'No excerpts yet' }).waitFor();
    expect(await app.ws.listExcerpts({ all: true })).toHaveLength(0);
    await page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).waitFor();
    await page.keyboard.press('Control+z');
    await expect.poll(() => list.locator('li').count(), { timeout: 10_000 }).toBe(1);
    expect(await app.ws.listExcerpts({ all: true })).toHaveLength(1);
    await app.screenshot('excerpts');
    await page.getByRole('tab', { name: 'Co-occurrence' }).click();
    await page.getByRole('table', { name: 'Tag co-occurrence' }).waitFor();
    await app.screenshot('excerpts-cooccurrence');
  });

  it('shows the tag tree and creates a nested tag', async () => {
    const { page } = app;
    await page.keyboard.press('Control+4');
    await page.getByLabel('New tag').fill('Internal relocation risk/Quetta');
    await page.getByRole('button', { name: 'Create tag' }).click();
    await expect.poll(async () => (await app.ws.listTags()).some((t) => t.name === 'Internal relocation risk/Quetta')).toBe(true);
    await app.screenshot('tags');
  });

  it('creates a case, adds the sources, reorders them by keyboard, builds, and opens the bundle', async () => {
    const { page } = app;
    await page.keyboard.press('Control+3');
    await page.getByRole('heading', { name: 'No cases yet' }).waitFor();
    await app.screenshot('cases-empty');
    await page.getByRole('button', { name: 'New case' }).first().click();
    await page.getByLabel('Case title').fill('AH v SSHD');
    await page.getByLabel('Short name').fill('ah-2026');
    await page.getByLabel('Appellant').fill('Ali Hussain');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { name: 'AH v SSHD' }).waitFor();
    const addC = page.getByLabel('Add to section C');
    await addC.selectOption({ label: 'Pakistan: Hazara community under threat' });
    await page.getByRole('list', { name: 'Bundle sections' }).locator('li.section-card').nth(2).getByRole('button', { name: 'Add', exact: true }).click();
    await addC.selectOption({ label: 'Karachi: sectarian violence update' });
    await page.getByRole('list', { name: 'Bundle sections' }).locator('li.section-card').nth(2).getByRole('button', { name: 'Add', exact: true }).click();
    const titles = page.getByRole('list', { name: 'Items in section C' }).getByTestId('bundle-item-title');
    await expect.poll(() => titles.allTextContents()).toEqual(['Pakistan: Hazara community under threat', 'Karachi: sectarian violence update']);

    // Keyboard drag and drop: Space lifts, arrow moves, Space drops.
    const handle = page.getByRole('button', { name: 'Move Karachi: sectarian violence update', exact: true });
    const nextFrames = () => page.evaluate('new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))');
    await handle.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => handle.getAttribute('aria-pressed')).toBe('true');
    await nextFrames();
    await page.keyboard.press('ArrowUp');
    await nextFrames();
    await page.keyboard.press('Space');
    await expect.poll(() => titles.allTextContents()).toEqual(['Karachi: sectarian violence update', 'Pakistan: Hazara community under threat']);
    await page.getByText('All changes saved').waitFor();
    await page.locator('.view').evaluate((el) => el.scrollTo(0, 0));
    const saved = await app.ws.getBundle('ah-2026');
    expect(saved.sections[2]!.items.map((i) => (i.kind === 'source' ? i.sourceId : i.kind))).toHaveLength(2);
    const sources = await app.ws.listSources({ all: true });
    const karachiId = sources.find((s) => s.title.startsWith('Karachi'))!.id;
    expect(saved.sections[2]!.items[0]).toMatchObject({ kind: 'source', sourceId: karachiId });
    await app.screenshot('case');

    await page.getByRole('tab', { name: 'Case details' }).click();
    await page.getByLabel('Hearing date').fill('2026-12-01');
    await page.getByLabel('Bundle date').fill('2026-11-21');
    await expect.poll(async () => (await app.ws.getCase('ah-2026')).bundleDate).toBe('2026-11-21');
    await app.screenshot('case-details');

    await page.getByRole('tab', { name: 'Bundle' }).click();
    await page.keyboard.press('Control+b');
    const summary = page.getByTestId('bundle-summary');
    const failure = page.locator('.notice-error');
    await Promise.race([summary.waitFor({ timeout: 90_000 }), failure.waitFor({ timeout: 90_000 }).then(async () => expect.fail(`build failed: ${await failure.textContent()}`))]);
    const pages = Number(/(\d+) pages/.exec((await summary.textContent()) ?? '')?.[1]);
    expect(pages).toBeGreaterThan(3);
    await expect.poll(() => page.locator('.pdf-toolbar').first().textContent(), { timeout: 30_000 }).toContain(`of ${pages}`);
    await page.locator('.page[data-page-number="1"] canvas').waitFor();
    await app.screenshot('bundle');
  });
});
