/**
 * One long PDF for the import benchmark (issue 2, item 8): `pages` pages of
 * known sentences and an image on page 1, written with pdf-lib.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { makePng } from './png.ts';
import { makeTextPdf } from './text-pdf.ts';

/** Writes the PDF to `path` (its folder is created) and returns the page count. */
export async function makeBigPdf(path: string, pages = 500): Promise<number> {
  const { bytes } = await makeTextPdf({ fileNo: 0, pages, title: 'Benchmark long report', image: makePng(320, 160, 0) });
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  return pages;
}
