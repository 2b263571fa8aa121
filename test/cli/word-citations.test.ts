/**
 * Issue 11 with Word files (the formats issue's .docx import): a witness
 * statement's own numbering (1., 2., (a), (b), written by the `docx` package)
 * gives its excerpts their paragraphs, and a skeleton argument written in
 * Word becomes a linked part of section A.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { BuildReport } from '../../src/bundle/report.ts';
import { openPdf } from '../../src/pdf/pdfjs.ts';
import { sanad } from '../helpers/cli.ts';
import { witnessStatementDocx } from '../ingest/formats/docx-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-word-cite-'));
const ws = join(dir, 'ws');

async function ok(...args: string[]) {
  const r = await sanad(ws, ...args);
  if (r.code !== 0) throw new Error(`sanad ${args.join(' ')} failed: ${r.stderr}`);
  return r;
}

let statement = '';

beforeAll(async () => {
  writeFileSync(join(dir, 'statement.docx'), await witnessStatementDocx());
  await ok('init');
  await ok('case', 'new', 'ab', '--title', 'AB v SSHD', '--hearing', '2026-12-14');
  statement = (await ok('import', join(dir, 'statement.docx'), '--case', 'ab', '--json')).json<Array<{ id: string }>>()[0]!.id;
}, 180_000);

describe('citations with Word files', () => {
  it("takes a statement's paragraph numbers from Word's own numbering", async () => {
    const school = (await ok('tag', statement, '--quote', 'the second threat named my school', '--tag', 'Credibility', '--json')).json<{ paragraph?: string }>();
    expect(school.paragraph).toBe('2(b)');
    const lahore = (await ok('tag', statement, '--quote', 'I cannot relocate to Lahore', '--tag', 'Internal relocation risk', '--json')).json<{ paragraph?: string }>();
    expect(lahore.paragraph).toBe('3');
  });

  it('links a Word skeleton argument into section A', async () => {
    await ok('case', 'add', 'ab', statement, '--section', 'B');
    await ok('build', 'ab');
    const first = BuildReport.parse(JSON.parse(readFileSync(join(ws, 'cases', 'ab', 'bundles', 'ab-bundle.report.json'), 'utf8')));
    const e1 = first.excerpts.find((e) => e.label === 'E1')!;
    const skeleton = new Document({
      sections: [{ children: [new Paragraph('Skeleton argument for the appellant'), new Paragraph(`1. The appellant could not relocate: see E1 and [AB/B/${first.pageLabels[e1.bundlePage - 1]}].`)] }],
    });
    writeFileSync(join(dir, 'skeleton.docx'), new Uint8Array(await Packer.toBuffer(skeleton)));
    const sk = (await ok('import', join(dir, 'skeleton.docx'), '--case', 'ab', '--title', 'Skeleton argument', '--json')).json<Array<{ id: string }>>()[0]!.id;
    await ok('case', 'add', 'ab', sk, '--skeleton');
    await ok('build', 'ab');
    const report = BuildReport.parse(JSON.parse(readFileSync(join(ws, 'cases', 'ab', 'bundles', 'ab-bundle.report.json'), 'utf8')));
    const doc = report.documents.find((d) => d.sourceId === sk)!;
    expect(doc.section).toBe('A');
    const moved = report.excerpts.find((e) => e.id === e1.id)!;
    expect(report.skeleton!.map((r) => [r.text, r.target])).toEqual([
      ['E1', moved.bundlePage],
      [`[AB/B/${first.pageLabels[e1.bundlePage - 1]}]`, moved.bundlePage],
    ]);
    const pdf = await openPdf(new Uint8Array(readFileSync(join(ws, 'cases', 'ab', 'bundles', 'ab-bundle.pdf'))));
    try {
      const annots = (await (await pdf.getPage(doc.firstPage)).getAnnotations()) as Array<{ subtype: string; dest?: unknown[] }>;
      const targets = await Promise.all(annots.filter((a) => a.subtype === 'Link' && Array.isArray(a.dest)).map(async (a) => (await pdf.getPageIndex(a.dest![0] as never)) + 1));
      expect(targets).toEqual([moved.bundlePage, moved.bundlePage]);
    } finally {
      await pdf.destroy();
    }
  }, 240_000);
});
