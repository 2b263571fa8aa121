import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFNumber, StandardFonts } from '@cantoo/pdf-lib';

describe('sanad import of a PDF pdf-lib complains about', () => {
  it('prints the result, not pdf-lib’s parser warnings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sanad-noise-'));
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.addPage([595, 842]).drawText('A report with an oversized number inside.', { x: 72, y: 760, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
    doc.catalog.set(PDFName.of('Oversized'), PDFNumber.of(1e20));
    const file = join(dir, 'noisy.pdf');
    writeFileSync(file, await doc.save({ useObjectStreams: false }));
    expect(execFileSync('grep', ['-c', '100000000000000000000', file], { encoding: 'utf8' }).trim()).toBe('1');
    const ws = join(dir, 'ws');
    const run = (...args: string[]) => spawnSync(process.execPath, ['bin/sanad.js', '--workspace', ws, ...args], { encoding: 'utf8', timeout: 120_000 });
    expect(run('init').status).toBe(0);
    const imported = run('import', file);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout + imported.stderr).not.toMatch(/Parsed number|too large for some PDF readers|Trying to parse invalid object/);
    expect(imported.stdout + imported.stderr).toMatch(/noisy\.pdf/);
  }, 180_000);
});
