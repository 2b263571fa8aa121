/**
 * The core answers concurrent calls in any order. A view shows the answer to
 * its newest request only: an earlier, slower answer must not replace it
 * (the library filtered by "Quetta" arriving after it was filtered by "Karachi").
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/ingest/index.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { initWorkspace, openWorkspace } from '../../src/store/index.ts';
import { textPdf } from '../helpers/pdf.ts';
import { startApp, type AppHarness } from './harness.ts';

const HELD_MS = 1500;

describe('answers that arrive out of order', () => {
  let app: AppHarness;
  let dir: string;
  let held = 0;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sanad-stale-'));
    const wsDir = join(dir, 'ws');
    await initWorkspace(wsDir);
    const ws = await openWorkspace(wsDir);
    const printer = new ChromiumPrinter();
    try {
      const files: string[] = [];
      for (const [name, title] of [['quetta.pdf', 'Hazara in Quetta'], ['karachi.pdf', 'Threats traced to Karachi']] as const) {
        const file = join(dir, name);
        await writeFile(file, await textPdf([[`${title}: country information.`]], { title }));
        files.push(file);
      }
      await importFiles(ws, files, { printer });
    } finally {
      await printer.close();
      await ws.close();
    }
    app = await startApp({
      workspace: wsDir,
      // The answer to the library filtered by "Quetta" is held back until after the next one.
      beforeDispatch: async (method, args) => {
        if (method === 'sources.page' && (args as { filter?: string }).filter === 'Quetta') {
          held++;
          await new Promise((resolve) => setTimeout(resolve, HELD_MS));
        }
      },
    });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the library on the newest filter when an older answer comes last', async () => {
    const rows = app.page.locator('table[aria-label="Sources"] tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const filter = app.page.getByLabel('Filter sources');
    await filter.fill('Quetta');
    await expect.poll(() => held).toBe(1);
    await filter.fill('Karachi');
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining('Threats traced to Karachi')]);
    // The held answer ("Quetta") has come back by now, and was not shown.
    await app.page.waitForTimeout(HELD_MS + 500);
    expect(await rows.allTextContents()).toEqual([expect.stringContaining('Threats traced to Karachi')]);
  }, 60_000);
});
