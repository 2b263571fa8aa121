/**
 * pdf-lib's name parsing, as patched (patches/@cantoo+pdf-lib+*.patch): the
 * parser finds a name's end on the bytes and skips the '#' decoding when a
 * name has none. Names must come out exactly as before — escapes decoded,
 * ended by whitespace or any delimiter, the stream's position and column
 * moved past them — and a real PDF must read the same through pdf-lib and
 * poppler.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFContext, PDFDict, PDFDocument, PDFName, PDFObjectParser, PDFPageLeaf, StandardFonts } from '@cantoo/pdf-lib';

function parse(text: string) {
  const bytes = new Uint8Array([...text].map((c) => c.charCodeAt(0)));
  const parser = PDFObjectParser.forBytes(bytes, PDFContext.create());
  // The stream is private in pdf-lib's types; its position is what the next parse starts from.
  const stream = (parser as unknown as { bytes: { offset(): number; position(): { line: number; column: number } } }).bytes;
  return { object: parser.parseObject(), stream };
}

describe('PDF names', () => {
  it('end at whitespace or any delimiter and keep every other byte', () => {
    // The column moves with the offset (pdf-lib's column starts a few ahead: compare the distance).
    const lead = (({ stream }) => stream.position().column - stream.offset())(parse('/'));
    for (const [text, name, rest] of [
      ['/Type ', 'Type', 1],
      ['/Type/Page', 'Type', 5],
      ['/A(', 'A', 1],
      ['/A<', 'A', 1],
      ['/A[', 'A', 1],
      ['/A%comment', 'A', 8],
      ['/F1.0-x_y*', 'F1.0-x_y*', 0],
      ['/', '', 0],
    ] as const) {
      const { object, stream } = parse(text);
      expect(object, text).toBe(PDFName.of(name));
      expect(stream.offset(), text).toBe(text.length - rest);
      expect(stream.position().column - stream.offset(), text).toBe(lead);
    }
  });

  it('decode #xx escapes, and bytes above 127, as pdf-lib always has', () => {
    expect(parse('/A#20B ').object).toBe(PDFName.of('A B'));
    expect(parse('/Lime#20Green').object.toString()).toBe('/Lime#20Green');
    expect((parse('/caf\u00e9 ').object as PDFName).decodeText()).toBe('caf\u00e9');
    expect(parse('/paired#28#29parentheses').object).toBe(PDFName.of('paired()parentheses'));
  });

  it('read as keys and values of a dictionary across lines', () => {
    const { object, stream } = parse('<<\n/Type /Page\n/Parent 1 0 R/Rotate 90/Dash[3 2]>>');
    expect(object).toBeInstanceOf(PDFPageLeaf);
    const dict = object as PDFDict;
    expect(dict.get(PDFName.of('Type'))).toBe(PDFName.of('Page'));
    expect(dict.get(PDFName.of('Rotate'))?.toString()).toBe('90');
    expect(dict.get(PDFName.of('Dash'))?.toString()).toBe('[ 3 2 ]');
    expect(stream.position().line).toBe(2);
  });

  it('survive a load and save of a real document (qpdf and poppler agree)', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([300, 300]);
    page.drawText('Threats traced to Karachi', { x: 20, y: 250, size: 12, font });
    page.node.set(PDFName.of('Sanad Odd#Key'), PDFName.of('Value With Spaces'));
    const reread = await PDFDocument.load(await doc.save());
    const leaf = reread.getPage(0).node;
    expect(leaf.get(PDFName.of('Sanad Odd#Key'))).toBe(PDFName.of('Value With Spaces'));
    const dir = mkdtempSync(join(tmpdir(), 'sanad-names-'));
    try {
      const file = join(dir, 'names.pdf');
      writeFileSync(file, await reread.save());
      expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors found/);
      expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).trim()).toBe('Threats traced to Karachi');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('come from the patched pdf-lib (npm ci applies patches/ in postinstall)', () => {
    const root = dirname(dirname(createRequire(import.meta.url).resolve('@cantoo/pdf-lib')));
    for (const flavour of ['es', 'cjs']) {
      expect(readFileSync(join(root, flavour, 'core/parser/PDFObjectParser.js'), 'utf8')).toContain("name.indexOf('#') === -1");
      expect(readFileSync(join(root, flavour, 'core/objects/PDFName.js'), 'utf8')).toContain("name.indexOf('#') === -1");
    }
  });
});
