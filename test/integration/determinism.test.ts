/**
 * Same inputs, same bundle: two fresh workspaces in different folders import
 * the same files, tag the same passages and build the same case through the
 * ops verbs; the PDFs are byte-identical, and neither the PDF (streams
 * inflated) nor the report names the machine's folders or user.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import {
  QUOTES, addSourcesToCase, buildCase, freshWorkspace, importOne, newCase, tag, uncompressed, writeAwkwardSources,
} from './fixtures.ts';

const root = mkdtempSync(join(tmpdir(), 'sanad-determinism-'));
const printer = new ChromiumPrinter();
const built: Array<{ dir: string; file: string; report: string }> = [];

async function buildIn(dir: string, inputs: Record<keyof typeof QUOTES, string>): Promise<void> {
  const ws = await freshWorkspace(join(dir, 'workspace'));
  try {
    await newCase(ws, { slug: 'ah-2026' });
    const ids: string[] = [];
    for (const key of Object.keys(QUOTES) as Array<keyof typeof QUOTES>) {
      // Each workspace imports its own copy, from its own folder.
      const local = join(dir, 'inbox', `${key}.pdf`);
      mkdirSync(join(dir, 'inbox'), { recursive: true });
      copyFileSync(inputs[key], local);
      const { id } = await importOne(ws, printer, local, key === 'form' ? 'ah-2026' : undefined);
      await tag(ws, id, QUOTES[key], ['Karachi-traced threats'], { eventDate: '2024-05-02' });
      ids.push(id);
    }
    await addSourcesToCase(ws, 'ah-2026', ids);
    const r = await buildCase(ws, 'ah-2026', { printer });
    built.push({ dir, file: r.files[0]!, report: r.files[0]!.replace(/\.pdf$/, '.report.json') });
  } finally {
    await ws.close();
  }
}

beforeAll(async () => {
  const inputs = await writeAwkwardSources(join(root, 'sources'));
  await buildIn(join(root, 'first machine'), inputs);
  await buildIn(join(root, 'second-machine'), inputs);
}, 180_000);

afterAll(async () => {
  await printer.close();
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('a bundle built twice from the same inputs', () => {
  it('is byte-identical, and so is its report', () => {
    expect(built).toHaveLength(2);
    expect(sha(built[0]!.file)).toBe(sha(built[1]!.file));
    expect(readFileSync(built[0]!.report, 'utf8')).toBe(readFileSync(built[1]!.report, 'utf8'));
  });

  it('names no folder of the machine and no user, in the PDF bytes or the report', () => {
    const user = userInfo().username;
    for (const b of built) {
      const texts = [uncompressed(b.file), readFileSync(b.file).toString('latin1'), readFileSync(b.report, 'utf8')];
      for (const t of texts) {
        expect(t).not.toContain(root);
        expect(t).not.toContain(tmpdir());
        expect(t).not.toContain('machine');
        expect(t).not.toContain('inbox');
        expect(t).not.toContain('workspace');
        // "root" also spells the PDF catalog's /Root: only a user name that is not that word can be searched for.
        if (user.length >= 4 && user !== 'root') expect(t).not.toContain(user);
        expect(t).not.toMatch(/\/home\/|\/Users\/|C:\\\\/);
      }
      // With a user called root, the word appears only as the catalog key.
      if (user === 'root') expect(uncompressed(b.file).replace(/\/Root\b/g, '')).not.toMatch(/\broot\b/);
    }
  });
});
