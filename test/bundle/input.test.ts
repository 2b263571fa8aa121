/**
 * The loader reads a source's page text only when the build reads it
 * (bundle/input.ts, sourcesNeedingText); a source without excerpts is bundled
 * from its PDF alone. A full build through the real templates proves nothing
 * else reads the text it left on disk (reading it throws).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../src/bundle/index.ts';
import { loadBundleInput, type BundleWorkspace } from '../../src/bundle/input.ts';
import { GeneratedPart, type BundleDefinition, type CaseFile } from '../../src/model/index.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { caseFile, excerptIn, makeSource, TAGS } from './fixtures.ts';

describe('loadBundleInput', () => {
  const printer = new ChromiumPrinter();
  afterAll(() => printer.close());

  it('reads page text only for the sources the build reads it from, and the build needs no more', async () => {
    const quoted = await makeSource({ title: 'Country report', pages: [{ lines: ['Threats were traced to Karachi in 2024.'] }] });
    const plain = await makeSource({ title: 'Witness statement', pages: [{ lines: ['I left my home in March.'] }, { lines: ['Second page.'] }] });
    const sources = [quoted, plain];
    const definition: BundleDefinition = {
      schemaVersion: 1,
      pagination: 'continuous',
      sections: [
        { id: 'a', letter: 'A', title: 'Front', divider: false, items: GeneratedPart.options.map((part) => ({ kind: 'generated' as const, part })) },
        { id: 'b', letter: 'B', title: 'Evidence', divider: true, items: [{ kind: 'source', sourceId: quoted.meta.id }, { kind: 'source', sourceId: plain.meta.id }] },
      ],
    };
    const excerpt = excerptIn(quoted, 'traced to Karachi', TAGS[0]!.id);
    const read: string[] = [];
    const workspace = (c: CaseFile): BundleWorkspace => ({
      getCase: () => c,
      getBundle: () => definition,
      getSource: (id) => sources.find((s) => s.meta.id === id)!.meta,
      readDocumentPdf: (id) => sources.find((s) => s.meta.id === id)!.pdf,
      readText: (id) => {
        read.push(id);
        return sources.find((s) => s.meta.id === id)!.text;
      },
      listExcerpts: () => [excerpt],
      listTags: () => TAGS,
    });

    const open = caseFile({ appellant: { name: 'Ali Hussain Changezi', anonymise: false } });
    const input = await loadBundleInput(workspace(open), open.slug);
    expect(read).toEqual([quoted.meta.id]);
    expect(input.sources.get(quoted.meta.id)!.text[0]!.text).toContain('Karachi');
    expect(() => input.sources.get(plain.meta.id)!.text).toThrow(/did not load/);
    const result = await buildBundle(input, { printer });
    expect(result.report.excerpts.map((e) => e.id)).toEqual([excerpt.id]);
    expect(result.report.pages).toBeGreaterThanOrEqual(3);

    // An anonymised case looks for the appellant's name on every page: every text is read.
    read.length = 0;
    const anonymised = caseFile();
    await loadBundleInput(workspace(anonymised), anonymised.slug);
    expect(read.sort()).toEqual([quoted.meta.id, plain.meta.id].sort());
  });
});
