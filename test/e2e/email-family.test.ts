import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textPdf } from '../ingest/fixtures.ts';
import { witnessStatementDocx } from '../ingest/formats/docx-fixtures.ts';
import { buildMsg, PROP } from '../ingest/formats/msg-fixtures.ts';
import { startApp, type AppHarness } from './harness.ts';

/**
 * E-mail families in the app (issue 8): a Word statement and an Outlook
 * message with attachments dropped on the window import together; the
 * library shows the e-mail with its attachments indented under it; adding
 * the e-mail to a bundle section adds its attachments right after it.
 */
describe('e-mail families in the app', { timeout: 180_000 }, () => {
  let app: AppHarness;
  let scratch: string;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'sanad-e2e-family-'));
    const pdf = await (await textPdf(['First Information Report registered at Quetta'])).save();
    const msg = buildMsg({
      props: {
        [PROP.subject]: { unicode: 'Final warning to the Hazara activist' },
        [PROP.senderName]: { unicode: 'Unknown Sender' },
        [PROP.senderSmtp]: { unicode: 'warning@example.pk' },
        [PROP.body]: { unicode: 'We know where your family lives in Quetta.' },
      },
      recipients: [{ name: 'Ali Hussain', email: 'ali@example.org', type: 'to' }],
      attachments: [
        { name: 'police-report.pdf', bytes: pdf, mime: 'application/pdf' },
        { name: 'Earlier threat', message: { props: { [PROP.subject]: { unicode: 'Earlier threat' }, [PROP.body]: { unicode: 'First warning, sent from Karachi.' } }, attachments: [{ name: 'note.txt', bytes: new TextEncoder().encode('Leave Quetta.') }] } },
      ],
    });
    files['threat.msg'] = join(scratch, 'threat.msg');
    files['statement.docx'] = join(scratch, 'statement.docx');
    await writeFile(files['threat.msg'], msg);
    await writeFile(files['statement.docx'], await witnessStatementDocx());
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('imports a dropped .msg and .docx, and shows the e-mail with its attachments indented under it', async () => {
    const { page } = app;
    await app.setDropPaths(files);
    await page.evaluate((names) => {
      const dt = new DataTransfer();
      for (const name of names) dt.items.add(new File(['x'], name));
      const main = document.querySelector('main')!;
      main.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: dt }));
      main.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    }, Object.keys(files));
    const rows = page.getByRole('table', { name: 'Sources' }).locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 90_000 }).toBe(5);
    const view = await rows.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('.title-text')?.textContent ?? '', tr.getAttribute('data-depth')]));
    const at = view.findIndex(([t]) => t === 'Final warning to the Hazara activist');
    expect(view.slice(at, at + 4)).toEqual([
      ['Final warning to the Hazara activist', '0'],
      ['police-report', '1'],
      ['Earlier threat', '1'],
      ['note', '2'],
    ]);
    expect(view).toContainEqual(['Witness statement of AB', '0']);
    await expect.poll(() => rows.nth(at + 1).locator('.cell-sub').textContent()).toContain('attachment of “Final warning to the Hazara activist”');
    await app.screenshot('library-email-family');
  });

  it('adds the e-mail to a bundle section with its attachments right after it', async () => {
    const { page } = app;
    await page.keyboard.press('Control+3');
    await page.getByRole('button', { name: 'New case' }).first().click();
    await page.getByLabel('Case title').fill('AH v SSHD');
    await page.getByLabel('Short name').fill('ah-2026');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { name: 'AH v SSHD' }).waitFor();
    await page.getByLabel('Add to section C').selectOption({ label: 'Final warning to the Hazara activist' });
    await page.getByRole('list', { name: 'Bundle sections' }).locator('li.section-card').nth(2).getByRole('button', { name: 'Add', exact: true }).click();
    const titles = page.getByRole('list', { name: 'Items in section C' }).getByTestId('bundle-item-title');
    await expect.poll(() => titles.allTextContents()).toEqual(['Final warning to the Hazara activist', 'police-report', 'Earlier threat', 'note']);
    await page.getByText('All changes saved').waitFor();
    const saved = await app.ws.getBundle('ah-2026');
    expect(saved.sections[2]!.items).toHaveLength(4);
    await app.screenshot('case-email-family');
  });
});
