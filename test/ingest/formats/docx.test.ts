import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareSource, type PrepareOptions } from '../../../src/ingest/index.ts';
import { renderDocx } from '../../../src/ingest/formats/docx-render.ts';
import { formatNumber, labelNumberedParagraphs } from '../../../src/ingest/formats/docx-numbering.ts';
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
  }, 240_000);

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

  it('numbers like Word: shared abstract lists continue, start overrides restart, style numbering and "%1.%2" levels', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const p = (text: string, numId?: number, ilvl = 0, style?: string) =>
      `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${numId !== undefined ? `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>` : ''}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const documentXml = `<w:document ${W}><w:body>${[
      p('one', 1), p('one-one', 1, 1), p('one-two', 1, 1), p('two', 1), p('three', 2), p('restarted', 3), p('by style', undefined, 0, 'ListRoman'), p('plain'),
    ].join('')}</w:body></w:document>`;
    const lvl = (ilvl: number, fmt: string, text: string, start = 1) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
    const numberingXml = `<w:numbering ${W}>
      <w:abstractNum w:abstractNumId="10">${lvl(0, 'decimal', '%1.')}${lvl(1, 'decimal', '%1.%2')}</w:abstractNum>
      <w:abstractNum w:abstractNumId="20">${lvl(0, 'lowerRoman', '(%1)')}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="10"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
      <w:num w:numId="4"><w:abstractNumId w:val="20"/></w:num>
    </w:numbering>`;
    const stylesXml = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="ListRoman"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style></w:styles>`;
    const out = labelNumberedParagraphs(documentXml, numberingXml, stylesXml);
    const texts = [...out.xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('').replace(/\u00a0+/g, ' '));
    expect(texts).toEqual(['1. one', '1.1 one-one', '1.2 one-two', '2. two', '3. three', '1. restarted', '(i) by style', 'plain']);
    expect(out.labelled).toBe(7);
    // Numbering is switched off where a label was written, so mammoth does not number again.
    expect(out.xml.match(/<w:numId w:val="0"\/>/g)).toHaveLength(7);
  });
});
