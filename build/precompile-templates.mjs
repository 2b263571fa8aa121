/**
 * Compiles the Handlebars templates ahead of time, for the command line's bundle
 * (build/bundle-cli.mjs writes the result to dist/cli/templates.cjs). Compiling
 * them at run time (lexing, parsing, generating and evaluating JavaScript) took
 * about 100 ms of the main thread before a build's first print, on the path to
 * it. Each entry keeps the SHA-256 of the source it was compiled from:
 * src/templates/render.ts uses an entry only while the template file still has
 * that content, and compiles the file itself otherwise (an edited template is
 * never shadowed by a stale compilation).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The options render.ts compiles with (Handlebars's defaults, spelled out). */
export const COMPILE_OPTIONS = { strict: false, noEscape: false };

export function sha256(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function hbsFiles(dir) {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.hbs'))
      .sort();
  } catch {
    return [];
  }
}

/**
 * A CommonJS module exporting `{ "<name>" | "partials/<name>": { sha256, spec } }` for every
 * template and partial under `templatesDir`, `spec` being Handlebars.precompile's output
 * (for Handlebars.template).
 */
export function precompiledModule(templatesDir, Handlebars) {
  const entries = [];
  const add = (key, file) => {
    const source = readFileSync(file, 'utf8');
    entries.push(`  ${JSON.stringify(key)}: { sha256: ${JSON.stringify(sha256(source))}, spec: ${Handlebars.precompile(source, COMPILE_OPTIONS)} }`);
  };
  for (const f of hbsFiles(templatesDir)) add(f.slice(0, -4), join(templatesDir, f));
  for (const f of hbsFiles(join(templatesDir, 'partials'))) add(`partials/${f.slice(0, -4)}`, join(templatesDir, 'partials', f));
  return [
    '// Written by build/precompile-templates.mjs (npm run build:cli): templates/ compiled ahead of time.',
    `// Handlebars ${Handlebars.VERSION}. Each entry is used only while its file still has this SHA-256.`,
    '"use strict";',
    `module.exports = {\n${entries.join(',\n')}\n};`,
    '',
  ].join('\n');
}
