/**
 * Everything a build needs, resolved up front so the engine itself does no
 * I/O: the case, its bundle definition, the tribunal profile, the PDF and text
 * of every source in the bundle, their excerpts and the tags. The loader is
 * the only place that talks to the store.
 */
import type { BundleDefinition, CaseFile, Excerpt, PageText, Redaction, SourceMeta, Tag, TextFile } from '../model/index.ts';
import { PROFILES, type TribunalProfile } from '../model/profiles.ts';
import type { BuildReport } from './report.ts';
import { protectedTerms } from '../redact/anonymity.ts';

export interface BundleSource {
  meta: SourceMeta;
  pdf: Uint8Array;
  text: PageText[];
}

export interface BundleInput {
  case: CaseFile;
  definition: BundleDefinition;
  profile: TribunalProfile;
  sources: Map<string, BundleSource>;
  /** All excerpts of those sources; only those on included pages go in. */
  excerpts: Excerpt[];
  tags: Tag[];
  /** Redactions of those sources, applied to the bundle's copy (src/redact). */
  redactions?: Redaction[];
  /** The report of the case's last build, if any: skeleton references keep their meaning across builds. */
  previous?: BuildReport;
  /** The generated parts' page counts at the case's last build, wherever it was written: the numbering's first guess. */
  partLengths?: Array<{ kind: string; title: string; pages: number }>;
}

type MaybePromise<T> = T | Promise<T>;

/** The part of the store's Workspace the loader uses (the real Workspace satisfies it). */
export interface BundleWorkspace {
  getCase(slug: string): MaybePromise<CaseFile>;
  getBundle(slug: string): MaybePromise<BundleDefinition>;
  getSource(id: string): MaybePromise<SourceMeta>;
  readDocumentPdf(id: string): MaybePromise<Uint8Array>;
  readText(id: string): MaybePromise<TextFile | PageText[]>;
  listExcerpts(filter: { caseSlug: string }): MaybePromise<Excerpt[]>;
  listTags(): MaybePromise<Tag[]>;
  listRedactions?(filter: { caseSlug: string }): MaybePromise<Redaction[]>;
}

/** Source ids named by the definition, in first-use order, plus the originals of translations. */
export function sourceIdsOf(definition: BundleDefinition): string[] {
  const ids: string[] = [];
  for (const section of definition.sections) {
    for (const item of section.items) if (item.kind === 'source' && !ids.includes(item.sourceId)) ids.push(item.sourceId);
  }
  return ids;
}

/**
 * The sources whose page text the build reads: those with excerpts (paragraph numbers,
 * highlight rectangles) and skeleton arguments (their references); every source when the case
 * has redactions or protected names (both read every page). The others' text stays on disk: a
 * 1,000-page bundle of documents without excerpts otherwise spends a fifth of a second decoding
 * and validating text it never reads.
 */
export function sourcesNeedingText(caseFile: CaseFile, definition: BundleDefinition, excerpts: Excerpt[], redactions: Redaction[]): Set<string> | 'all' {
  if (redactions.length > 0 || protectedTerms(caseFile).length > 0) return 'all';
  const ids = new Set(excerpts.map((e) => e.sourceId));
  for (const section of definition.sections) {
    for (const item of section.items) if (item.kind === 'source' && item.role === 'skeleton') ids.add(item.sourceId);
  }
  return ids;
}

/** A source whose text was not loaded: reading it is a bug in sourcesNeedingText, never silence. */
function withoutText(meta: SourceMeta, pdf: Uint8Array): BundleSource {
  return {
    meta,
    pdf,
    get text(): PageText[] {
      throw new Error(`Internal error: the build read the page text of "${meta.title}" (${meta.id}), which it did not load.`);
    },
  };
}

export async function loadBundleInput(ws: BundleWorkspace, slug: string): Promise<BundleInput> {
  const caseFile = await ws.getCase(slug);
  const definition = await ws.getBundle(slug);
  const ids = sourceIdsOf(definition);
  const included = new Set(ids);
  const excerpts = (await ws.listExcerpts({ caseSlug: slug })).filter((e) => included.has(e.sourceId));
  const redactions = ws.listRedactions ? (await ws.listRedactions({ caseSlug: slug })).filter((r) => included.has(r.sourceId)) : [];
  const needText = sourcesNeedingText(caseFile, definition, excerpts, redactions);
  const sources = new Map<string, BundleSource>();
  for (const id of ids) {
    const meta = await ws.getSource(id);
    const pdf = await ws.readDocumentPdf(id);
    if (needText !== 'all' && !needText.has(id)) {
      sources.set(id, withoutText(meta, pdf));
      continue;
    }
    const text = await ws.readText(id);
    sources.set(id, { meta, pdf, text: Array.isArray(text) ? text : text.pages });
  }
  return { case: caseFile, definition, profile: PROFILES[caseFile.tribunal], sources, excerpts, tags: await ws.listTags(), redactions };
}
