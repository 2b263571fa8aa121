/** Layout migration 1 → 2 (compact storage) on a workspace written the old way. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { formatJson, openWorkspace } from '../../../src/store/index.ts';
import { LAYOUT_MIGRATIONS, LAYOUT_VERSION, layoutVersionOf, runLayoutMigrations } from '../../../src/store/migrations.ts';
import { makeSource, pdfSource, tempDir } from '../helpers.ts';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => cleanup());

/** Writes a source folder as Sanad wrote it before compact storage (document.pdf always, plain text.json). */
async function oldFolder(input: Awaited<ReturnType<typeof makeSource>>): Promise<string> {
  const folder = path.join(dir, 'library', 'sources', input.meta.id);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'source.json'), formatJson(input.meta));
  await writeFile(path.join(folder, input.meta.originalFile), input.original);
  await writeFile(path.join(folder, 'document.pdf'), input.documentPdf);
  await writeFile(path.join(folder, 'text.json'), formatJson({ schemaVersion: 1, sha256: input.meta.sha256, pages: input.text }));
  return folder;
}

describe('layout 1 → 2: compact storage', () => {
  it('is registered as the only step to the current layout', () => {
    expect(LAYOUT_VERSION).toBe(2);
    expect(LAYOUT_MIGRATIONS.map((m) => `${m.from}→${m.to}`)).toEqual(['1→2']);
  });

  it('removes document.pdf copies of original.pdf, compresses text.json, records layout 2, and everything still reads', async () => {
    await mkdir(path.join(dir, 'cases'), { recursive: true });
    await mkdir(path.join(dir, 'library'), { recursive: true });
    await writeFile(path.join(dir, 'library', 'tags.json'), formatJson({ schemaVersion: 1, tags: [] }));
    await writeFile(path.join(dir, 'workspace.json'), formatJson({ schemaVersion: 1, kind: 'sanad-workspace', createdAt: '2025-01-01T00:00:00.000Z' }));
    const pdf = await pdfSource([['Threats were traced to Karachi.']]);
    const txt = await makeSource('rendition');
    const pdfFolder = await oldFolder(pdf);
    const txtFolder = await oldFolder(txt);
    const oldText = await readFile(path.join(pdfFolder, 'text.json'), 'utf8');
    expect(await layoutVersionOf(dir)).toBe(1);

    const ws = await openWorkspace(dir);
    try {
      expect(await layoutVersionOf(dir)).toBe(2);
      expect((await readdir(pdfFolder)).sort()).toEqual(['original.pdf', 'source.json', 'text.json.gz']);
      expect((await readdir(txtFolder)).sort()).toEqual(['document.pdf', 'original.txt', 'source.json', 'text.json.gz']);
      expect(gunzipSync(await readFile(path.join(pdfFolder, 'text.json.gz'))).toString('utf8')).toBe(oldText);
      expect(await ws.readDocumentPdf(pdf.meta.id)).toEqual(pdf.original);
      expect(await ws.readText(pdf.meta.id)).toEqual(pdf.text);
      expect(await ws.readText(txt.meta.id)).toEqual(txt.text);
      expect(ws.notices).toEqual([]);
      // Settings written later keep the layout version.
      expect((await ws.readWorkspaceFile()).layoutVersion).toBe(2);
    } finally {
      await ws.close();
    }
  });

  it('is idempotent: a run interrupted half-way is finished by the next one; a broken text.json is left for the cache to rebuild', async () => {
    await mkdir(path.join(dir, 'library', 'sources'), { recursive: true });
    await writeFile(path.join(dir, 'workspace.json'), formatJson({ schemaVersion: 1, kind: 'sanad-workspace', createdAt: '2025-01-01T00:00:00.000Z' }));
    const pdf = await pdfSource([['Half done.']]);
    const folder = await oldFolder(pdf);
    // Interrupted after the PDF step: document.pdf already gone, text.json still there.
    await runLayoutMigrations(dir, [{ ...LAYOUT_MIGRATIONS[0]!, run: async () => {} }], 2);
    await writeFile(path.join(dir, 'workspace.json'), formatJson({ schemaVersion: 1, kind: 'sanad-workspace', createdAt: '2025-01-01T00:00:00.000Z' }));
    await LAYOUT_MIGRATIONS[0]!.run(dir);
    await LAYOUT_MIGRATIONS[0]!.run(dir);
    expect((await readdir(folder)).sort()).toEqual(['original.pdf', 'source.json', 'text.json.gz']);

    const broken = await pdfSource([['Broken text cache.']]);
    const brokenFolder = await oldFolder(broken);
    await writeFile(path.join(brokenFolder, 'text.json'), '{"schemaVersion": 1, "pag');
    await runLayoutMigrations(dir);
    expect((await readdir(brokenFolder)).sort()).toEqual(['original.pdf', 'source.json', 'text.json']);
  });
});
