/**
 * Issue 2's "done when", end to end through the command line: a new user
 * initialises a workspace, imports a PDF, a text file and a web page, tags a
 * quote and searches; bad input is refused with a clear message and leaves
 * the workspace exactly as it was.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sanad } from '../helpers/cli.ts';
import { textPdf } from '../helpers/pdf.ts';
import { treeFingerprint } from '../helpers/tree.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-cli-'));
const ws = join(dir, 'ws');
const files = {
  report: join(dir, 'report.pdf'),
  article: join(dir, 'article.txt'),
  page: join(dir, 'page.html'),
  truncated: join(dir, 'truncated.pdf'),
  locked: join(dir, 'locked.pdf'),
};
let reportId = '';

beforeAll(async () => {
  const pdf = await textPdf(
    [
      ['Country report: Pakistan', 'Hazara in Quetta live in two enclaves.'],
      ['Several e-mailed threats were traced to Karachi,', 'hundreds of miles from Quetta.'],
    ],
    { title: 'Pakistan country report' },
  );
  writeFileSync(files.report, pdf);
  writeFileSync(files.truncated, pdf.slice(0, Math.floor(pdf.length * 0.55)));
  writeFileSync(files.article, 'Sectarian militants operate in every major city.\n\nAttacks on Shia in Karachi continued in 2024.\n');
  writeFileSync(
    files.page,
    '<html lang="en"><head><title>Checkpoints</title><meta property="article:published_time" content="2024-05-02"></head><body><nav>Home | About</nav><article><h1>Checkpoints around Hazara Town</h1><p>Residents of Hazara Town say the checkpoints do not stop attacks on the road to the city centre, and that travel outside the enclave remains dangerous.</p><p>Community leaders described the militants’ reach as nationwide.</p></article><footer>© Example</footer></body></html>',
  );
  execFileSync('qpdf', ['--encrypt', 'secret', 'owner', '256', '--', files.report, files.locked]);
});

describe('sanad command line (issue 2 acceptance)', () => {
  it('init creates a workspace', async () => {
    const r = await sanad(ws, 'init');
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(ws, 'workspace.json'), 'utf8')).kind).toBe('sanad-workspace');
  });

  it('imports a PDF, a text file and a web page, with --json giving id, title and pages', async () => {
    const r = await sanad(ws, 'import', files.report, files.article, files.page, '--json');
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const out = r.json<Array<{ id: string; title: string; pages: number }>>();
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ title: 'Pakistan country report', pages: 2 });
    expect(out[2]!.title).toMatch(/Checkpoints/);
    for (const s of out) expect(s.id).toMatch(/^s-[0-9a-f]{16}$/);
    reportId = out[0]!.id;
  });

  it('recognises the same file imported twice', async () => {
    const r = await sanad(ws, 'import', files.report, '--json');
    expect(r.code).toBe(0);
    expect(r.json<Array<{ id: string; duplicate: boolean }>>()[0]).toMatchObject({ id: reportId, duplicate: true });
  });

  it('tags a quote and reports its page', async () => {
    const r = await sanad(ws, 'tag', reportId, '--quote', 'traced to Karachi', '--tag', 'Karachi-traced threats', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.json<{ id: string; page: number }>();
    expect(out.page).toBe(2);
    expect(out.id).toMatch(/^e-[0-9a-f]{12}$/);
    const listed = await sanad(ws, 'excerpts', '--tag', 'Karachi-traced threats', '--json');
    expect(listed.json<Array<{ id: string }>>().map((e) => e.id)).toEqual([out.id]);
  });

  it('exits non-zero and shows the closest passage when the quote is not there', async () => {
    const r = await sanad(ws, 'tag', reportId, '--quote', 'threats were traced to Lahore city', '--tag', 'Threat patterns');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/not in "Pakistan country report"/);
    expect(r.stderr).toMatch(/closest passage is on page 2/);
  });

  it('says an empty quote is empty, rather than not found', async () => {
    for (const quote of ['', '   ']) {
      const r = await sanad(ws, 'tag', reportId, '--quote', quote, '--tag', 'Threat patterns');
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('sanad: The quote is empty: give the exact words of the passage in "Pakistan country report" to tag.\n');
    }
  });

  it('searches across every page of every source', async () => {
    const r = await sanad(ws, 'search', 'Karachi', '--json');
    expect(r.code).toBe(0);
    const hits = r.json<Array<{ sourceId: string; page: number; snippet: string }>>();
    expect(hits.some((h) => h.sourceId === reportId && h.page === 2 && /Karachi/.test(h.snippet))).toBe(true);
    expect(hits.length).toBeGreaterThanOrEqual(2);
    const human = await sanad(ws, 'search', 'Karachi');
    expect(human.stdout).toMatch(/p2/);
  });

  it('refuses a truncated PDF and a password-protected PDF, naming the file, workspace unchanged', async () => {
    const before = treeFingerprint(ws);
    const t = await sanad(ws, 'import', files.truncated);
    expect(t.code).not.toBe(0);
    expect(t.stderr).toContain('truncated.pdf');
    const l = await sanad(ws, 'import', files.locked);
    expect(l.code).not.toBe(0);
    expect(l.stderr).toContain('locked.pdf');
    expect(l.stderr).toMatch(/password/);
    expect(treeFingerprint(ws)).toEqual(before);
  });

  it('reports a hand-corrupted JSON file by name and does not overwrite it', async () => {
    const tags = join(ws, 'library', 'tags.json');
    const broken = readFileSync(tags, 'utf8').replace('"colour"', '"colour" "oops"');
    writeFileSync(tags, broken);
    const before = treeFingerprint(ws);
    const r = await sanad(ws, 'tag', reportId, '--quote', 'two enclaves', '--tag', 'Threat patterns');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('tags.json');
    expect(treeFingerprint(ws)).toEqual(before);
    expect(readFileSync(tags, 'utf8')).toBe(broken);
  });

  it('gives one clear sentence for bad options', async () => {
    const r = await sanad(ws, 'import', files.article, '--published', '21/11/2026');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--published expects a date as YYYY, YYYY-MM or YYYY-MM-DD/);
  });

  it('works as an installed binary (npx sanad)', () => {
    const out = execFileSync('npx', ['--no-install', 'sanad', '--workspace', ws, 'sources', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out).length).toBe(3);
  });
});
