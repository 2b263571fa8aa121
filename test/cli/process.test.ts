/**
 * What bin/sanad.js sets up for its own process, checked in fresh processes
 * (a caller of main() in-process, such as these tests, gets none of it).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.ts';

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
