/**
 * The page-text cache of a source (`text.json.gz`): its text per page with
 * geometry, gzip-compressed because the runs' rectangles make it larger than
 * the PDF itself. It is derived data: when it is missing or unreadable it is
 * rebuilt from the source's PDF (and the caller is told), never a reason for
 * every search or excerpt to fail. Workspaces written before compact storage
 * hold a plain `text.json`, which is still read.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { TextFile, type PageText, type SourceMeta } from '../model/index.ts';
import { writeFileAtomic } from './atomic.ts';
import { parseStored } from './json-file.ts';
import { TEXT_CACHE_FILE, TEXT_FILE, documentPdfIn } from './layout.ts';

/** Told when a cache had to be rebuilt; one sentence naming the source. */
export type NoticeSink = (message: string) => void;

/** The bytes Sanad stores for a source's page text. */
export function encodeTextCache(meta: SourceMeta, pages: PageText[]): Uint8Array {
  return encodeTextFile(TextFile.parse({ schemaVersion: 1, sha256: meta.sha256, pages }));
}

/** The bytes of a text file already validated (import validates it once, then stores it). */
export function encodeTextFile(file: TextFile): Uint8Array {
  return gzipSync(JSON.stringify(file), { level: 6 });
}

async function readIfPresent(file: string): Promise<Buffer | undefined> {
  try {
    return await fsp.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** The cached pages, or why they cannot be used ('missing' or a reason). */
async function readCached(folder: string, meta: SourceMeta): Promise<PageText[] | { problem: string }> {
  const gz = await readIfPresent(path.join(folder, TEXT_CACHE_FILE));
  const plain = gz ? undefined : await readIfPresent(path.join(folder, TEXT_FILE));
  const file = gz ? TEXT_CACHE_FILE : TEXT_FILE;
  if (!gz && !plain) return { problem: 'missing' };
  try {
    const text = gz ? gunzipSync(gz).toString('utf8') : plain!.toString('utf8');
    const parsed = parseStored(text, path.join(folder, file), 'text', TextFile);
    if (parsed.sha256 !== meta.sha256) return { problem: `${file} belongs to another edition` };
    if (parsed.pages.length !== meta.pages) return { problem: `${file} has ${parsed.pages.length} page(s), the source ${meta.pages}` };
    return parsed.pages;
  } catch (e) {
    return { problem: `${file} is unreadable (${e instanceof Error ? e.message : String(e)})` };
  }
}

export interface ReadTextOptions {
  /** Write the rebuilt cache back (only when the workspace is open for writing). */
  writable: boolean;
  notice?: NoticeSink;
}

/** The page text of the source in `folder`, rebuilt from its PDF when the cache is missing or broken. */
export async function readPageText(folder: string, meta: SourceMeta, options: ReadTextOptions): Promise<PageText[]> {
  const cached = await readCached(folder, meta);
  if (Array.isArray(cached)) return cached;
  const pdfFile = await documentPdfIn(folder, meta);
  const { extractText } = await import('../pdf/text.ts');
  const pages = await extractText(new Uint8Array(await fsp.readFile(pdfFile)));
  const why = cached.problem === 'missing' ? 'was missing' : `could not be used: ${cached.problem}`;
  if (options.writable) {
    await writeFileAtomic(path.join(folder, TEXT_CACHE_FILE), encodeTextCache(meta, pages));
    await fsp.rm(path.join(folder, TEXT_FILE), { force: true });
    options.notice?.(`The page text of "${meta.title}" (${meta.id}) ${why}; Sanad rebuilt it from ${path.basename(pdfFile)}.`);
  } else {
    options.notice?.(`The page text of "${meta.title}" (${meta.id}) ${why}; Sanad read it from ${path.basename(pdfFile)} (it is rebuilt on disk the next time the workspace is opened for writing).`);
  }
  return pages;
}
