/**
 * Makes examples/sources/hrw-walking-dead-sample.pdf: the sample country
 * report of the demo case, printed from hrw-walking-dead-sample.body.html
 * through the same Chromium printer and shipped fonts the app uses, with one
 * landscape page (a table of incidents). The PDF is committed, so the demo
 * never needs this script; run it after editing the HTML:
 *
 *   npx tsx examples/make/make-report-pdf.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from '@cantoo/pdf-lib';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { TEMPLATES_DIR } from '../../src/paths.ts';
import { inlineFontsCss } from '../../src/templates/render.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const REPORT_PDF = join(here, '..', 'sources', 'hrw-walking-dead-sample.pdf');

/** Page style of the sample: every section on its own page; `.wide` sections on a landscape page. */
const REPORT_CSS = `
@page { size: A4; margin: 22mm 20mm 24mm 20mm;
  @bottom-center { content: "Sample report - page " counter(page); font: 9pt 'Noto Sans'; color: #555; } }
@page wide { size: A4 landscape; margin: 18mm 20mm 20mm 20mm; }
section.page { break-after: page; }
section.page:last-child { break-after: auto; }
section.wide { page: wide; }
.wide table { font-size: 11pt; }
.after-table { margin-top: 12pt; }
`;

export function reportHtml(): string {
  const body = readFileSync(join(here, 'hrw-walking-dead-sample.body.html'), 'utf8');
  const base = readFileSync(join(TEMPLATES_DIR, 'base.css'), 'utf8');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Killings of Shia Hazara in Balochistan (SAMPLE)</title>
<style>${inlineFontsCss()}\n${base}\n${REPORT_CSS}</style></head><body>${body}</body></html>`;
}

/** Fixed metadata so re-running the script gives the same document information. */
async function withSampleMetadata(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  const date = new Date(Date.UTC(2026, 10, 21));
  doc.setTitle('Killings of Shia Hazara in Balochistan, Pakistan (SAMPLE written for Sanad)');
  doc.setAuthor('Sanad project (sample; facts attributed to Human Rights Watch, 2014)');
  doc.setSubject('Sample country information for the Sanad demonstration case; not a real report.');
  doc.setProducer('Sanad examples/make/make-report-pdf.ts');
  doc.setCreator('Chromium');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  return doc.save({ useObjectStreams: true });
}

async function main(): Promise<void> {
  const printer = new ChromiumPrinter();
  try {
    const pdf = await printer.printHtml(reportHtml(), { paper: 'A4' });
    writeFileSync(REPORT_PDF, await withSampleMetadata(pdf));
    process.stdout.write(`${REPORT_PDF}\n`);
  } finally {
    await printer.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
