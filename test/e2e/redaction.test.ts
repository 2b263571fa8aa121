/**
 * Redaction in the app (issue 9): the "Before you build" panel warns that an
 * anonymised appellant is named and "Redact all" clears it; the reader's
 * redaction mode redacts selected words and a drawn box with a reason, lists
 * them, and removes one with undo. Screenshots go to test-output/screenshots.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppHarness } from './harness.ts';
import { statementPdf } from '../redact/fixtures.ts';

describe('redaction in the app', { timeout: 120_000 }, () => {
  let app: AppHarness;
  let scratch: string;
  let id = '';
  const invoke = (method: string, args: unknown) =>
    app.page.evaluate(([m, a]) => (window as unknown as { sanad: { invoke: (m: string, a: unknown) => Promise<unknown> } }).sanad.invoke(m, a), [method, args] as const);

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'sanad-e2e-redact-'));
    await writeFile(join(scratch, 'statement.pdf'), await statementPdf());
    app = await startApp();
    await invoke('cases.create', { slug: 'la-2026', title: 'LA v SSHD', appellant: 'Liaquat Ali', anonymise: true });
    const imported = (await invoke('sources.import', { paths: [join(scratch, 'statement.pdf')], metadata: { title: 'Witness statement' } })) as Array<{ id: string }>;
    id = imported[0]!.id;
    const bundle = await app.ws.getBundle('la-2026');
    await invoke('cases.saveBundle', { slug: 'la-2026', bundle: { ...bundle, sections: bundle.sections.map((s, i) => (i === 1 ? { ...s, items: [{ kind: 'source', sourceId: id }] } : s)) } });
  });
  afterAll(async () => {
    await app?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('warns before building that the appellant is named, and "Redact all" clears the warning', async () => {
    const { page } = app;
    await page.keyboard.press('Control+3');
    await page.getByRole('button', { name: /LA v SSHD/ }).click();
    const panel = page.getByRole('complementary', { name: 'Warnings' });
    await expect.poll(() => panel.textContent()).toContain("'Liaquat Ali' appears on \"Witness statement\" pages 1 and 2");
    await app.screenshot('redaction-warning');
    await panel.getByRole('button', { name: 'Redact all “Liaquat Ali”' }).click();
    await expect.poll(() => panel.textContent()).not.toContain('Liaquat Ali');
    expect((await app.ws.listRedactions({ sourceId: id })).map((r) => r.page)).toEqual([1, 2]);
  });

  it('redacts selected words and a drawn box in the reader, and removes one with undo', async () => {
    const { page } = app;
    await page.keyboard.press('Control+1');
    await page.getByRole('button', { name: 'Open Witness statement in the reader' }).click();
    await page.locator('.textLayer span', { hasText: 'Alamdar' }).waitFor();
    await page.getByRole('button', { name: 'Redact', exact: true }).click();
    await page.evaluate(`(() => {
      const span = [...document.querySelectorAll('.textLayer span')].find((s) => s.textContent.includes('14 Alamdar Road'));
      const node = span.firstChild;
      const start = node.textContent.indexOf('14 Alamdar Road');
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + '14 Alamdar Road'.length);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      span.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    })()`);
    const popover = page.getByRole('dialog', { name: 'Redact' });
    await popover.waitFor();
    expect(await popover.textContent()).toContain('14 Alamdar Road');
    await popover.getByLabel('Reason').selectOption('third-party');
    await app.screenshot('reader-redact-words');
    await popover.getByRole('button', { name: 'Redact', exact: true }).click();
    await popover.waitFor({ state: 'detached' });
    const list = page.getByRole('region', { name: 'Redactions in this source' });
    await expect.poll(() => list.textContent()).toContain('Redacted: third-party data');

    await page.getByRole('radio', { name: 'Draw a box' }).click();
    const pageBox = (await page.locator('.page[data-page-number="1"]').boundingBox())!;
    const scale = pageBox.width / 595.28;
    // The photograph: 72,292 to 272,442 points from the top-left of the page.
    await page.mouse.move(pageBox.x + 80 * scale, pageBox.y + 300 * scale);
    await page.mouse.down();
    await page.mouse.move(pageBox.x + 200 * scale, pageBox.y + 380 * scale, { steps: 4 });
    await page.mouse.move(pageBox.x + 264 * scale, pageBox.y + 434 * scale, { steps: 4 });
    await page.mouse.up();
    const boxPopover = page.getByRole('dialog', { name: 'Redact' });
    await boxPopover.waitFor();
    await boxPopover.getByLabel('Reason').selectOption('other');
    await boxPopover.getByLabel('Shown on the box').fill('family photograph');
    await boxPopover.getByRole('button', { name: 'Redact', exact: true }).click();
    await boxPopover.waitFor({ state: 'detached' });
    await expect.poll(() => list.textContent()).toContain('Redacted: family photograph');
    const area = (await app.ws.listRedactions({ sourceId: id })).find((r) => r.kind === 'area');
    expect(area?.kind === 'area' && area.area.x).toBeGreaterThan(75);
    expect(area?.kind === 'area' && area.area.x).toBeLessThan(85);
    expect(area?.kind === 'area' && area.area.w).toBeGreaterThan(175);
    await expect.poll(() => page.locator('.page[data-page-number="1"] .sanad-hl').count()).toBeGreaterThan(2);
    await app.screenshot('reader-redactions');

    await list.getByRole('button', { name: 'Remove redaction on page 1' }).first().click();
    await expect.poll(async () => (await app.ws.listRedactions({ sourceId: id })).length).toBe(3);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await app.ws.listRedactions({ sourceId: id })).length).toBe(4);
  });
});
