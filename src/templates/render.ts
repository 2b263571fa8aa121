/**
 * Renders the Handlebars templates in templates/ into self-contained HTML:
 * the shipped Noto fonts are inlined as data URIs so printed pages never
 * depend on the fonts of the machine, and no request leaves the page.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { formatPartialDate, isPartialDate } from '../model/dates.ts';
import { TEMPLATES_DIR, packageDir } from '../paths.ts';
import type { Paper } from '../print/printer.ts';

const FONT_FACES: Array<{ pkg: string; file: string; family: string; weight: number; style: string; range: string }> = [
  { pkg: '@fontsource/noto-sans', file: 'noto-sans-latin-400-normal.woff2', family: 'Noto Sans', weight: 400, style: 'normal', range: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD' },
  { pkg: '@fontsource/noto-sans', file: 'noto-sans-latin-700-normal.woff2', family: 'Noto Sans', weight: 700, style: 'normal', range: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD' },
  { pkg: '@fontsource/noto-sans', file: 'noto-sans-latin-400-italic.woff2', family: 'Noto Sans', weight: 400, style: 'italic', range: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD' },
  { pkg: '@fontsource/noto-sans', file: 'noto-sans-latin-ext-400-normal.woff2', family: 'Noto Sans', weight: 400, style: 'normal', range: 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF' },
  { pkg: '@fontsource/noto-sans', file: 'noto-sans-latin-ext-700-normal.woff2', family: 'Noto Sans', weight: 700, style: 'normal', range: 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF' },
  { pkg: '@fontsource/noto-naskh-arabic', file: 'noto-naskh-arabic-arabic-400-normal.woff2', family: 'Noto Naskh Arabic', weight: 400, style: 'normal', range: 'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC,U+102E0-102FB,U+10E60-10E7E,U+10EC2-10EC4,U+10EFC-10EFF,U+1EE00-1EEFF' },
  { pkg: '@fontsource/noto-naskh-arabic', file: 'noto-naskh-arabic-arabic-700-normal.woff2', family: 'Noto Naskh Arabic', weight: 700, style: 'normal', range: 'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC,U+102E0-102FB,U+10E60-10E7E,U+10EC2-10EC4,U+10EFC-10EFF,U+1EE00-1EEFF' },
];

/** A pattern matching any character of a CSS unicode-range ("U+0600-06FF,U+0131"). */
function patternOf(range: string): RegExp {
  const escape = (hex: string) => `\\u{${hex}}`;
  const parts = range.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    return hi ? `${escape(lo!)}-${escape(hi)}` : escape(lo!);
  });
  return new RegExp(`[${parts.join('')}]`, 'u');
}

interface InlinedFace {
  rule: string;
  covers: RegExp;
}

let faces: InlinedFace[] | undefined;

/** The @font-face rules of the shipped fonts, inlined, in a fixed order. */
export function inlinedFontFaces(): string[] {
  return loadFaces().map((f) => f.rule);
}

function loadFaces(): InlinedFace[] {
  faces ??= FONT_FACES.map((f) => {
    const data = readFileSync(join(packageDir(f.pkg), 'files', f.file)).toString('base64');
    return {
      rule: `@font-face{font-family:'${f.family}';font-style:${f.style};font-weight:${f.weight};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${f.range};}`,
      covers: patternOf(f.range),
    };
  });
  return faces;
}

/**
 * The @font-face rules a document needs: each face whose unicode-range holds a character of
 * `text`. Chromium would load no other face anyway (that is what unicode-range is for), but it
 * still has to receive and parse them: the Arabic and Latin Extended faces are four fifths of the
 * inlined fonts, and most documents use neither. Always at least the first face (basic Latin).
 */
export function inlineFontsCss(text?: string): string {
  const all = loadFaces();
  // A named character reference beyond the basic ones could stand for any character: every face then.
  if (text === undefined || /&(?!(?:amp|lt|gt|quot|apos|nbsp|#\d+|#x[0-9a-f]+);)[a-z][a-z0-9]*;/i.test(text)) return all.map((f) => f.rule).join('\n');
  // Characters written as numeric references count as the characters they stand for.
  let referenced = '';
  for (const m of text.matchAll(/&#(x[0-9a-f]+|\d+);/gi)) {
    const code = /^x/i.test(m[1]!) ? parseInt(m[1]!.slice(1), 16) : Number(m[1]);
    if (code <= 0x10ffff) referenced += String.fromCodePoint(code);
  }
  // CSS may change the case of what it shows (the cover's title is upper case): those forms count too.
  const shown = [text, referenced, text.toUpperCase(), text.toLowerCase()];
  const needed = all.filter((f, i) => i === 0 || shown.some((t) => f.covers.test(t)));
  return needed.map((f) => f.rule).join('\n');
}

const hb = Handlebars.create();
hb.registerHelper('date', (value: unknown) =>
  typeof value === 'string' && isPartialDate(value) ? formatPartialDate(value) : (value ?? ''),
);
hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
hb.registerHelper('inc', (n: unknown) => Number(n) + 1);
hb.registerHelper('join', (list: unknown, sep: unknown) =>
  Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : '',
);

const compiled = new Map<string, HandlebarsTemplateDelegate>();
let partialsLoaded = false;

/** A template compiled ahead of time (build/precompile-templates.mjs): its source's SHA-256 and Handlebars's spec. */
interface Precompiled {
  sha256: string;
  spec: TemplateSpecification;
}
type TemplateSpecification = Parameters<typeof hb.template>[0];

let precompiled: Record<string, Precompiled> | undefined;

/**
 * Uses the templates compiled ahead in `file` (a module written by build/precompile-templates.mjs)
 * from now on, each only while its template file has the content it was compiled from. The
 * command line's bundle loads its own (dist/cli/templates.cjs) at start; from the sources,
 * templates are compiled as they are first used.
 */
export function usePrecompiledTemplates(file: string): void {
  precompiled = createRequire(import.meta.url)(file) as Record<string, Precompiled>;
  compiled.clear();
  partialsLoaded = false;
}

const bundled = fileURLToPath(new URL('./templates.cjs', import.meta.url));
if (existsSync(bundled)) usePrecompiledTemplates(bundled);

/** `source` compiled: from the precompiled entry `key` when its source is this one, else by Handlebars now. */
function compile(key: string, source: string): HandlebarsTemplateDelegate {
  const ahead = precompiled?.[key];
  if (ahead && ahead.sha256 === createHash('sha256').update(source, 'utf8').digest('hex')) {
    try {
      return hb.template(ahead.spec);
    } catch {
      // Compiled by another Handlebars than this one (it checks): compiled here instead.
    }
  }
  return hb.compile(source, { strict: false, noEscape: false });
}

function loadPartials(): void {
  if (partialsLoaded) return;
  const dir = join(TEMPLATES_DIR, 'partials');
  for (const file of safeList(dir)) {
    if (file.endsWith('.hbs')) hb.registerPartial(file.slice(0, -4), compile(`partials/${file.slice(0, -4)}`, readFileSync(join(dir, file), 'utf8')));
  }
  partialsLoaded = true;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function template(name: string): HandlebarsTemplateDelegate {
  loadPartials();
  let t = compiled.get(name);
  if (!t) {
    t = compile(name, readFileSync(join(TEMPLATES_DIR, `${name}.hbs`), 'utf8'));
    compiled.set(name, t);
  }
  return t;
}

export interface RenderOptions {
  paper: Paper;
  landscape?: boolean;
  /** Document title for the HTML <title> (not printed). */
  title?: string;
  /** Text direction of the body; Arabic-script documents use "rtl". */
  dir?: 'ltr' | 'rtl';
}

/**
 * Renders templates/<name>.hbs with `data` inside templates/layout.hbs and
 * returns a self-contained HTML document ready for a Printer.
 */
export function renderTemplate(name: string, data: object, options: RenderOptions): string {
  // Typographic ligatures (ﬁ, ﬂ…) are not in the shipped fonts: a fallback font would
  // print them with private-use text codes, so the PDF text layer would lose the letters.
  const body = expandLigatures(template(name)(data));
  const css = readFileSync(join(TEMPLATES_DIR, 'base.css'), 'utf8');
  const title = options.title ?? name;
  return template('layout')({
    body,
    title,
    dir: options.dir ?? 'ltr',
    // The faces for what the page shows (the body; the title is not printed, but it costs nothing to cover).
    fontsCss: inlineFontsCss(body + title + css),
    baseCss: css,
    pageSize: `${options.paper}${options.landscape ? ' landscape' : ''}`,
  });
}

/** Escapes text for inclusion in HTML built outside a template. */
export function escapeHtml(text: string): string {
  return hb.escapeExpression(text);
}

/** Replaces the Latin ligature characters U+FB00–U+FB06 by the letters they stand for. */
export function expandLigatures(text: string): string {
  return text.replace(/[\uFB00-\uFB06]/g, (c) => c.normalize('NFKC'));
}
