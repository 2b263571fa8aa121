/**
 * The `sanad` command runs the esbuild bundle in dist/cli/ (build/bundle-cli.mjs,
 * built by `npm ci` through `prepare`). Worker threads are started by file
 * name beside the module that starts them; in the bundle that is dist/cli/, so
 * every such name must be one of the bundle's entry points, or the worker
 * silently never starts (the work falls back to the main thread).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

it('holds, beside its main module, every worker file the core starts by name', () => {
  const started = new Set<string>();
  for (const file of sourceFiles(join(PACKAGE_ROOT, 'src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/'\.\/([\w-]+\.js)', import\.meta\.url/g)) started.add(m[1]!);
  }
  expect([...started].sort()).toEqual(['pdf-worker-thread.js', 'print-worker.js', 'text-worker.js', 'worker.js']);
  const bundle = join(PACKAGE_ROOT, 'dist', 'cli');
  expect(existsSync(join(bundle, 'main.js')), 'dist/cli/main.js is missing: run npm run build:cli').toBe(true);
  for (const name of started) expect(existsSync(join(bundle, name)), `dist/cli/${name}`).toBe(true);
  // The entry points are named in the bundling script itself.
  const script = readFileSync(join(PACKAGE_ROOT, 'build', 'bundle-cli.mjs'), 'utf8');
  for (const name of started) expect(script).toMatch(new RegExp(`['"]?${name.replace(/\.js$/, '').replace(/-/g, '\\-')}['"]?:`));
});
