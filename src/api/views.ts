/** Shapes the API returns that are views over the model (summaries, hits, reports). */
import type { CaseFile, Excerpt, SourceMeta, TribunalId } from '../model/index.ts';
import type { SearchHit } from '../search/library-index.ts';

export type { SearchHit };

export interface WorkspaceInfo {
  dir: string;
  sources: number;
  cases: number;
  excerpts: number;
  stalenessMonths: number;
  /** Stored files that could not be read (a hand-broken source.json): named, so the rest still works. */
  problems: Array<{ file: string; message: string }>;
}

export interface SourceSummary extends SourceMeta {
  excerptCount: number;
  /** Published longer ago than the staleness threshold (relative to today, or the case's hearing). */
  stale: boolean;
}

export interface ImportOutcome {
  file: string;
  id: string;
  title: string;
  pages: number;
  duplicate: boolean;
  warnings: string[];
  /** Source id of the e-mail this one was attached to (attachments follow their e-mail in the list). */
  parent?: string;
}

export interface ExcerptView extends Excerpt {
  sourceTitle: string;
  /** Full tag names, in the order of excerpt.tags. */
  tagNames: string[];
}

export interface CaseSummary {
  slug: string;
  title: string;
  appellant: string;
  tribunal: TribunalId;
  hearingDate: string | undefined;
  documents: number;
}

export interface CaseWarning {
  code: 'stale-source' | 'schedule-too-long' | 'orphaned-excerpt' | 'fuzzy-excerpt' | 'no-text-layer' | 'missing-source' | 'empty-bundle';
  /** What is wrong and what to do, in one or two sentences. */
  message: string;
  sourceId?: string;
  excerptId?: string;
}

export interface BuildReportView {
  /** Absolute path of the first volume. */
  file: string;
  files: string[];
  /** URL the viewer opens the built bundle from. */
  url: string;
  pages: number;
  warnings: string[];
  documents: Array<{ sourceId: string; title: string; section: string; firstPage: number; lastPage: number }>;
  excerpts: Array<{ id: string; label: string; sourceId: string; quote: string; tags: string[]; sourcePage: number; bundlePage: number }>;
}

export type { CaseFile };
