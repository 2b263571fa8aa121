/**
 * Layout migration 1 → 2: compact storage. In each source folder, a
 * document.pdf that is a byte-identical copy of original.pdf is removed (the
 * layout resolves the document to the original), and text.json becomes
 * text.json.gz. Idempotent: a folder half-done by an interrupted run is
 * finished by the next one. Files that cannot be read are left as they are.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeFileAtomic } from '../atomic.ts';
import { DOCUMENT_FILE, TEXT_CACHE_FILE, TEXT_FILE } from '../layout.ts';
import { sourceFolders } from '../sources.ts';
import type { LayoutMigration } from '../migrations.ts';

async function read(file: string): Promise<Buffer | undefined> {
  return fsp.readFile(file).catch(() => undefined);
}

/** Compacts one source folder; returns the bytes saved. */
export async function compactSourceFolder(folder: string): Promise<number> {
  let saved = 0;
  const original = await read(path.join(folder, 'original.pdf'));
  const document = original ? await read(path.join(folder, DOCUMENT_FILE)) : undefined;
  if (original && document && original.equals(document)) {
    await fsp.rm(path.join(folder, DOCUMENT_FILE));
    saved += document.byteLength;
  }
  const plain = await read(path.join(folder, TEXT_FILE));
  if (plain) {
    let ok = true;
    try {
      JSON.parse(plain.toString('utf8'));
    } catch {
      ok = false; // Left for the page-text cache to rebuild from the PDF on first read.
    }
    if (ok) {
      const gz = gzipSync(plain, { level: 6 });
      await writeFileAtomic(path.join(folder, TEXT_CACHE_FILE), gz);
      await fsp.rm(path.join(folder, TEXT_FILE));
      await fsp.rm(path.join(folder, `${TEXT_FILE}.bak`), { force: true });
      saved += plain.byteLength - gz.byteLength;
    }
  }
  return saved;
}

export const compactStorage: LayoutMigration = {
  from: 1,
  to: 2,
  describe: 'each PDF stored once; page text compressed (text.json → text.json.gz)',
  async run(ws) {
    for (const folder of await sourceFolders(ws, { all: true })) await compactSourceFolder(folder);
  },
};
