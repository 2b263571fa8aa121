/**
 * The app's side of issue 11 through the API handlers: "Copy citation" in its
 * three styles (excerpts.cite), the live schedule page count
 * (bundle.schedulePages), and case-law metadata edited after import.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../src/api/handlers.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { initWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { apiCaller } from '../helpers/api.ts';
import { textPdf } from '../helpers/pdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-api-cite-'));
const printer = new ChromiumPrinter();
let ws: Workspace;
let handlers: Handlers;

const call = apiCaller(() => handlers);

beforeAll(async () => {
  await initWorkspace(join(dir, 'ws'));
  ws = await openWorkspace(join(dir, 'ws'));
  handlers = createHandlers({ ws, printer, emit: () => undefined, filesBaseUrl: 'http://127.0.0.1:1/files/', openFiles: async () => [], writeClipboard: async () => undefined, now: () => new Date('2026-11-21T10:00:00Z') });
  writeFileSync(join(dir, 'decision.pdf'), await textPdf([['[33] We heard the expert.', '[34] Hazaras face a real risk outside the enclaves.', '[35] Relocation to Karachi is considered.']]));
});
afterAll(async () => {
  await ws.close();
  await printer.close();
});

describe('citations through the API', () => {
  it('edits case-law metadata and copies the citation in each style, with the bundle page once built', async () => {
    const [imported] = await call('sources.import', { paths: [join(dir, 'decision.pdf')], metadata: { title: 'AK and SK (Asylum - Shia - Hazara) Pakistan', type: 'decision' } });
    const id = imported!.id;
    await call('sources.update', { id, patch: { neutralCitation: '[2014] UKUT 569 (IAC)', shortName: 'AK and SK (Pakistan)', cg: true } });
    const tag = (await call('tags.list', {}))[0]!;
    const excerpt = await call('excerpts.create', { sourceId: id, quote: 'real risk outside the enclaves', tags: [tag.id] });
    expect(excerpt.paragraph).toBe('[34]');
    expect((await call('excerpts.cite', { id: excerpt.id, style: 'oscola' })).text).toBe('AK and SK (Pakistan) CG [2014] UKUT 569 (IAC) [34]');
    const unbuilt = await call('excerpts.cite', { id: excerpt.id });
    expect(unbuilt.bundlePage).toBeUndefined();

    await call('cases.create', { slug: 'ak-case', title: 'AK v SSHD', hearing: '2026-12-14' });
    const { bundle } = await call('cases.get', { slug: 'ak-case' });
    bundle.sections[2]!.items.push({ kind: 'source', sourceId: id });
    await call('cases.saveBundle', { slug: 'ak-case', bundle });
    const length = await call('bundle.schedulePages', { slug: 'ak-case' });
    expect(length).toMatchObject({ pages: 1, limit: 12, excerpts: 1 });

    const report = await call('bundle.build', { slug: 'ak-case' });
    const page = report.excerpts.find((e) => e.id === excerpt.id)!.bundlePage;
    const both = await call('excerpts.cite', { id: excerpt.id, caseSlug: 'ak-case', style: 'both' });
    expect(both).toMatchObject({ bundlePage: page, sourcePage: 1, paragraph: '[34]' });
    expect(both.text).toBe(`AK and SK (Pakistan) CG [2014] UKUT 569 (IAC) [34] [AB/C/${page}]`);
  }, 180_000);
});
