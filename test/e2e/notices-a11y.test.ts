import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppHarness } from './harness.ts';
import { writeFixtures } from './fixtures.ts';

/** Buttons with no accessible name (no text, aria-label, aria-labelledby or title), described for the failure message. */
const unnamedButtons = (page: Page) =>
  page.$$eval('button', (buttons) =>
    buttons
      .filter((b) => {
        const labelledBy = b.getAttribute('aria-labelledby');
        const byId = labelledBy ? labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join('') : '';
        return !(b.getAttribute('aria-label')?.trim() || byId.trim() || b.textContent?.trim() || b.getAttribute('title')?.trim());
      })
      .map((b) => b.outerHTML.slice(0, 120)),
  );

/**
 * Notices leave on their own (fake clock: no waiting), never pile up or cover
 * the primary action, and errors stay; every button has a name, focus is
 * visible, and the tag popover tabs in reading order.
 */
describe('notices and accessibility', { timeout: 90_000 }, () => {
  let app: AppHarness;
  let scratch: string;
  let files: { hazara: string; karachi: string };

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'sanad-e2e-a11y-'));
    files = await writeFixtures(scratch);
    app = await startApp({ beforeLoad: (page) => page.clock.install() });
  });
  afterAll(async () => {
    await app?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('keeps at most three notices, clear of the primary button; confirmations leave, errors stay until dismissed', async () => {
    const { page } = app;
    const region = page.getByRole('region', { name: 'Notifications' });
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    app.setOpenFiles([join(scratch, 'missing.pdf')]);
    await importButton.click();
    await region.getByRole('alert').waitFor();
    app.setOpenFiles([files.hazara]);
    for (let i = 0; i < 3; i++) {
      await importButton.click();
      await expect.poll(() => region.getByRole('status').count(), { timeout: 30_000 }).toBe(Math.min(i + 1, 2));
      await expect.poll(() => importButton.isEnabled(), { timeout: 30_000 }).toBe(true);
    }
    await expect.poll(() => region.locator('.notice').count()).toBe(3);
    expect(await region.getByRole('alert').count()).toBe(1);
    const primaries = await page.locator('.btn-primary').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    const toasts = await region.locator('.notice').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    for (const t of toasts) for (const p of primaries) expect(t.right <= p.left || t.left >= p.right || t.bottom <= p.top || t.top >= p.bottom).toBe(true);
    await app.screenshot('notices');

    await page.clock.fastForward(4500);
    await expect.poll(() => region.getByRole('status').count()).toBe(0);
    expect(await region.getByRole('alert').count()).toBe(1);
    await page.clock.fastForward(60_000);
    expect(await region.getByRole('alert').count()).toBe(1);
    await region.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => region.locator('.notice').count()).toBe(0);
  });

  it('keeps an Undo about eight seconds', async () => {
    const { page } = app;
    const region = page.getByRole('region', { name: 'Notifications' });
    const source = (await app.ws.listSources({ all: true }))[0]!;
    const tag = (await app.ws.listTags())[0]!;
    await page.evaluate(([id, t]) => (window as unknown as { sanad: { invoke: (m: string, a: unknown) => Promise<unknown> } }).sanad.invoke('excerpts.create', { sourceId: id, page: 1, quote: 'traced to Karachi', tags: [t] }), [source.id, tag.id] as const);
    await page.keyboard.press('Control+2');
    await page.getByRole('list', { name: 'Excerpts' }).getByRole('button', { name: /^Delete excerpt/ }).click();
    const undo = region.getByRole('button', { name: 'Undo' });
    await undo.waitFor();
    await page.clock.fastForward(5000);
    expect(await undo.count()).toBe(1);
    await page.clock.fastForward(3500);
    await expect.poll(() => undo.count()).toBe(0);
  });

  it('names every button in every area, with the main actions reachable by role', async () => {
    const { page } = app;
    for (const [key, heading] of [['1', 'Library'], ['2', 'Excerpts'], ['3', 'Cases'], ['4', 'Tags']] as const) {
      await page.keyboard.press(`Control+${key}`);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      expect(await unnamedButtons(page), `unnamed buttons in ${heading}`).toEqual([]);
    }
    await page.getByRole('button', { name: 'Create tag' }).waitFor();
    await page.keyboard.press('Control+3');
    await page.getByRole('button', { name: 'New case' }).first().click();
    await page.getByRole('textbox', { name: 'Case title' }).fill('AH v SSHD');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('button', { name: 'Build bundle' }).waitFor();
    await page.getByRole('tab', { name: 'Case details' }).waitFor();
    await page.getByRole('combobox', { name: 'Add to section C' }).waitFor();
    expect(await unnamedButtons(page), 'unnamed buttons on the case page').toEqual([]);
    await page.keyboard.press('Control+1');
    await page.getByRole('button', { name: 'Import', exact: true }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Excerpts/ }).waitFor();
  });

  it('shows a focus ring on the focused control', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Import', exact: true }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ringOf = () =>
      page.evaluate(() => {
        // A search box draws its ring on its wrapper (the icon sits inside it).
        const el = document.activeElement!;
        const s = getComputedStyle(el.closest('.search-field') ?? el);
        return `${s.outlineStyle} ${s.outlineColor} ${s.boxShadow}`;
      });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Import');
    expect(await ringOf()).toMatch(/solid rgb\(36, 88, 211\)|rgba\(36, 88, 211/);
    await page.getByRole('searchbox', { name: 'Filter sources' }).focus();
    expect(await ringOf()).toMatch(/rgba\(36, 88, 211/);
  });

  it('tabs through the tag popover in reading order', async () => {
    const { page } = app;
    const source = (await app.ws.listSources({ all: true }))[0]!;
    await page.getByRole('button', { name: `Open ${source.title} in the reader` }).click();
    await page.locator('.textLayer span', { hasText: 'traced to Karachi' }).waitFor();
    await page.evaluate(() => {
      const span = [...document.querySelectorAll('.textLayer span')].find((s) => s.textContent?.includes('500,000 Hazara'))!;
      const range = document.createRange();
      range.selectNodeContents(span);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      span.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    const popover = page.getByRole('dialog', { name: 'Tag this passage' });
    await popover.waitFor();
    await popover.getByRole('combobox', { name: 'Tag' }).fill('Threat');
    await popover.getByRole('combobox', { name: 'Tag' }).press('Enter');
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      order.push(await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.textContent ?? '';
      }));
      await page.keyboard.press('Tab');
    }
    expect(order).toEqual(['Tag', 'Note', 'Event date', 'Places', 'Cancel', 'Save excerpt']);
    await app.screenshot('reader-popover-focus');
  });
});
