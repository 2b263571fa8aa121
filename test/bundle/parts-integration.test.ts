import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBundle, writeBundle } from '../../src/bundle/index.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { openPdf } from '../../src/pdf/pdfjs.ts';
import { caseFile, excerptIn, inputOf, makeSource } from './fixtures.ts';

const OUT = '/tmp/bundle/parts-test';

describe('a bundle with the shipped generated parts', () => {
  const printer = new ChromiumPrinter();
  afterAll(() => printer.close());

  it('builds cover, index, schedule, chronology, certificate and integrity list that verify, with warnings', async () => {
    mkdirSync(OUT, { recursive: true });
    const report = await makeSource({
      title: 'Pakistan: Hazara security',
      url: 'https://example.org/pakistan-hazara',
      published: '2021-01',
      pages: [{ lines: ['Hazara were targeted in Quetta in 2023.'] }, { lines: ['Threats followed families to Karachi.'] }],
    });
    const letter = await makeSource({ title: 'Threat letter (translation)', translationOf: report.meta.id, pages: [{ lines: ['You will be killed in Karachi.'] }] });
    const e1 = { ...excerptIn(report, 'Hazara were targeted in Quetta', 't-threat-patterns'), eventDate: '2023-05' };
    const e2 = { ...excerptIn(report, 'Threats followed families to Karachi.', 't-internal-relocation-risk'), eventDate: '2024' };
    const orphan = { ...excerptIn(letter, 'You will be killed', 't-threat-patterns'), anchor: { status: 'orphaned' as const, sha256: letter.meta.sha256 } };
    letter.meta.flags = ['no-text-layer'];
    const input = inputOf(
      [report, letter],
      {
        schemaVersion: 1,
        pagination: 'continuous',
        sections: [
          { id: 'a', letter: 'A', title: 'Index and schedule', divider: false, items: ['cover', 'index', 'schedule', 'chronology'].map((part) => ({ kind: 'generated' as const, part: part as 'cover' })) },
          { id: 'b', letter: 'B', title: 'Country evidence', divider: true, items: [{ kind: 'source', sourceId: report.meta.id }, { kind: 'source', sourceId: letter.meta.id }] },
          { id: 'c', letter: 'C', title: 'Integrity', divider: false, items: [{ kind: 'generated', part: 'integrity' }] },
        ],
      },
      [e1, e2, orphan],
      caseFile(),
    );
    const stages = new Set<string>();
    const result = await buildBundle(input, { printer, onProgress: (p) => stages.add(p.stage) });
    const [file] = await writeBundle(result, `${OUT}/bundle.pdf`);
    expect([...stages]).toEqual(expect.arrayContaining(['plan', 'assemble', 'verify']));
    const r = result.report;
    expect(r.parts.map((p) => p.kind)).toEqual(['cover', 'index', 'schedule', 'chronology', 'divider', 'translation-certificate', 'integrity']);
    // The translation certificate follows the translated document.
    const letterDoc = r.documents.find((d) => d.sourceId === letter.meta.id)!;
    expect(r.parts.find((p) => p.kind === 'translation-certificate')!.firstPage).toBe(letterDoc.lastPage + 1);
    expect(r.excerpts.map((e) => e.label)).toEqual(['E1', 'E2']);
    expect(r.warnings.join('\n')).toMatch(/published \d+ months before the hearing/);
    expect(r.warnings.join('\n')).toMatch(/could not be found .* left out/);
    expect(r.warnings.join('\n')).toMatch(/no text layer/);
    expect(() => execFileSync('qpdf', ['--check', file!])).not.toThrow();
    // The schedule links each excerpt to its bundle page and carries the source URL.
    const schedule = r.parts.find((p) => p.kind === 'schedule')!;
    const doc = await openPdf(result.volumes[0]!.bytes);
    const annots = (await (await doc.getPage(schedule.firstPage)).getAnnotations()) as Array<{ subtype: string; dest?: unknown[]; url?: string }>;
    const targets: number[] = [];
    for (const a of annots) if (a.subtype === 'Link' && a.dest) targets.push((await doc.getPageIndex(a.dest[0] as never)) + 1);
    expect(targets).toEqual(expect.arrayContaining(r.excerpts.map((e) => e.bundlePage)));
    expect(annots.some((a) => a.url === 'https://example.org/pakistan-hazara')).toBe(true);
    await doc.destroy();
    execFileSync('pdftoppm', ['-r', '40', '-png', file!, `${OUT}/p`]);
  });
});
