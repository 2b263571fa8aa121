/**
 * `sanad ocr SOURCE_ID --lang eng+urd`: reads a source again with OCR, e.g.
 * once the Urdu language file is in the workspace's `ocr/` folder. The
 * document is rebuilt from the original bytes (so the old OCR layer goes),
 * OCR runs on the pages without text and on pictures, and the source's
 * excerpts re-anchor through the same machinery as a new edition's; any that
 * cannot are reported, never dropped.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reanchorAll } from '../anchor/index.ts';
import { prepareSource, type ImportProgress } from '../ingest/index.ts';
import type { Excerpt, SourceMeta } from '../model/index.ts';
import type { Printer } from '../print/printer.ts';
import type { Workspace } from '../store/index.ts';

export interface ReocrInput {
  printer: Printer;
  /** Tesseract codes (default ["eng"]). */
  languages?: string[];
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  now?: Date;
}

export interface ReocrOutcome {
  source: SourceMeta;
  reanchored: number;
  fuzzy: Excerpt[];
  orphaned: Excerpt[];
}

export async function reocrSource(ws: Workspace, id: string, input: ReocrInput): Promise<ReocrOutcome> {
  const old = await ws.getSource(id);
  const folder = await ws.sourceDir(id);
  // The rendition's caption names the file as received: prepare a copy under that name.
  const tmp = await mkdtemp(join(tmpdir(), 'sanad-reocr-'));
  try {
    const file = join(tmp, old.originalName.replace(/[\\/]/g, '_') || old.originalFile);
    await copyFile(join(folder, old.originalFile), file);
    const prepared = await prepareSource(file, {
      printer: input.printer,
      scope: old.scope,
      metadata: { title: old.title, ...(old.author ? { author: old.author } : {}), ...(old.published ? { published: old.published } : {}), ...(old.url ? { url: old.url } : {}) },
      ocr: 'auto',
      ocrLanguages: input.languages ?? ['eng'],
      ocrDir: ws.ocrDir,
      keepGps: old.gps !== undefined,
      ...(input.signal ? { signal: input.signal } : {}),
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      now: input.now ?? new Date(),
    });
    const { ocr: _oldOcr, ...kept } = old;
    const meta: SourceMeta = {
      ...kept,
      pages: prepared.meta.pages,
      flags: prepared.meta.flags,
      ...(prepared.meta.ocr ? { ocr: prepared.meta.ocr } : {}),
    };
    const excerpts = await ws.listExcerpts({ sourceId: id });
    const result = reanchorAll(excerpts, { sourceId: id, sha256: meta.sha256, pages: prepared.text });
    const source = await ws.replaceSource(id, { ...prepared, meta }, { sameEdition: true });
    await ws.saveExcerpts(id, result.excerpts);
    return { source, reanchored: result.excerpts.length - result.orphaned.length, fuzzy: result.fuzzy, orphaned: result.orphaned };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
