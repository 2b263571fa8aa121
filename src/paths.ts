/**
 * Where Sanad's own files live (templates, fonts, pdfjs data), resolved from
 * this module so the CLI, tests and the packaged app agree.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/**
 * The package root (the folder holding package.json and templates/): the
 * nearest folder above this module's that holds templates/ — the parent of
 * src/, of dist/src/ (tsc's output), of dist/cli/ (the CLI bundle) or of
 * dist-electron/src/ (the app).
 */
function packageRoot(): string {
  for (let dir = resolve(here, '..'), up = 0; up < 3; dir = dirname(dir), up++) {
    if (existsSync(join(dir, 'templates'))) return dir;
  }
  return resolve(here, '..');
}

export const PACKAGE_ROOT = process.env.SANAD_PACKAGE_ROOT ?? packageRoot();

export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');

/** Folder of an installed npm package (works with hoisting and inside an asar). */
export function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}
