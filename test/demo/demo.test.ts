/**
 * Issue 3's "done when" on the demo case: `sanad demo` builds a bundle that
 * `sanad verify` passes, and independent tools agree: qpdf finds no errors,
 * pdfinfo gives the report's page count, and pdftotext finds every excerpt's
 * quote on the page the report gives.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BuildReport } from '../../src/bundle/report.ts';
import { sanad } from '../helpers/cli.ts';

const out = mkdtempSync(join(tmpdir(), 'sanad-demo-'));
let bundle = '';
let report: BuildReport;

const flat = (s: string) => s.normalize('NFKC').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  const r = await sanad(join(out, 'unused'), 'demo', '--out', out, '--json');
  expect(r.stderr).not.toMatch(/sanad: /);
  expect(r.code).toBe(0);
  bundle = r.json<{ bundle: string }>().bundle;
  report = BuildReport.parse(JSON.parse(readFileSync(bundle.replace(/\.pdf$/, '.report.json'), 'utf8')));
}, 180_000);

describe('the demo bundle', () => {
  it('passes sanad verify', async () => {
    const r = await sanad(join(out, 'unused'), 'verify', bundle);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('is a clean PDF whose page count pdfinfo agrees with', () => {
    expect(execFileSync('qpdf', ['--check', bundle], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    const info = execFileSync('pdfinfo', [bundle], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(report.pages);
    expect(report.volumes).toEqual([expect.objectContaining({ firstPage: 1, lastPage: report.pages })]);
  });

  it('has every excerpt quote on its bundle page, by pdftotext', () => {
    expect(report.excerpts.length).toBeGreaterThanOrEqual(15);
    for (const e of report.excerpts) {
      const text = execFileSync('pdftotext', ['-f', String(e.bundlePage), '-l', String(e.bundlePage), '-layout', bundle, '-'], { encoding: 'utf8' });
      const raw = execFileSync('pdftotext', ['-f', String(e.bundlePage), '-l', String(e.bundlePage), bundle, '-'], { encoding: 'utf8' });
      // Margin labels (E1…) sit beside the text and pdftotext reads them in between its lines.
      const unlabelled = raw.replace(/(^|\s)E\d+[ \t]*$/gm, '');
      const found = flat(unlabelled).includes(flat(e.quote)) || flat(text).includes(flat(e.quote));
      expect(found, `${e.label} "${e.quote}" on page ${e.bundlePage}`).toBe(true);
      expect(raw).toContain(e.label);
    }
  });

  it('stamps every page with its number, bottom right', () => {
    for (let p = 1; p <= report.pages; p++) {
      const bbox = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-bbox', bundle, '-'], { encoding: 'utf8' });
      const size = /<page width="([\d.]+)" height="([\d.]+)"/.exec(bbox)!;
      const [w, h] = [Number(size[1]), Number(size[2])];
      const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)];
      const stamp = words.find((m) => m[3] === String(p) && Number(m[1]) > w * 0.75 && Number(m[2]) > h * 0.9);
      expect(stamp, `page ${p} stamp`).toBeDefined();
    }
  });

  it('groups the schedule by disputed issue and lists the documents in the index', () => {
    const front = execFileSync('pdftotext', ['-f', '1', '-l', '12', bundle, '-'], { encoding: 'utf8' });
    const issues = ['Threat patterns', 'Internal relocation risk', 'Karachi-traced threats'].map((i) => front.indexOf(`Issue`) >= 0 && front.indexOf(i));
    expect(issues.every((i) => typeof i === 'number' && i >= 0)).toBe(true);
    expect(front).toContain('Country information evidence schedule');
    expect(front).toContain('Index');
    for (const d of report.documents) expect(flat(front)).toContain(flat(d.title).slice(0, 30));
    // Anonymised: no generated page names the appellant, only initials (the client's own
    // documents, such as the threat e-mail, are evidence and stay as they are).
    const generated = report.parts.map((p) => execFileSync('pdftotext', ['-f', String(p.firstPage), '-l', String(p.lastPage), bundle, '-'], { encoding: 'utf8' })).join('\n');
    expect(generated).not.toMatch(/Ali|Bakhsh/);
    expect(generated).toContain('A.B.H.');
  });
});
