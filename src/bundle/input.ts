/**
 * Everything a build needs, resolved up front so the engine itself does no
 * I/O: the case, its bundle definition, the tribunal profile, the PDF and text
 * of every source in the bundle, their excerpts and the tags. The loader is
 * the only place that talks to the store.
 */
import type { BundleDefinition, CaseFile, Excerpt, PageText, Redaction, SourceMeta, Tag, TextFile } from '../model/index.ts';
import { PROFILES, type TribunalProfile } from '../model/profiles.ts';
import type { BuildReport } from './report.ts';

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

export async function loadBundleInput(ws: BundleWorkspace, slug: string): Promise<BundleInput> {
  const caseFile = await ws.getCase(slug);
  const definition = await ws.getBundle(slug);
  const sources = new Map<string, BundleSource>();
  for (const id of sourceIdsOf(definition)) {
    const meta = await ws.getSource(id);
    const pdf = await ws.readDocumentPdf(id);
    const text = await ws.readText(id);
    sources.set(id, { meta, pdf, text: Array.isArray(text) ? text : text.pages });
  }
  const excerpts = (await ws.listExcerpts({ caseSlug: slug })).filter((e) => sources.has(e.sourceId));
  const redactions = ws.listRedactions ? (await ws.listRedactions({ caseSlug: slug })).filter((r) => sources.has(r.sourceId)) : [];
  return { case: caseFile, definition, profile: PROFILES[caseFile.tribunal], sources, excerpts, tags: await ws.listTags(), redactions };
}
