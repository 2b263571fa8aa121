/**
 * `sanad cite` and the app's "Copy citation": the pinpoint a lawyer pastes
 * into a skeleton argument. The bundle page comes from the last build of the
 * case (its report in cases/<slug>/bundles/), so a rebuild that moves pages
 * moves the citation too; the paragraph comes from the excerpt.
 *   oscola: Human Rights Watch, 'We are the Walking Dead' (29 June 2014) para 3 <URL> accessed …
 *   bundle: [AB/C/45]
 *   both:   HRW, 'We are the Walking Dead' (2014) para 3 [AB/C/45]
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { caseCitation, casePinpoint, isCaseLaw } from '../cite/case-law.ts';
import { oscolaPinpoint } from '../cite/oscola.ts';
import { paragraphOf, paragraphPinpoint } from '../cite/paragraphs.ts';
import { shortLead } from '../cite/short.ts';
import { nestQuotes } from '../cite/oscola.ts';
import { BuildReport } from '../bundle/report.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import type { Excerpt, SourceMeta } from '../model/index.ts';
import type { Workspace } from '../store/index.ts';
import { findExcerpt } from './excerpts.ts';
import type { CiteResult } from '../api/views.ts';

export type { CiteResult };

export const CITE_STYLES = ['oscola', 'bundle', 'both'] as const;
export type CiteStyle = (typeof CITE_STYLES)[number];


/** The latest build report of a case (most recently written), if it was ever built. */
export async function latestReport(ws: Workspace, slug: string): Promise<{ file: string; report: BuildReport } | undefined> {
  await ws.getCase(slug);
  const dir = join(ws.dir, 'cases', slug, 'bundles');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.report.json'));
  } catch {
    return undefined;
  }
  const dated = await Promise.all(names.map(async (n) => ({ n, t: (await stat(join(dir, n))).mtimeMs })));
  dated.sort((a, b) => b.t - a.t || a.n.localeCompare(b.n));
  for (const { n } of dated) {
    const parsed = BuildReport.safeParse(JSON.parse(await readFile(join(dir, n), 'utf8')));
    if (parsed.success) return { file: `cases/${slug}/bundles/${n}`, report: parsed.data };
  }
  return undefined;
}

/** "[AB/C/45]" for continuous numbering, "[AB/C4]" when pages are labelled by section. */
export function bundleReference(report: BuildReport, bundlePage: number): string {
  const label = report.pageLabels[bundlePage - 1] ?? String(bundlePage);
  if (/^[A-Z]/.test(label)) return `[AB/${label}]`;
  const doc = [...report.documents, ...report.parts].find((d) => d.firstPage <= bundlePage && bundlePage <= d.lastPage);
  return doc?.section ? `[AB/${doc.section}/${label}]` : `[AB/${label}]`;
}

function pinOf(meta: SourceMeta, excerpt: Excerpt, paragraph: string | undefined): string {
  if (isCaseLaw(meta)) return casePinpoint(paragraph, excerpt.page);
  return paragraphPinpoint(paragraph) ?? String(excerpt.page);
}

/** "HRW, 'We are the Walking Dead' (2014) para 3": short lead, full title, year. */
function compactCitation(meta: SourceMeta, pin: string): string {
  if (isCaseLaw(meta)) return caseCitation(meta, pin);
  const lead = (meta.author ?? meta.publisher)?.trim();
  const title = `'${nestQuotes(meta.title.replace(/\s+/g, ' ').trim())}'`;
  const year = meta.published?.slice(0, 4) ?? 'nd';
  const page = /^\d+$/.test(pin) ? `p ${pin}` : pin;
  return `${lead ? `${shortLead(lead)}, ` : ''}${title} (${year}) ${page}`;
}

async function casesHolding(ws: Workspace, excerptId: string): Promise<string[]> {
  const found: string[] = [];
  for (const c of await ws.listCases()) {
    const latest = await latestReport(ws, c.slug);
    if (latest?.report.excerpts.some((e) => e.id === excerptId)) found.push(c.slug);
  }
  return found;
}

export async function citeExcerpt(ws: Workspace, id: string, options: { caseSlug?: string; style?: CiteStyle } = {}): Promise<CiteResult> {
  const style = options.style ?? 'both';
  if (!CITE_STYLES.includes(style)) throw new InvalidInputError(`--style must be one of ${CITE_STYLES.join(', ')}, not "${String(style)}".`);
  const excerpt = await findExcerpt(ws, id);
  const meta = await ws.getSource(excerpt.sourceId);
  const paragraph = excerpt.paragraph ?? paragraphOf(await ws.readText(meta.id), excerpt.page, excerpt.position.start);
  let slug = options.caseSlug;
  if (slug === undefined) {
    const holding = await casesHolding(ws, id);
    if (holding.length === 1) slug = holding[0];
  }
  const latest = slug ? await latestReport(ws, slug) : undefined;
  const inBundle = latest?.report.excerpts.find((e) => e.id === id);
  const reference = inBundle && latest ? bundleReference(latest.report, inBundle.bundlePage) : undefined;
  if (style === 'bundle' && !reference) {
    const where = slug ? `the last build of case "${slug}"` : 'any built bundle';
    throw new NotFoundError('bundle page for excerpt', id, `it is not in ${where}; add its source to the bundle and build it, or pass --case SLUG`);
  }
  const pin = pinOf(meta, excerpt, paragraph);
  const oscola = isCaseLaw(meta) ? caseCitation(meta, pin) : oscolaPinpoint(meta, pin, { accessedFallback: meta.importedAt.slice(0, 10) });
  const text = style === 'oscola' ? oscola : style === 'bundle' ? reference! : [compactCitation(meta, pin), reference].filter(Boolean).join(' ');
  return {
    text,
    bundlePage: inBundle?.bundlePage,
    bundleLabel: inBundle && latest ? (latest.report.pageLabels[inBundle.bundlePage - 1] ?? String(inBundle.bundlePage)) : undefined,
    bundleReference: reference,
    sourcePage: excerpt.page,
    paragraph,
    caseSlug: slug,
    report: latest?.file,
  };
}
