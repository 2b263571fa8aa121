/**
 * The floor under the build goal (issue 10, item 4: `sanad build` at least 3× faster than BunTool,
 * whole process): what every `sanad build` does before it can assemble anything, and nothing else.
 * Node starts, the printing thread loads Playwright (print/thread-printer.ts, as `sanad build` starts
 * it), Playwright launches Chromium with its sandbox (the wrapper as root), one document is printed,
 * Chromium is closed and the process ends. Timed from outside as a whole process, it is a lower bound
 * for a build: a real one also loads the workspace, prints its parts (twice on a first build), copies,
 * stamps and links the sources, and reopens the result to verify it.
 *
 *   node dist/bench/print-floor.js [HTML-FILE]   (default: a one-page document)
 *
 * Prints one JSON line: the pages and bytes of the PDF printed.
 */
import { readFileSync } from 'node:fs';
import { ThreadPrinter } from '../src/print/thread-printer.ts';

const ONE_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Index</title></head><body><h1>Index</h1><p>1. A country report, pages 1 to 25.</p></body></html>';

const file = process.argv[2];
let html = ONE_PAGE;
if (file) {
  try {
    html = readFileSync(file, 'utf8');
  } catch {
    process.stderr.write(`${file} cannot be read: give the path of an HTML file, or nothing for a one-page document.\n`);
    process.exit(2);
  }
}
const printer = new ThreadPrinter();
try {
  printer.warmUp();
  const pdf = await printer.printHtml(html, { paper: 'A4' });
  const pages = (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  process.stdout.write(`${JSON.stringify({ pages, bytes: pdf.byteLength })}\n`);
} finally {
  await printer.close();
}
