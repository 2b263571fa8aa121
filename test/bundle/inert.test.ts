import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFString } from '@cantoo/pdf-lib';
import { buildBundle, writeBundle, type BuildResult } from '../../src/bundle/index.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { verifyBuiltFile } from '../../src/verify/index.ts';
import { openPdf } from '../../src/pdf/pdfjs.ts';
import { inputOf, tinyParts } from './fixtures.ts';
import { hostilePdf, sourceOf } from './hostile-fixtures.ts';

const OUT = '/tmp/bundle/inert-test';
const qdfOf = (file: string) => execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { maxBuffer: 1 << 28 }).toString('latin1');

describe('an inert bundle from a hostile source', () => {
  const printer = new ChromiumPrinter();
  let result: BuildResult;
  let file: string;
  afterAll(() => printer.close());

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const hostile = await sourceOf(await hostilePdf(), 'Hostile report');
    // The fixture really carries everything the bundle must drop.
    writeFileSync(`${OUT}/hostile.pdf`, hostile.pdf);
    const raw = qdfOf(`${OUT}/hostile.pdf`);
    for (const needle of ['/JavaScript', '/JS', '/Launch', '/AA', '/OpenAction', '/EmbeddedFile', '/FileAttachment', 'file:', '/XFA', '/SubmitForm', '/GoToR']) expect(raw).toContain(needle);
    const input = inputOf([hostile], {
      schemaVersion: 1,
      pagination: 'continuous',
      sections: [
        { id: 'a', letter: 'A', title: 'Index', divider: false, items: [{ kind: 'generated', part: 'index' }] },
        { id: 'b', letter: 'B', title: 'Evidence', divider: false, items: [{ kind: 'source', sourceId: hostile.meta.id }] },
      ],
    });
    result = await buildBundle(input, { printer, renderPart: tinyParts });
    file = (await writeBundle(result, `${OUT}/bundle.pdf`))[0]!;
  });

  it('contains nothing that runs, launches, submits, plays or carries a file', () => {
    const qdf = qdfOf(file);
    for (const needle of ['/JavaScript', '/JS', '/Launch', '/AA', '/OpenAction', '/EmbeddedFile', '/FileAttachment', '/Sound', '/Screen', '/XFA', '/SubmitForm', '/ImportData', '/GoToR', '/Rendition']) {
      expect(qdf, needle).not.toMatch(new RegExp(`${needle.replace('/', '\\/')}\\b`));
    }
    expect(qdf).not.toMatch(/file:|script:|secret attachment bytes|payload\.exe/);
    expect(() => execFileSync('qpdf', ['--check', file])).not.toThrow();
  });

  it('keeps the source’s web link, its internal link and its form field', async () => {
    const doc = await openPdf(result.volumes[0]!.bytes);
    const page1 = (await (await doc.getPage(2)).getAnnotations()) as Array<{ subtype: string; url?: string }>;
    expect(page1.filter((a) => a.subtype === 'Link').map((a) => a.url)).toEqual(['https://www.hrw.org/report']);
    const page2 = (await (await doc.getPage(3)).getAnnotations()) as Array<{ subtype: string; dest?: unknown[]; fieldName?: string }>;
    const internal = page2.find((a) => a.subtype === 'Link');
    expect((await doc.getPageIndex(internal!.dest![0] as never)) + 1).toBe(2);
    expect(page2.find((a) => a.subtype === 'Widget')?.fieldName).toBe('hostile.field');
    await doc.destroy();
  });

  it('passes verification', async () => {
    expect(await verifyBuiltFile(file)).toEqual({ ok: true, failures: [] });
  });

  it('fails verification when active content is put back into the bundle', async () => {
    const cases: Array<[string, (doc: PDFDocument) => void, RegExp]> = [
      ['open-action', (d) => d.catalog.set(PDFName.of('OpenAction'), d.context.obj({ S: 'JavaScript', JS: PDFString.of('1') })), /\/OpenAction/],
      ['page-aa', (d) => d.getPage(1).node.set(PDFName.of('AA'), d.context.obj({ O: { S: 'Launch', F: PDFString.of('a.exe') } })), /\/AA/],
      ['file-link', (d) => d.getPage(1).node.addAnnot(d.context.register(d.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], A: { S: 'URI', URI: PDFString.of('file:///etc/passwd') } }))), /link to "file:/],
      ['attachment', (d) => d.getPage(1).node.addAnnot(d.context.register(d.context.obj({ Type: 'Annot', Subtype: 'FileAttachment', Rect: [0, 0, 10, 10], FS: { Type: 'Filespec', F: PDFString.of('x'), EF: { F: d.context.register(d.context.stream('x', { Type: 'EmbeddedFile' })) } } }))), /FileAttachment annotation/],
      ['javascript-link', (d) => d.getPage(0).node.addAnnot(d.context.register(d.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], A: { S: 'JavaScript', JS: PDFString.of('1') } }))), /JavaScript action/],
    ];
    for (const [name, doctor, expected] of cases) {
      const doc = await PDFDocument.load(result.volumes[0]!.bytes);
      doctor(doc);
      mkdirSync(`${OUT}/${name}`, { recursive: true });
      writeFileSync(`${OUT}/${name}/bundle.pdf`, await doc.save());
      writeFileSync(`${OUT}/${name}/bundle.report.json`, JSON.stringify({ ...result.report, volumes: [{ ...result.report.volumes[0]!, file: 'bundle.pdf' }] }));
      const checked = await verifyBuiltFile(`${OUT}/${name}/bundle.pdf`);
      expect(checked.ok, name).toBe(false);
      expect(checked.failures.join('\n'), name).toMatch(expected);
      expect(checked.failures.every((f) => /not inert/.test(f)), name).toBe(true);
    }
  });
});
