/**
 * The data every generated part (cover, index, schedule, chronology, dividers,
 * certificates, integrity list) is rendered from. The engine fills it in from
 * the plan; parts turn it into HTML. Page labels are strings ("17" or "C4")
 * because numbering may be section-prefixed; `pageIndex` is the 1-based
 * position in the whole bundle, used for links.
 */
import type { CaseFile, GeneratedPart, SourceMeta, Supplementary, Tag } from '../../model/index.ts';
import type { TribunalProfile } from '../../model/profiles.ts';

/** Links inside generated pages point here; assembly turns them into GoTo links to page N. */
export const INTERNAL_LINK_PREFIX = 'https://page.sanad.invalid/';
export function internalLink(pageIndex: number): string {
  return `${INTERNAL_LINK_PREFIX}${pageIndex}`;
}

export interface PageRef {
  /** Printed label, e.g. "17" or "C4". */
  label: string;
  /** 1-based position in the whole bundle (across volumes). */
  pageIndex: number;
  /** Volume number (1-based) when the bundle is split, else undefined. */
  volume?: number;
}

export interface IndexDocument {
  title: string;
  /** "Generated" parts (schedule, chronology…) are listed too. */
  kind: 'source' | 'generated' | 'divider' | 'translation-certificate';
  source?: SourceMeta;
  /** Human description of a page selection, e.g. "pp 3–7 of the original". */
  selection?: string;
  first: PageRef;
  last: PageRef;
}

export interface IndexSection {
  letter: string;
  title: string;
  first: PageRef | undefined;
  documents: IndexDocument[];
}

export interface ExcerptEntry {
  /** "E1", "E2"… in bundle order; printed next to the highlight. */
  label: string;
  id: string;
  /** Top-level tag: the disputed issue the schedule groups by. */
  issue: string;
  tags: Tag[];
  quote: string;
  note?: string;
  eventDate?: string;
  places: string[];
  source: SourceMeta;
  sourcePage: number;
  /** Numbered paragraph of the source ("2.4.5", "[34]"), when it has one. */
  paragraph?: string;
  page: PageRef;
}

export interface PartContext {
  case: CaseFile;
  profile: TribunalProfile;
  /** Appellant name as it must appear (initials when anonymised). */
  appellant: string;
  /** The date printed on the bundle (from the case, never the clock), YYYY-MM-DD. */
  bundleDate: string;
  /** e.g. "Appellant's bundle" or "Supplementary bundle 1". */
  bundleTitle: string;
  supplementary: Supplementary | undefined;
  /** Volume count when split (1 otherwise). */
  volumes: number;
  sections: IndexSection[];
  /** Every excerpt included in the bundle, in label order. */
  excerpts: ExcerptEntry[];
  /** Every source in the bundle with its first page, for the integrity list. */
  sources: Array<{ meta: SourceMeta; first: PageRef }>;
}

/** What a single part is asked to render. */
export type PartRequest =
  | { part: GeneratedPart }
  | { part: 'divider'; title: string; letter: string }
  | { part: 'translation-certificate'; translation: SourceMeta; original: SourceMeta | undefined };
