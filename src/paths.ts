/**
 * Where Sanad's own files live (templates, fonts, pdfjs data), resolved from
 * this module so the CLI, tests and the packaged app agree.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/**
 * The package root (the folder holding package.json and templates/): the
 * parent of src/, or, when compiled to dist/src/ (CLI) or dist-electron/src/
 * (app), the parent of that output folder.
 */
function packageRoot(): string {
  const parent = resolve(here, '..');
  if (existsSync(join(parent, 'templates'))) return parent;
  if (basename(here) === 'src' && existsSync(join(parent, '..', 'templates'))) return resolve(parent, '..');
  return parent;
}

export const PACKAGE_ROOT = process.env.SANAD_PACKAGE_ROOT ?? packageRoot();

export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');

/** Folder of an installed npm package (works with hoisting and inside an asar). */
export function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}
