/**
 * pdfjs's legacy build replaces Array.prototype.push and JSON.parse/stringify
 * with slow core-js polyfills for the whole process (and core-js makes them
 * print as "[native code]", so only identity tells); src/pdf/pdfjs.ts keeps
 * Node's own and puts them back. Checked in a fresh process, from the sources
 * and in the CLI's bundle, where esbuild once hoisted the pdfjs import above
 * the code that kept them: the whole CLI then ran on the polyfills.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.ts';

/** Imports `module` in a fresh Node and answers whether the three built-ins are still Node's own. */
function nativesAfterImport(module: string, nodeArgs: string[] = []): boolean[] {
  const probe = `
    const kept = [Array.prototype.push, JSON.parse, JSON.stringify];
    const m = await import(${JSON.stringify(pathToFileURL(module).href)});
    if (m.pdfjs && typeof m.pdfjs.getDocument !== 'function') throw new Error('pdfjs did not load');
    process.stdout.write(JSON.stringify([Array.prototype.push, JSON.parse, JSON.stringify].map((f, i) => f === kept[i])));`;
  return JSON.parse(execFileSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', probe], { cwd: PACKAGE_ROOT, encoding: 'utf8' })) as boolean[];
}

it('puts back the built-ins pdfjs replaces, once pdfjs and its worker are loaded', () => {
  expect(nativesAfterImport(join(PACKAGE_ROOT, 'src', 'pdf', 'pdfjs.ts'), ['--import', 'tsx'])).toEqual([true, true, true]);
});

it('does so in the bundled command line too', () => {
  const dir = join(PACKAGE_ROOT, 'dist', 'cli');
  const chunks = readdirSync(dir).filter((f) => f.endsWith('.js') && readFileSync(join(dir, f), 'utf8').includes('pdfjs-dist/legacy/build/pdf.mjs'));
  expect(chunks.length, 'no chunk of dist/cli loads pdfjs: run npm run build:cli').toBeGreaterThan(0);
  for (const chunk of chunks) expect(nativesAfterImport(join(dir, chunk)), `dist/cli/${chunk}`).toEqual([true, true, true]);
});
