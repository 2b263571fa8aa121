/** Compact storage: a born-digital PDF is stored once and its page text compressed. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { initWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { textPdf } from '../helpers/pdf.ts';
import { makeSource, pdfSource, tempDir } from './helpers.ts';

let dir: string;
let cleanup: () => Promise<void>;
let ws: Workspace;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  await initWorkspace(dir);
  ws = await openWorkspace(dir);
});
afterEach(async () => {
  await ws.close();
  await cleanup();
});

describe('compact storage', () => {
  it('stores a born-digital PDF once; the document resolves to the original', async () => {
    const input = await pdfSource([['Threats were traced to Karachi.'], ['Page two of the report.']]);
    const meta = await ws.addSource(input);
    const folder = path.join(dir, 'library', 'sources', meta.id);
    expect((await readdir(folder)).sort()).toEqual(['original.pdf', 'source.json', 'text.json.gz']);
    expect(await ws.documentPdfPath(meta.id)).toBe(path.join(folder, 'original.pdf'));
    expect(await ws.readDocumentPdf(meta.id)).toEqual(input.original);
    // The compressed text is much smaller than the PDF itself.
    expect((await stat(path.join(folder, 'text.json.gz'))).size).toBeLessThan(input.original.byteLength / 2);
    expect((await ws.readText(meta.id)).map((p) => p.text)).toEqual(input.text.map((p) => p.text));
  });

  it('keeps document.pdf when it differs from the original (a rendition, a decrypted copy)', async () => {
    const input = await makeSource('txt');
    const meta = await ws.addSource(input);
    const folder = path.join(dir, 'library', 'sources', meta.id);
    expect(await readdir(folder)).toContain('document.pdf');
    expect(await readFile(await ws.documentPdfPath(meta.id))).toEqual(Buffer.from(input.documentPdf));

    const pdf = await pdfSource([['Encrypted once.']]);
    const other = await ws.addSource({ ...pdf, documentPdf: await textPdf([['Encrypted once.'], []]) });
    expect(await readdir(path.join(dir, 'library', 'sources', other.id))).toContain('document.pdf');
    expect(await ws.documentPdfPath(other.id)).toBe(path.join(dir, 'library', 'sources', other.id, 'document.pdf'));
  });

  it('refuses a PDF stored once whose bytes changed on disk since import, and names a missing file or source.json', async () => {
    const input = await pdfSource([['Threats were traced to Karachi.']]);
    const meta = await ws.addSource(input);
    const folder = path.join(dir, 'library', 'sources', meta.id);
    const original = path.join(folder, 'original.pdf');
    // One byte changed (a failing disk, a sync tool): the integrity list would print the old hash.
    const changed = Buffer.from(input.original);
    changed[changed.length - 20] = changed[changed.length - 20]! ^ 0x01;
    await writeFile(original, changed);
    const error = await ws.readDocumentPdf(meta.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SOURCE_CHANGED', file: original });
    expect((error as Error).message).toBe(
      `${original} has changed since "${meta.title}" (${meta.id}) was imported: its SHA-256 is no longer ${meta.sha256}, the one the bundle's integrity list gives. Restore it from your own backup or copy the original file back over it, then build again.`,
    );
    // A rendition (document.pdf beside the original) is not the file that hash is of, and reads as it is.
    const rendition = await ws.addSource(await makeSource('txt'));
    expect((await ws.readDocumentPdf(rendition.id)).byteLength).toBeGreaterThan(0);

    await rm(original);
    await expect(ws.readDocumentPdf(meta.id)).rejects.toMatchObject({ code: 'MISSING_FILE', message: expect.stringContaining(`${original} is missing, so "${meta.title}" (${meta.id}) cannot be read`) });
    await rm(path.join(folder, 'source.json'));
    await expect(ws.readDocumentPdf(meta.id)).rejects.toMatchObject({
      code: 'MISSING_FILE',
      message: `${path.join(folder, 'source.json')} is missing, so this source cannot be read: restore the file from your own backup, or delete the folder ${folder} and import the source again.`,
    });
  });

  it('a replaced edition is stored once too, and the OCR path (document.pdf written later) takes precedence', async () => {
    const first = await ws.addSource(await pdfSource([['First edition names Karachi.']]));
    const second = await pdfSource([['Second edition names Lahore.']]);
    await ws.replaceSource(first.id, second);
    const folder = path.join(dir, 'library', 'sources', first.id);
    expect((await readdir(folder)).sort()).toEqual(['original.pdf', 'source.json', 'text.json.gz']);
    expect(await ws.readDocumentPdf(first.id)).toEqual(second.original);
  });
});
