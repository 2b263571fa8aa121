/**
 * What bin/sanad.js sets up for its own process, checked in fresh processes
 * (a caller of main() in-process, such as these tests, gets none of it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.ts';
import { prestartPlan, verbOf } from '../../src/cli/prestart.ts';

/** Runs `sanad --help` through bin/sanad.js in a fresh Node; returns the name of the DecompressionStream left behind. */
function decompressionStreamAfterRun(env: NodeJS.ProcessEnv): string {
  const bin = pathToFileURL(join(PACKAGE_ROOT, 'bin', 'sanad.js')).href;
  const probe = `
    process.argv = [process.execPath, 'sanad', '--help'];
    await import(${JSON.stringify(bin)});
    process.stdout.write('\\nDecompressionStream=' + globalThis.DecompressionStream?.name);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: PACKAGE_ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return /DecompressionStream=(\S*)$/.exec(out.trim())?.[1] ?? '';
}

it("gives the sanad process's pdfjs zlib's inflate instead of the web stream, bundled and from sources", () => {
  expect(decompressionStreamAfterRun({})).toBe('SyncInflateStream');
  expect(decompressionStreamAfterRun({ SANAD_FROM_SOURCE: '1' })).toBe('SyncInflateStream');
});

it('leaves an in-process caller of main() its own DecompressionStream', async () => {
  const before = globalThis.DecompressionStream;
  const { main } = await import('../../src/cli/main.ts');
  const chunks: string[] = [];
  const sink = { write: (s: string) => chunks.push(s) } as unknown as NodeJS.WritableStream;
  expect(await main(['node', 'sanad', '--help'], { stdout: sink, stderr: sink })).toBe(0);
  expect(globalThis.DecompressionStream).toBe(before);
});

describe('the threads started before the command line loads', () => {
  it('starts the printing thread for the verbs that print, after the global options, and not for their help', () => {
    expect(verbOf(['--workspace', 'build', 'import', 'x.pdf'])).toBe('import');
    expect(verbOf(['--json', '--workspace', '/w', 'build', 'case-a'])).toBe('build');
    expect(verbOf(['--help'])).toBeUndefined();
    expect(prestartPlan(['build', 'case-a'])).toBe('printer');
    expect(prestartPlan(['--workspace', 'demo', 'demo'])).toBe('printer');
    expect(prestartPlan(['build', 'case-a', '--help'])).toBeUndefined();
    expect(prestartPlan(['search', 'build'])).toBeUndefined();
  });

  it('starts the PDF parsing worker for an import that names a PDF, and not for other files or its help', () => {
    expect(prestartPlan(['import', 'a.pdf'])).toBe('pdf-worker');
    expect(prestartPlan(['--workspace', 'import', 'import', 'notes.docx', 'REPORT.PDF', '--ocr', 'never'])).toBe('pdf-worker');
    expect(prestartPlan(['import', 'photo.jpg', 'notes.docx'])).toBeUndefined();
    expect(prestartPlan(['import', 'a.pdf', '--help'])).toBeUndefined();
    // Only the import verb's own arguments count: a workspace folder named like a PDF is not a file to parse.
    expect(prestartPlan(['--workspace', 'cases.pdf', 'import', 'photo.jpg'])).toBeUndefined();
    expect(prestartPlan(['search', 'report.pdf'])).toBeUndefined();
  });

  it('does not keep a command that ends before printing from ending', () => {
    const ws = mkdtempSync(join(tmpdir(), 'sanad-prestart-'));
    try {
      const bin = join(PACKAGE_ROOT, 'bin', 'sanad.js');
      execFileSync(process.execPath, [bin, '--workspace', ws, 'init'], { encoding: 'utf8' });
      // A usage error ends the command before it takes the printer; a missing case, after.
      // The same for an import whose PDF parsing worker was started before it found no such file.
      for (const args of [['build'], ['build', 'no-such-case'], ['demo', '--no-such-option'], ['import', join(ws, 'missing.pdf')]]) {
        const run = spawnSync(process.execPath, [bin, '--workspace', ws, ...args], { encoding: 'utf8', timeout: 30_000 });
        expect(run.error, args.join(' ')).toBeUndefined();
        expect(run.status, args.join(' ')).not.toBe(0);
        expect(run.stderr, args.join(' ')).toMatch(/missing required argument|No case "no-such-case"|unknown option|missing\.pdf/);
      }
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
