import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles, importedBeforeFailure, type ImportProgress, type ImportResult } from '../../src/ingest/index.ts';
import { DamagedSourceError, NotFoundError } from '../../src/errors.ts';
import type { Printer } from '../../src/print/printer.ts';
import { initWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { scratchDir, textPdf, write } from './fixtures.ts';

const noPrinter: Printer = {
  printHtml: () => Promise.reject(new Error('the printer must not be used for PDF input')),
  close: () => Promise.resolve(),
};
const dir = scratchDir();
const wsDir = join(dir, 'ws');
let ws: Workspace;
beforeAll(async () => {
  await initWorkspace(wsDir, new Date('2026-01-01T00:00:00Z'));
  ws = await openWorkspace(wsDir);
});
afterAll(() => ws.close());

const sourceFolders = () => readdirSync(join(wsDir, 'library', 'sources')).sort();
const stagingLeftovers = () => (existsSync(join(wsDir, '.staging')) ? readdirSync(join(wsDir, '.staging')) : []);

describe('importFiles', () => {
  it('imports files one by one; a damaged file stops the run, names itself, and leaves nothing behind', async () => {
    const good = await write(dir, 'good.pdf', await (await textPdf(['Threats traced to Karachi'])).save());
    const whole = await (await textPdf(['one', 'two', 'three', 'four'])).save();
    const cut = await write(dir, 'cut.pdf', whole.slice(0, Math.floor(whole.length * 0.6)));
    const after = await write(dir, 'after.pdf', await (await textPdf(['never reached'])).save());
    const seen: ImportResult[] = [];
    const progress: ImportProgress[] = [];
    const error = await importFiles(ws, [good, cut, after], { printer: noPrinter, onImported: (r) => seen.push(r), onProgress: (p) => progress.push(p) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DamagedSourceError);
    expect((error as Error).message).toMatch(/^cut\.pdf is damaged/);
    const before = importedBeforeFailure(error);
    expect(before.map((r) => r.file)).toEqual(['good.pdf']);
    expect(seen).toEqual(before);
    expect(sourceFolders()).toEqual([before[0]!.source.id]);
    expect(stagingLeftovers()).toEqual([]);
    expect(progress.some((p) => p.file === 'good.pdf' && p.stage === 'saving' && p.done === 1)).toBe(true);
    expect(progress.some((p) => p.file === 'after.pdf')).toBe(false);
    expect(await ws.getSource(before[0]!.source.id)).toMatchObject({ originalName: 'good.pdf', pages: 1 });
  });

  it('recognises the same bytes imported again, under any name, as the existing source', async () => {
    const bytes = await (await textPdf(['Hazara in Quetta'])).save();
    const first = await importFiles(ws, [await write(dir, 'hrw.pdf', bytes)], { printer: noPrinter });
    const again = await importFiles(ws, [await write(dir, 'hrw-copy.pdf', bytes)], { printer: noPrinter });
    expect(first[0]!.duplicate).toBe(false);
    expect(again[0]).toMatchObject({ file: 'hrw-copy.pdf', duplicate: true });
    expect(again[0]!.source).toEqual(first[0]!.source);
    expect(sourceFolders().filter((f) => f === first[0]!.source.id)).toHaveLength(1);
  });

  it('refuses an unknown case before importing anything', async () => {
    const file = await write(dir, 'case-doc.pdf', await (await textPdf(['statement'])).save());
    const count = sourceFolders().length;
    await expect(importFiles(ws, [file], { printer: noPrinter, caseSlug: 'no-such-case' })).rejects.toThrow(NotFoundError);
    expect(sourceFolders()).toHaveLength(count);
  });
});
