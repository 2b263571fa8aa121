/**
 * Redactions follow a new edition like excerpts (re-anchored, reported, never
 * dropped), a redaction that cannot be placed stops the build, and a
 * redaction overlapping an excerpt is a build error naming both.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sanad } from '../helpers/cli.ts';
import { textPdf } from '../helpers/pdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-redact-ed-'));
const ws = join(dir, 'ws');
let id = '';

beforeAll(async () => {
  writeFileSync(join(dir, 'v1.pdf'), await textPdf([['Letter to Ghulam Abbas about the threats.', 'Sectarian militants operate in Karachi.'], ['Nothing on this page.']]));
  writeFileSync(join(dir, 'v2.pdf'), await textPdf([['A new first page.'], ['Letter to Ghulam Abbas about the threats.', 'Sectarian militants operate in Karachi.']]));
  writeFileSync(join(dir, 'v3.pdf'), await textPdf([['A third edition without the name.', 'Sectarian militants operate in Karachi.']]));
  expect((await sanad(ws, 'init')).code).toBe(0);
  expect((await sanad(ws, 'case', 'new', 'ga', '--title', 'GA v SSHD')).code).toBe(0);
  id = (await sanad(ws, 'import', join(dir, 'v1.pdf'), '--json')).json<Array<{ id: string }>>()[0]!.id;
  expect((await sanad(ws, 'case', 'add', 'ga', id)).code).toBe(0);
});

describe('redactions and editions', () => {
  it('re-anchors a text redaction to where the passage moved in the new edition', async () => {
    const r = await sanad(ws, 'redact', id, '--text', 'Ghulam Abbas', '--reason', 'third-party', '--json');
    expect(r.json<Array<{ page: number }>>()[0]!.page).toBe(1);
    const area = await sanad(ws, 'redact', id, '--page', '1', '--rect', '300,300,100,50', '--json');
    expect(area.code, area.stderr).toBe(0);
    const replaced = await sanad(ws, 'replace', id, join(dir, 'v2.pdf'), '--json');
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.json<{ redactionsOrphaned: string[]; redactionsToCheck: string[] }>()).toMatchObject({ redactionsOrphaned: [], redactionsToCheck: [area.json<Array<{ id: string }>>()[0]!.id] });
    const list = (await sanad(ws, 'redactions', id, '--json')).json<Array<{ kind: string; page: number; anchor: { status: string } }>>();
    expect(list.find((x) => x.kind === 'text')).toMatchObject({ page: 2, anchor: { status: 'exact' } });
  });

  it('reports a redaction it cannot place, keeps it, and refuses to build until it is fixed', async () => {
    const replaced = await sanad(ws, 'replace', id, join(dir, 'v3.pdf'), '--json');
    expect(replaced.code, replaced.stderr).toBe(0);
    const out = replaced.json<{ redactionsOrphaned: string[]; redactionsToCheck: string[] }>();
    // The name is gone: the text redaction is orphaned. The area stays on page 1, to be checked.
    expect(out.redactionsOrphaned).toHaveLength(1);
    expect(out.redactionsToCheck).toHaveLength(1);
    expect(replaced.stderr).toMatch(/Could not place redaction r-[0-9a-f]{12}/);
    const list = (await sanad(ws, 'redactions', id, '--json')).json<Array<{ id: string; anchor: { status: string } }>>();
    expect(list.map((x) => x.anchor.status).sort()).toEqual(['orphaned', 'position']);
    const shown = await sanad(ws, 'case', 'show', 'ga', '--json');
    expect(shown.json<{ warnings: Array<{ code: string }> }>().warnings.filter((w) => w.code === 'orphaned-redaction')).toHaveLength(1);
    const built = await sanad(ws, 'build', 'ga', '--out', join(dir, 'b.pdf'));
    expect(built.code).not.toBe(0);
    expect(built.stderr).toMatch(/Redaction r-[0-9a-f]{12} of ".*" could not be found in the current edition/);
    for (const x of list) expect((await sanad(ws, 'unredact', x.id)).code).toBe(0);
  });

  it('refuses to build when a redaction overlaps an excerpt, naming both', async () => {
    const tagged = await sanad(ws, 'tag', id, '--quote', 'Sectarian militants operate in Karachi', '--tag', 'Perpetrators', '--json');
    expect(tagged.code, tagged.stderr).toBe(0);
    const excerpt = tagged.json<{ id: string }>().id;
    const red = await sanad(ws, 'redact', id, '--text', 'militants', '--reason', 'irrelevant', '--json');
    const redaction = red.json<Array<{ id: string }>>()[0]!.id;
    const built = await sanad(ws, 'build', 'ga', '--out', join(dir, 'b.pdf'));
    expect(built.code).not.toBe(0);
    expect(built.stderr).toContain(`Redaction ${redaction} (Redacted: irrelevant) overlaps excerpt ${excerpt}`);
  });
});
