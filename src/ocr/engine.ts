/**
 * The OCR engine: tesseract.js (Tesseract compiled to WebAssembly) running in
 * worker threads, fully offline. Its worker script and core come from
 * node_modules; the language data is handed over as bytes (languages.ts), and
 * caching is off, so the engine neither fetches nor writes anything. A page
 * is recognised into words with pixel boxes, grouped in lines, with
 * Tesseract's confidence (0–100). Cancelling (AbortSignal) terminates the
 * workers at once.
 */
import { copyFile, mkdtemp, rm, symlink } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OcrCancelledError } from '../errors.ts';
import type { OcrLanguage } from './languages.ts';

const require = createRequire(import.meta.url);

/** A box in image pixels, origin top-left. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  box: PixelBox;
  confidence: number;
}

export interface OcrLine {
  box: PixelBox;
  words: OcrWord[];
}

export interface OcrPageResult {
  lines: OcrLine[];
  /** Mean word confidence weighted by word length, 0–100 (100 when there is no word). */
  confidence: number;
  words: number;
}

export interface OcrEngine {
  recognize(image: Uint8Array, signal?: AbortSignal): Promise<OcrPageResult>;
  terminate(): Promise<void>;
}

export interface EngineOptions {
  languages: OcrLanguage[];
  /** Worker threads (default: 2, or 1 on a single core). */
  workers?: number;
  signal?: AbortSignal;
}

interface TessBbox { x0: number; y0: number; x1: number; y1: number }
interface TessWord { text: string; confidence: number; bbox: TessBbox }
interface TessLine { words: TessWord[]; bbox: TessBbox }
interface TessBlock { paragraphs: { lines: TessLine[] }[] }
interface TessWorker {
  recognize(image: Buffer, options: object, output: object): Promise<{ data: { blocks: TessBlock[] | null } }>;
  setParameters(params: Record<string, string>): Promise<unknown>;
  terminate(): Promise<unknown>;
}
interface TesseractModule {
  createWorker(langs: string, oem: number, options: object): Promise<TessWorker>;
}

/**
 * tesseract.js reads every language from one folder (its `{code, data}`
 * form is broken in 7.0: it initialises with the data as the name), so the
 * languages, which live in two places, are linked into a temporary folder
 * read once at start-up.
 */
async function languageFolder(languages: OcrLanguage[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sanad-ocr-'));
  for (const l of languages) {
    const target = join(dir, `${l.code}.traineddata`);
    try {
      await symlink(l.path, target);
    } catch {
      await copyFile(l.path, target);
    }
  }
  return dir;
}

function tesseractPaths(): { workerPath: string; corePath: string } {
  const root = dirname(require.resolve('tesseract.js/package.json'));
  return {
    workerPath: join(root, 'src', 'worker-script', 'node', 'index.js'),
    corePath: dirname(require.resolve('tesseract.js-core/package.json')),
  };
}

function pageResult(blocks: TessBlock[] | null): OcrPageResult {
  const lines: OcrLine[] = [];
  let weighted = 0;
  let chars = 0;
  let words = 0;
  for (const block of blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const kept = line.words
          .map((w) => ({ text: w.text.trim(), box: { ...w.bbox }, confidence: w.confidence }))
          .filter((w) => w.text.length > 0);
        if (kept.length === 0) continue;
        for (const w of kept) {
          weighted += w.confidence * w.text.length;
          chars += w.text.length;
          words++;
        }
        lines.push({ box: { ...line.bbox }, words: kept });
      }
    }
  }
  return { lines, confidence: chars === 0 ? 100 : Math.round((weighted / chars) * 10) / 10, words };
}

/** Starts the workers (each loads the core and the languages once). */
export async function createOcrEngine(options: EngineOptions): Promise<OcrEngine> {
  const tesseract = require('tesseract.js') as TesseractModule;
  const count = Math.max(1, options.workers ?? Math.min(2, availableParallelism()));
  const langDir = await languageFolder(options.languages);
  // gzip: false makes tesseract.js read "<code>.traineddata"; it still unpacks gzip data it recognises.
  const config = { ...tesseractPaths(), cacheMethod: 'none', gzip: false, langPath: langDir, logger: () => {} };
  const langs = options.languages.map((l) => l.code).join('+');
  let workers: TessWorker[];
  try {
    workers = await Promise.all(Array.from({ length: count }, () => tesseract.createWorker(langs, 1, config)));
  } finally {
    await rm(langDir, { recursive: true, force: true });
  }
  await Promise.all(workers.map((w) => w.setParameters({ tessedit_pageseg_mode: '3', preserve_interword_spaces: '0', user_defined_dpi: '300' })));
  const idle = [...workers];
  const waiting: ((w: TessWorker) => void)[] = [];
  let terminated = false;

  const terminate = async () => {
    if (terminated) return;
    terminated = true;
    await Promise.all(workers.map((w) => w.terminate().catch(() => undefined)));
  };
  const onAbort = () => void terminate();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const acquire = () => new Promise<TessWorker>((resolve) => {
    const w = idle.pop();
    if (w) resolve(w);
    else waiting.push(resolve);
  });
  const release = (w: TessWorker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };

  return {
    async recognize(image, signal) {
      if (terminated || options.signal?.aborted || signal?.aborted) throw new OcrCancelledError();
      const worker = await acquire();
      if (terminated) throw new OcrCancelledError();
      // A terminated tesseract.js worker never settles its jobs: race them against the abort.
      let onAbort = () => {};
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => {
          void terminate();
          reject(new OcrCancelledError());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        options.signal?.addEventListener('abort', onAbort, { once: true });
      });
      aborted.catch(() => undefined);
      try {
        const job = worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, { blocks: true, text: false, hocr: false, tsv: false });
        job.catch(() => undefined);
        const result = await Promise.race([job, aborted]);
        return pageResult(result.data.blocks);
      } catch (error) {
        if (terminated) throw new OcrCancelledError();
        throw error;
      } finally {
        signal?.removeEventListener('abort', onAbort);
        options.signal?.removeEventListener('abort', onAbort);
        release(worker);
      }
    },
    async terminate() {
      options.signal?.removeEventListener('abort', onAbort);
      await terminate();
    },
  };
}
