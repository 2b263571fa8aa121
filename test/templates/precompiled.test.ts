/**
 * Templates compiled ahead of time (build/precompile-templates.mjs, written to
 * dist/cli/templates.cjs by `npm run build:cli`) render exactly what compiling
 * them at run time renders, and an entry is used only while its template file
 * still has the content it was compiled from.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderTemplate, usePrecompiledTemplates } from '../../src/templates/render.ts';
import { TEMPLATES_DIR } from '../../src/paths.ts';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { precompiledModule, sha256 } from '../../build/precompile-templates.mjs';

const Handlebars = createRequire(import.meta.url)('handlebars') as typeof import('handlebars');
const dir = mkdtempSync(join(tmpdir(), 'sanad-precompiled-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Data touching the fields the generated parts use (what a template does not use, it ignores). */
const data = {
  title: 'Threats traced to Karachi',
  body: 'Sent from an address in Karachi.',
  urdu: 'کراچی سے دھمکی',
  case: { title: 'A v Secretary of State', tribunal: 'First-tier Tribunal', reference: 'PA/01234/2026', appellant: 'A' },
  bundleTitle: 'Appellant’s bundle',
  date: '2026-12-03',
  sections: [{ letter: 'A', title: 'Country evidence', items: [{ tab: 'A1', title: 'CPIN Pakistan', date: '2026-03', pages: '1–25', page: 1, firstPage: 1, lastPage: 25 }] }],
  rows: [{ label: 'E1', issue: 'Internal relocation', quote: 'Karachi is not safe', page: '12' }],
  entries: [{ date: '2025-06', text: 'Threat letter received' }],
  documents: [{ title: 'CPIN Pakistan', sha256: 'ab'.repeat(32), pages: 25 }],
};

/** Every template (not the layout, which renderTemplate wraps around each) rendered with `data`. */
function renderAll(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(TEMPLATES_DIR).filter((n) => n.endsWith('.hbs') && n !== 'layout.hbs')) {
    const name = f.slice(0, -4);
    out[name] = renderTemplate(name, data, { paper: 'A4', title: name });
  }
  return out;
}

describe('templates compiled ahead of time', () => {
  it('render exactly what compiling them now renders, partials included', () => {
    const compiledNow = renderAll();
    const file = join(dir, 'templates.cjs');
    writeFileSync(file, precompiledModule(TEMPLATES_DIR, Handlebars));
    usePrecompiledTemplates(file);
    const ahead = renderAll();
    expect(Object.keys(ahead).length).toBeGreaterThan(10);
    expect(ahead).toEqual(compiledNow);
    // The module holds every template and partial.
    const module = createRequire(import.meta.url)(file) as Record<string, { sha256: string }>;
    expect(module.layout?.sha256).toBe(sha256(readFileSync(join(TEMPLATES_DIR, 'layout.hbs'), 'utf8')));
    expect(Object.keys(module).some((k) => k.startsWith('partials/'))).toBe(true);
  });

  it('are used while the file is unchanged, and never for a file that has changed since', () => {
    const smoke = readFileSync(join(TEMPLATES_DIR, 'smoke.hbs'), 'utf8');
    const marked = (hash: string) =>
      `module.exports = { smoke: { sha256: ${JSON.stringify(hash)}, spec: ${Handlebars.precompile('<p>COMPILED AHEAD {{title}}</p>')} } };\n`;
    // An entry whose hash is the file's: it is what renders (here a marked stand-in).
    writeFileSync(join(dir, 'same.cjs'), marked(sha256(smoke)));
    usePrecompiledTemplates(join(dir, 'same.cjs'));
    expect(renderTemplate('smoke', data, { paper: 'A4' })).toContain('COMPILED AHEAD Threats traced to Karachi');
    // An entry compiled from other content: the file itself is compiled and renders.
    writeFileSync(join(dir, 'stale.cjs'), marked(sha256(`${smoke}\n<!-- an older version -->`)));
    usePrecompiledTemplates(join(dir, 'stale.cjs'));
    const html = renderTemplate('smoke', data, { paper: 'A4' });
    expect(html).not.toContain('COMPILED AHEAD');
    expect(html).toContain('Threats traced to Karachi');
  });
});
