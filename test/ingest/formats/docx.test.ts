import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareSource, type PrepareOptions } from '../../../src/ingest/index.ts';
import { renderDocx } from '../../../src/ingest/formats/docx-render.ts';
import { formatNumber } from '../../../src/ingest/formats/docx-numbering.ts';
import { ChromiumPrinter } from '../../../src/print/chromium.ts';
import { scratchDir, write } from '../fixtures.ts';
import { witnessStatementDocx } from './docx-fixtures.ts';

const printer = new ChromiumPrinter();
afterAll(() => printer.close());
const options: PrepareOptions = { printer, scope: { kind: 'library' }, now: new Date('2026-01-02T03:04:05Z') };
const dir = scratchDir();

describe('Word .docx', () => {
  it('keeps Word paragraph numbers, footnotes, tables and formatting in the rendition', async () => {
    const bytes = await witnessStatementDocx();
    const rendition = await renderDocx('statement.docx', bytes);
    const html = String(rendition.data.html);
    expect(html).toContain('<strong>traced to Karachi</strong>');
    expect(html).toContain('<em> in 2024</em>');
    expect(html).toMatch(/<table[\s\S]*12 March 2024[\s\S]*<\/table>/);
    expect(html).toMatch(/<img[^>]+src="data:image\/png;base64,/);
    expect(html).toMatch(/<ul>[\s\S]*Hazara Town, Quetta[\s\S]*<\/ul>/);
    expect(rendition.declared).toMatchObject({ title: 'Witness statement of AB', author: 'Solicitor for the appellant' });

    const file = await write(dir, 'statement.docx', bytes);
    const src = await prepareSource(file, options);
    expect(src.meta).toMatchObject({ format: 'docx', originalFile: 'original.docx', title: 'Witness statement of AB', flags: [] });
    const pdf = await write(dir, 'statement.pdf', src.documentPdf);
    const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\u00a0/g, ' ');
    expect(text).toMatch(/1\.\s+I am a Shia Hazara from Quetta\./);
    expect(text).toMatch(/2\.\s+I received threats by e-mail traced to Karachi in 2024/);
    expect(text).toMatch(/\(a\)\s+the first threat named my brother;/);
    expect(text).toMatch(/\(b\)\s+the second threat named my school\./);
    expect(text).toMatch(/3\.\s+I cannot relocate to Lahore\./);
    expect(text).toMatch(/Annex VII\s+Photographs of the threat letter/);
    expect(text).toContain('The letter was delivered on 3 March 2024 by hand.');
    expect(text).toContain('Letter at the family house');
    expect(text).toContain('Rendition by Sanad of the file statement.docx');
    // The same words reach the stored page text that search and quoting use.
    expect(src.text.map((p) => p.text).join('\n').replace(/\u00a0/g, ' ')).toMatch(/\(a\)\s+the first threat/);
  });

  it('formats numbers the way Word does', () => {
    expect(['decimal', 'lowerLetter', 'upperRoman', 'lowerRoman', 'decimalZero'].map((f) => formatNumber(4, f))).toEqual(['4', 'd', 'IV', 'iv', '04']);
    expect(formatNumber(27, 'lowerLetter')).toBe('aa');
    expect(formatNumber(2, 'ordinal')).toBe('2nd');
    expect(formatNumber(12, 'ordinal')).toBe('12th');
  });

  it('refuses a ZIP that only pretends to be a Word file, naming it', async () => {
    const { zipSync } = await import('fflate');
    const bytes = zipSync({ 'word/document.xml': new TextEncoder().encode('<not-xml') });
    const file = await write(dir, 'broken.docx', bytes);
    await expect(prepareSource(file, options)).rejects.toThrow(/broken\.docx/);
  });
});
