/**
 * The generated parts' lengths at a case's last build are its next build's
 * first guess, wherever the bundle was written: a rebuild to a folder outside
 * the workspace prints its parts once, with the very same bytes. The record
 * is only a guess: damaged or stale, it costs a print, never the result, and
 * a read-only opening never writes it (a rebuild of the same file then takes
 * the report beside it).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import type { Printer } from '../../src/print/printer.ts';
import { openWorkspace, type Workspace } from '../../src/store/index.ts';
import { partLengthsPath } from '../../src/ops/part-lengths.ts';
import { addSourcesToCase, buildCase, freshWorkspace, importOne, newCase, pageCount, qpdfClean, tag, writePlainSource } from '../integration/fixtures.ts';

const root = mkdtempSync(join(tmpdir(), 'sanad-part-lengths-'));
const printer = new ChromiumPrinter();
let ws: Workspace;
const wsDir = join(root, 'workspace');

function counting(): Printer & { calls: number } {
  const c = {
    calls: 0,
    printHtml: (...args: Parameters<Printer['printHtml']>) => {
      c.calls++;
      return printer.printHtml(...args);
    },
    close: async () => undefined,
  };
  return c;
}

beforeAll(async () => {
  ws = await freshWorkspace(wsDir);
  await newCase(ws, { slug: 'ah-2026' });
  const ids: string[] = [];
  for (const [k, title] of ['Pakistan: Security situation', 'Pakistan: Religious minorities'].entries()) {
    const file = await writePlainSource(join(root, `source-${k}.pdf`), title, 6, (n) => `Paragraph ${n}: threats were traced to Karachi in ${title}.`);
    const { id } = await importOne(ws, printer, file);
    await tag(ws, id, `Paragraph 2: threats were traced to Karachi in ${title}.`, ['Karachi-traced threats']);
    ids.push(id);
  }
  await addSourcesToCase(ws, 'ah-2026', ids);
}, 180_000);

afterAll(async () => {
  await ws?.close();
  await printer.close();
  rmSync(root, { recursive: true, force: true });
});

describe("a case's part lengths", () => {
  it('let a rebuild outside the workspace print its parts once, with the same bytes', async () => {
    const first = counting();
    const a = await buildCase(ws, 'ah-2026', { printer: first, out: join(root, 'out-a', 'bundle.pdf') });
    // A first build measures, then prints with the right numbers.
    expect(first.calls).toBe(2);
    const recorded = JSON.parse(readFileSync(partLengthsPath(wsDir, 'ah-2026'), 'utf8'));
    expect(recorded.parts).toEqual(a.report.parts.map((p) => ({ kind: p.kind, title: p.title, pages: p.lastPage - p.firstPage + 1 })));
    expect(recorded.parts.length).toBeGreaterThan(2);

    const second = counting();
    const b = await buildCase(ws, 'ah-2026', { printer: second, out: join(root, 'out-b', 'bundle.pdf') });
    expect(second.calls).toBe(1);
    expect(readFileSync(b.files[0]!).equals(readFileSync(a.files[0]!))).toBe(true);
    expect(qpdfClean(b.files[0]!)).toBe(true);
    expect(pageCount(b.files[0]!)).toBe(a.report.pages);
  }, 180_000);

  it('cost one print, never the result, when damaged or wrong; a read-only opening leaves them alone and reads the report beside the file', async () => {
    const file = partLengthsPath(wsDir, 'ah-2026');
    const good = readFileSync(file, 'utf8');
    const reference = readFileSync(join(root, 'out-a', 'bundle.pdf'));

    writeFileSync(file, '{ "schemaVersion": 1, "parts": [ { "kind": "index"');
    const damaged = counting();
    const c = await buildCase(ws, 'ah-2026', { printer: damaged, out: join(root, 'out-c', 'bundle.pdf') });
    expect(damaged.calls).toBe(2);
    expect(readFileSync(c.files[0]!).equals(reference)).toBe(true);
    // Written again by that build.
    expect(readFileSync(file, 'utf8')).toBe(good);

    const parsed = JSON.parse(good);
    writeFileSync(file, JSON.stringify({ ...parsed, parts: parsed.parts.map((p: { pages: number }) => ({ ...p, pages: p.pages + 2 })) }));
    const wrong = counting();
    const d = await buildCase(ws, 'ah-2026', { printer: wrong, out: join(root, 'out-d', 'bundle.pdf') });
    expect(wrong.calls).toBe(2);
    expect(readFileSync(d.files[0]!).equals(reference)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(good);

    writeFileSync(file, 'not json');
    await ws.close();
    const readOnly = await openWorkspace(wsDir, { readOnly: true });
    try {
      const fresh = counting();
      const e = await buildCase(readOnly, 'ah-2026', { printer: fresh, out: join(root, 'out-e', 'bundle.pdf') });
      expect(fresh.calls).toBe(2);
      expect(readFileSync(e.files[0]!).equals(reference)).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe('not json');
      // Rebuilding the same file: the report beside it is the guess.
      const again = counting();
      const f = await buildCase(readOnly, 'ah-2026', { printer: again, out: join(root, 'out-e', 'bundle.pdf') });
      expect(again.calls).toBe(1);
      expect(readFileSync(f.files[0]!).equals(reference)).toBe(true);
    } finally {
      await readOnly.close();
      ws = await openWorkspace(wsDir);
    }
  }, 180_000);
});
