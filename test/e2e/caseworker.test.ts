import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppHarness } from './harness.ts';
import { writeFixtures } from './fixtures.ts';

/**
 * The gaps of issue 4 closed, in one browser: drag-and-drop import through
 * pathForFile, menu commands, the reader's fonts, find and excerpt jumps,
 * moving documents across bundle sections, checked bundle options, a
 * cancelled build, and the case details. Steps share state and run in order.
 */
describe('the caseworker interface', { timeout: 120_000 }, () => {
  let app: AppHarness;
  let scratch: string;
  let files: { hazara: string; karachi: string };
  const invoke = (method: string, args: unknown) =>
    app.page.evaluate(([m, a]) => (window as unknown as { sanad: { invoke: (m: string, a: unknown) => Promise<unknown> } }).sanad.invoke(m, a), [method, args] as const);

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'sanad-e2e-cw-'));
    files = await writeFixtures(scratch);
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('imports files dropped on the window, showing the drop overlay while they are dragged', async () => {
    const { page } = app;
    await app.setDropPaths({ 'hazara-report.pdf': files.hazara, 'karachi-update.pdf': files.karachi });
    await page.evaluate(() => {
      const dt = new DataTransfer();
      for (const name of ['hazara-report.pdf', 'karachi-update.pdf']) dt.items.add(new File(['%PDF-'], name, { type: 'application/pdf' }));
      (window as unknown as { __dt: DataTransfer }).__dt = dt;
      const main = document.querySelector('main')!;
      main.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: dt }));
      main.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
    });
    const overlay = page.locator('.drop-overlay');
    await overlay.waitFor();
    expect(await overlay.textContent()).toContain('Drop reports');
    await app.screenshot('library-drop');
    await page.evaluate(() => {
      const dt = (window as unknown as { __dt: DataTransfer }).__dt;
      document.querySelector('main')!.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    });
    await overlay.waitFor({ state: 'detached' });
    const rows = page.getByRole('table', { name: 'Sources' }).locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    expect((await app.ws.listSources({ all: true })).map((s) => s.title).sort()).toEqual(['Karachi: sectarian violence update', 'Pakistan: Hazara community under threat']);
  });

  it('carries out application-menu commands like the shortcuts', async () => {
    const { page } = app;
    await app.emit('menu', { command: 'view.tags' });
    await page.getByRole('heading', { name: 'Tags', exact: true }).waitFor();
    await app.emit('menu', { command: 'view.cases' });
    await page.getByRole('heading', { name: 'No cases yet' }).waitFor();
    await app.emit('menu', { command: 'view.library' });
    await page.getByRole('heading', { name: 'Library', exact: true }).waitFor();
    // Find outside the reader puts the cursor in the view's search field.
    await app.emit('menu', { command: 'find' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Filter sources');
    // Import opens the dialog (here: the harness's preset files).
    app.setOpenFiles([files.karachi]);
    await app.emit('menu', { command: 'import' });
    await page.getByText('1 file already in the library').waitFor();
  });

  it('renders with the bundled standard fonts, finds text, and jumps to an excerpt from the sidebar', async () => {
    const { page } = app;
    const sources = await app.ws.listSources({ all: true });
    const hazara = sources.find((s) => s.title.startsWith('Pakistan'))!;
    const tags = await app.ws.listTags();
    const protection = tags.find((t) => t.name === 'Sufficiency of protection')!;
    await invoke('excerpts.create', { sourceId: hazara.id, page: 2, quote: 'Police protection in the enclaves is limited to checkpoints', tags: [protection.id] });
    await page.getByRole('button', { name: `Open ${hazara.title} in the reader` }).click();
    const pageLabel = page.locator('.pdf-toolbar').first();
    await expect.poll(() => pageLabel.textContent(), { timeout: 20_000 }).toContain('Page 1 of 2');
    await page.locator('.page[data-page-number="1"] canvas').waitFor();
    // Helvetica is not embedded in the fixture: pdf.js loads its bundled substitute from the app, not the system.
    await expect.poll(() => app.requests.filter((u) => u.includes('/pdfjs/standard_fonts/')).length).toBeGreaterThan(0);
    expect(app.refused).toEqual([]);

    await page.keyboard.press('Control+f');
    const find = page.getByRole('searchbox', { name: 'Find in document' });
    await find.waitFor();
    await find.fill('Karachi');
    await expect.poll(() => page.locator('.find-count').textContent()).toBe('1 of 1');
    await app.screenshot('reader-find');
    await find.press('Escape');

    const sidebar = page.getByRole('complementary', { name: 'Excerpts in this source' });
    await sidebar.getByRole('button', { name: /Police protection/ }).click();
    await expect.poll(() => pageLabel.textContent()).toContain('Page 2 of 2');
    await expect.poll(() => page.locator('.page[data-page-number="2"] .sanad-hl.is-active').count()).toBeGreaterThan(0);
    await app.screenshot('reader-jump');
  });

  it('copies a citation through the core, never the page clipboard', async () => {
    const { page } = app;
    await page.keyboard.press('Control+2');
    const list = page.getByRole('list', { name: 'Excerpts' });
    await list.getByRole('button', { name: 'Copy citation' }).click();
    await expect.poll(() => app.clipboard.at(-1)).toMatch(/Hazara community under threat.*2/);
  });

  it('ignores a menu Undo while a text field has focus, and undoes the delete once it has not', async () => {
    const { page } = app;
    const list = page.getByRole('list', { name: 'Excerpts' });
    await list.getByRole('button', { name: /^Delete excerpt/ }).click();
    await page.getByRole('heading', { name: 'No excerpts yet' }).waitFor();
    await page.getByLabel('Search quotes and notes').focus();
    await app.emit('menu', { command: 'undo' });
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 300)));
    expect(await app.ws.listExcerpts({ all: true })).toHaveLength(0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await app.emit('menu', { command: 'undo' });
    await expect.poll(() => list.locator('li').count(), { timeout: 10_000 }).toBe(1);
    expect(await app.ws.listExcerpts({ all: true })).toHaveLength(1);
  });

  it('moves documents across sections by dragging and by the "Move to" menu, and saves each change', async () => {
    const { page } = app;
    const sources = await app.ws.listSources({ all: true });
    const hazara = sources.find((s) => s.title.startsWith('Pakistan'))!;
    const karachi = sources.find((s) => s.title.startsWith('Karachi'))!;
    await invoke('cases.create', { slug: 'ah-2026', title: 'AH v SSHD', appellant: 'Ali Hussain' });
    const start = await app.ws.getBundle('ah-2026');
    start.sections[2]!.items = [
      { kind: 'source', sourceId: hazara.id },
      { kind: 'source', sourceId: karachi.id },
    ];
    await invoke('cases.saveBundle', { slug: 'ah-2026', bundle: start });
    await app.emit('menu', { command: 'view.cases' });
    await page.getByRole('button', { name: /AH v SSHD/ }).click();
    await page.getByRole('heading', { name: 'AH v SSHD' }).waitFor();
    const titlesOf = (letter: string) => page.getByRole('list', { name: `Items in section ${letter}` }).getByTestId('bundle-item-title').allTextContents();
    const idsOf = async (i: number) => (await app.ws.getBundle('ah-2026')).sections[i]!.items.map((it) => (it.kind === 'source' ? it.sourceId : it.kind));

    // Pointer drag: the Karachi update from section C into the empty section B.
    const handle = page.getByRole('button', { name: 'Move Karachi: sectarian violence update', exact: true });
    const target = page.locator('li.section-card').nth(1).locator('.items-zone');
    await page.locator('li.section-card').nth(2).evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 2 });
    await page.mouse.move(to.x + 80, to.y + to.height / 2, { steps: 8 });
    await expect.poll(() => target.getAttribute('class')).toContain('is-drop-target');
    await app.screenshot('case-drag-across');
    await page.mouse.up();
    await expect.poll(() => titlesOf('B')).toEqual(['Karachi: sectarian violence update']);
    await expect.poll(() => idsOf(1)).toEqual([karachi.id]);
    expect(await idsOf(2)).toEqual([hazara.id]);

    // Keyboard-accessible: the row's "Move to section" menu puts it at the end of section C.
    await page.getByRole('combobox', { name: 'Move Karachi: sectarian violence update to section' }).selectOption({ label: 'Section C: Country information' });
    await expect.poll(() => titlesOf('C')).toEqual(['Pakistan: Hazara community under threat', 'Karachi: sectarian violence update']);
    await expect.poll(() => idsOf(2)).toEqual([hazara.id, karachi.id]);
    expect(await idsOf(1)).toEqual([]);
  });

  it('renames sections, changes letters, toggles dividers, and refuses a duplicate letter with a clear message', async () => {
    const { page } = app;
    await page.getByLabel('Title of section B').fill('Client documents');
    await page.getByLabel('Letter of section D').fill('E');
    await page.locator('li.section-card').nth(2).getByRole('checkbox', { name: 'Divider page' }).check();
    await expect.poll(async () => {
      const b = await app.ws.getBundle('ah-2026');
      return [b.sections[1]!.title, b.sections[3]!.letter, b.sections[2]!.divider];
    }).toEqual(['Client documents', 'E', true]);

    await page.getByLabel('Letter of section E').fill('C');
    const message = page.getByText('Letter C is used by another section: give each section its own letter.');
    await expect.poll(() => message.count()).toBe(2);
    await page.getByText('Not saved: fix the 2 highlighted fields.').waitFor();
    await app.screenshot('case-invalid-letter');
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 900)));
    expect((await app.ws.getBundle('ah-2026')).sections[3]!.letter).toBe('E');
    await page.locator('li.section-card').nth(3).getByLabel(/^Letter of section/).fill('E');
    await expect.poll(() => message.count()).toBe(0);
  });

  it('checks and saves the supplementary bundle and volume cap', async () => {
    const { page } = app;
    await page.getByRole('checkbox', { name: 'Supplementary bundle' }).check();
    await page.getByText('Enter the last page number of the bundle already served, e.g. 240.').waitFor();
    await page.getByLabel('Supplementary bundle number').fill('two');
    await page.getByText('Enter a whole number from 1: 1 for the first supplementary bundle.').waitFor();
    await page.getByLabel('Volume size cap (MB)').fill('0.5');
    await page.getByText('Enter the largest file size in megabytes (for example 50)', { exact: false }).waitFor();
    await app.screenshot('case-options-invalid');
    expect((await app.ws.getBundle('ah-2026')).supplementary).toBeUndefined();
    await page.getByLabel('Supplementary bundle number').fill('2');
    await page.getByLabel('Date served').fill('2026-11-28');
    await page.getByLabel('Continues after page').fill('240');
    await page.getByLabel('Volume size cap (MB)').fill('25');
    await expect.poll(async () => {
      const b = await app.ws.getBundle('ah-2026');
      return { supplementary: b.supplementary, cap: b.volumeCapMB };
    }).toEqual({ supplementary: { number: 2, date: '2026-11-28', afterPage: 240 }, cap: 25 });
    await page.getByText('All changes saved').waitFor();
    await page.locator('.view').evaluate((el) => el.scrollTo(0, 0));
    await app.screenshot('case-options');
  });

  it('cancels a running build calmly, leaving no half-built bundle', async () => {
    const { page } = app;
    app.pausePrinting();
    await app.emit('menu', { command: 'build' });
    const cancel = page.getByRole('button', { name: 'Cancel build' });
    await cancel.waitFor();
    await expect.poll(() => app.printsWaiting(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.getByRole('progressbar', { name: 'Building bundle' }).waitFor();
    await app.screenshot('case-building');
    await cancel.click();
    app.resumePrinting();
    await page.getByRole('status').filter({ hasText: 'Build cancelled' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Build bundle' }).waitFor();
    expect(await page.locator('.notice-error').count()).toBe(0);
    expect(await page.getByTestId('bundle-summary').count()).toBe(0);
    const dir = join(app.dir, 'cases', 'ah-2026', 'bundles');
    expect(existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pdf')) : []).toEqual([]);
    await app.screenshot('case-build-cancelled');
  });

  it('saves anonymisation, references and the tribunal profile, and shows initials once anonymised', async () => {
    const { page } = app;
    const header = page.getByTestId('case-appellant');
    expect(await header.textContent()).toBe('Ali Hussain');
    await page.getByRole('tab', { name: 'Case details' }).click();
    await page.getByRole('checkbox', { name: /Anonymise/ }).check();
    await page.getByRole('button', { name: 'Add reference' }).click();
    await page.getByLabel('Reference 1 label').fill('Home Office reference');
    await page.getByLabel('Reference 1 value').fill('H1234567');
    await page.getByRole('button', { name: 'Add reference' }).click();
    await page.getByLabel('Reference 2 label').fill('Appeal number');
    await page.getByLabel('Reference 2 value').fill('PA/01234/2026');
    await page.getByRole('button', { name: 'Remove reference 1' }).click();
    await page.getByLabel('Tribunal profile').selectOption('uk-ut-iac');
    const saved = () => invoke('cases.get', { slug: 'ah-2026' }) as Promise<{ case: { appellant: { anonymise: boolean }; references: unknown; tribunal: string } }>;
    await expect.poll(async () => {
      const c = (await saved()).case;
      return { anonymise: c.appellant.anonymise, references: c.references, tribunal: c.tribunal };
    }).toEqual({ anonymise: true, references: [{ label: 'Appeal number', value: 'PA/01234/2026' }], tribunal: 'uk-ut-iac' });
    await expect.poll(() => header.textContent()).toBe('A.H. · anonymised');
    expect(await page.locator('.view-header').textContent()).not.toContain('Ali Hussain');
    await app.screenshot('case-details-anonymised');
    await app.emit('menu', { command: 'view.cases' });
    const card = page.getByRole('button', { name: /AH v SSHD/ });
    await card.waitFor();
    expect(await card.textContent()).not.toContain('Ali Hussain');
  });
});
