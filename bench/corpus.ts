/**
 * The benchmark corpus (issue 3, item 8): many multi-page PDFs with known
 * sentences on known pages and an image in each, plus a list of quotes spread
 * across the files from which a benchmark makes excerpts by quote.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makePng } from './png.ts';
import { makeTextPdf } from './text-pdf.ts';

export interface CorpusOptions {
  /** Number of PDF files (default 40). */
  files?: number;
  /** Pages in each file (default 25). */
  pagesPerFile?: number;
  /** Embed an image on the first page of each file (default true). */
  withImage?: boolean;
  /** Number of quotes to return (default 200; capped at the number of lines drawn). */
  quotes?: number;
}

export interface CorpusQuote {
  /** Absolute path of the PDF. */
  file: string;
  /** 1-based page the quote is drawn on. */
  page: number;
  /** An exact sentence of that page (one line, distinct across the corpus). */
  quote: string;
}

export interface Corpus {
  files: string[];
  pages: number;
  quotes: CorpusQuote[];
}

/** Writes `corpus-NN.pdf` files into `dir` (created if missing) and returns their paths and quotes. */
export async function makeCorpus(dir: string, options: CorpusOptions = {}): Promise<Corpus> {
  const fileCount = options.files ?? 40;
  const pagesPerFile = options.pagesPerFile ?? 25;
  const withImage = options.withImage ?? true;
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  const linesByFile: string[][][] = [];
  for (let f = 1; f <= fileCount; f++) {
    const { bytes, lines } = await makeTextPdf({
      fileNo: f,
      pages: pagesPerFile,
      title: `Benchmark country report ${f}`,
      ...(withImage ? { image: makePng(320, 160, f) } : {}),
    });
    const path = join(dir, `corpus-${String(f).padStart(2, '0')}.pdf`);
    await writeFile(path, bytes);
    files.push(path);
    linesByFile.push(lines);
  }
  return { files, pages: fileCount * pagesPerFile, quotes: spreadQuotes(files, linesByFile, options.quotes ?? 200) };
}

/**
 * Picks `count` distinct lines, round-robin over files and striding through
 * pages and lines, so the quotes land on many pages of every file.
 */
export function spreadQuotes(files: string[], linesByFile: string[][][], count: number): CorpusQuote[] {
  const capacity = linesByFile.reduce((n, pages) => n + pages.reduce((m, l) => m + l.length, 0), 0);
  const wanted = Math.min(count, capacity);
  const used = new Set<string>();
  const quotes: CorpusQuote[] = [];
  for (let i = 0; quotes.length < wanted; i++) {
    const f = i % files.length;
    const pages = linesByFile[f]!;
    const round = Math.floor(i / files.length);
    // Walk forward from a strided starting point until an unused line turns up.
    let page = (round * 7 + f) % pages.length;
    let line = (round * 5 + f * 3) % Math.max(1, pages[page]!.length);
    for (let tries = 0; tries < capacity; tries++) {
      if (line < pages[page]!.length && !used.has(`${f}:${page}:${line}`)) break;
      line++;
      if (line >= pages[page]!.length) {
        line = 0;
        page = (page + 1) % pages.length;
      }
    }
    const key = `${f}:${page}:${line}`;
    if (used.has(key)) continue; // this file is full; another file takes the quote
    used.add(key);
    quotes.push({ file: files[f]!, page: page + 1, quote: pages[page]![line]! });
  }
  return quotes;
}
