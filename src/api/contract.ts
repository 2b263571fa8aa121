/**
 * The one API contract between the core and every front end: method name →
 * zod schema of its arguments, and the TypeScript type of its result. The
 * Electron main process validates every IPC payload against these schemas
 * before a handler runs; the preload exposes exactly these methods; the
 * renderer and the end-to-end harness use the same table.
 */
import { z } from 'zod';
import {
  BundleDefinition,
  CaseSlug,
  DayDate,
  DocumentType,
  ImportMetadata,
  PartialDate,
  SourceFormat,
  SourceMetaPatch,
  TribunalId,
  type CaseFile,
  type Excerpt,
  type PageText,
  type Redaction,
  RedactionReason,
  type SourceMeta,
  type Tag,
} from '../model/index.ts';
import type { BuildReportView, CiteResult, ScheduleLength, CaseSummary, CaseWarning, ExcerptView, ImportOutcome, SearchHit, SourceSummary, WorkspaceInfo } from './views.ts';

const Id = z.string().min(1).max(200);
const NoArgs = z.object({}).strict();

export const ImportMetadataArgs = ImportMetadata.strict();

export const ExcerptFilterArgs = z
  .object({
    sourceId: Id.optional(),
    caseSlug: CaseSlug.optional(),
    /** Tag id or full tag name; includes its sub-tags. */
    tag: z.string().optional(),
    place: z.string().optional(),
    /** Event date range (partial dates, inclusive). */
    from: PartialDate.optional(),
    to: PartialDate.optional(),
    /** Free text over quote and note. */
    query: z.string().optional(),
  })
  .strict();
export type ExcerptFilter = z.infer<typeof ExcerptFilterArgs>;

export const NewCaseArgs = z
  .object({
    slug: CaseSlug,
    title: z.string().min(1),
    appellant: z.string().optional(),
    anonymise: z.boolean().optional(),
    reference: z.string().optional(),
    tribunal: TribunalId.optional(),
    hearing: DayDate.optional(),
    protect: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type NewCaseArgs = z.infer<typeof NewCaseArgs>;

export const CasePatchArgs = z
  .object({
    title: z.string().min(1).optional(),
    appellant: z.object({ name: z.string(), anonymise: z.boolean() }).optional(),
    respondent: z.string().optional(),
    references: z.array(z.object({ label: z.string().min(1), value: z.string().min(1) })).optional(),
    tribunal: TribunalId.optional(),
    hearingDate: DayDate.nullable().optional(),
    bundleDate: DayDate.nullable().optional(),
    stalenessMonths: z.number().int().positive().optional(),
    /** Further names and numbers to protect (the whole list). */
    protect: z.array(z.string().min(1)).optional(),
  })
  .strict();

const RedactionFieldsArgs = {
  reason: RedactionReason,
  reasonText: z.string().max(200).optional(),
  createdBy: z.string().max(200).optional(),
};

/** Argument schemas, one per method. */
export const ApiArgs = {
  'workspace.info': NoArgs,

  'tags.list': NoArgs,
  'tags.create': z.object({ name: z.string().min(1), colour: z.string().regex(/^#[0-9a-f]{6}$/i).optional() }).strict(),
  'tags.update': z.object({ id: Id, name: z.string().min(1).optional(), colour: z.string().regex(/^#[0-9a-f]{6}$/i).optional() }).strict(),
  'tags.merge': z.object({ from: Id, into: Id }).strict(),
  'tags.delete': z.object({ id: Id }).strict(),

  'sources.list': z.object({ caseSlug: CaseSlug.optional() }).strict(),
  /** One page of the library table (e-mail families kept together), narrowed by title, publisher or author. */
  'sources.page': z.object({ filter: z.string().max(500).optional(), offset: z.number().int().nonnegative().optional(), limit: z.number().int().positive().max(5000).optional() }).strict(),
  'sources.get': z.object({ id: Id }).strict(),
  'sources.update': z.object({ id: Id, patch: SourceMetaPatch }).strict(),
  'sources.import': z.object({ paths: z.array(z.string().min(1)).min(1), caseSlug: CaseSlug.optional(), metadata: ImportMetadataArgs.optional() }).strict(),
  'sources.delete': z.object({ id: Id }).strict(),
  /** URL the viewer loads the source's PDF from (app scheme in Electron, loopback in the harness). */
  'sources.documentUrl': z.object({ id: Id }).strict(),
  'sources.pageText': z.object({ id: Id, page: z.number().int().positive() }).strict(),

  'excerpts.list': ExcerptFilterArgs,
  'excerpts.create': z
    .object({
      sourceId: Id,
      page: z.number().int().positive().optional(),
      quote: z.string().min(1),
      tags: z.array(Id).min(1),
      note: z.string().optional(),
      eventDate: PartialDate.optional(),
      places: z.array(z.string().min(1)).optional(),
    })
    .strict(),
  'excerpts.update': z
    .object({
      id: Id,
      tags: z.array(Id).min(1).optional(),
      note: z.string().optional(),
      eventDate: PartialDate.nullable().optional(),
      places: z.array(z.string().min(1)).optional(),
    })
    .strict(),
  'excerpts.delete': z.object({ id: Id }).strict(),
  /** Undo of a delete: puts the excerpt returned by excerpts.delete back. */
  'excerpts.restore': z.object({ excerpt: z.unknown() }).strict(),
  'excerpts.citation': z.object({ id: Id }).strict(),
  /** The pinpoint for a skeleton argument, with the bundle page from the case's last build (sanad cite). */
  'excerpts.cite': z.object({ id: Id, caseSlug: CaseSlug.optional(), style: z.enum(['oscola', 'bundle', 'both']).optional() }).strict(),
  'excerpts.cooccurrence': z.object({ caseSlug: CaseSlug.optional() }).strict(),

  'redactions.list': z.object({ sourceId: Id.optional(), caseSlug: CaseSlug.optional() }).strict(),
  /** Every occurrence of the text (or those on one page). */
  'redactions.createText': z.object({ sourceId: Id, text: z.string().min(1), page: z.number().int().positive().optional(), ...RedactionFieldsArgs }).strict(),
  /** A selection in the reader: offsets in the page's text. */
  'redactions.createRange': z.object({ sourceId: Id, page: z.number().int().positive(), start: z.number().int().nonnegative(), end: z.number().int().positive(), ...RedactionFieldsArgs }).strict(),
  /** A dragged box: points from the top-left corner of the page as shown. */
  'redactions.createArea': z.object({ sourceId: Id, page: z.number().int().positive(), rect: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }).strict(), ...RedactionFieldsArgs }).strict(),
  'redactions.delete': z.object({ id: Id }).strict(),
  /** Undo of a delete: puts the redaction returned by redactions.delete back. */
  'redactions.restore': z.object({ redaction: z.unknown() }).strict(),
  /** "Redact all": a protected name in every document of the case's bundle. */
  'redactions.redactInCase': z.object({ slug: CaseSlug, text: z.string().min(1), ...RedactionFieldsArgs }).strict(),

  'search.query': z
    .object({
      query: z.string().min(1),
      limit: z.number().int().positive().max(500).optional(),
      offset: z.number().int().nonnegative().optional(),
      types: z.array(DocumentType).optional(),
      formats: z.array(SourceFormat).optional(),
      from: PartialDate.optional(),
      to: PartialDate.optional(),
      tag: z.string().min(1).optional(),
      caseSlug: CaseSlug.optional(),
    })
    .strict(),

  'cases.list': NoArgs,
  'cases.get': z.object({ slug: CaseSlug }).strict(),
  'cases.create': NewCaseArgs,
  'cases.update': z.object({ slug: CaseSlug, patch: CasePatchArgs }).strict(),
  'cases.saveBundle': z.object({ slug: CaseSlug, bundle: BundleDefinition }).strict(),
  'cases.delete': z.object({ slug: CaseSlug }).strict(),
  'cases.warnings': z.object({ slug: CaseSlug }).strict(),

  'bundle.build': z.object({ slug: CaseSlug }).strict(),
  'bundle.cancel': z.object({ slug: CaseSlug }).strict(),
  /** The schedule's page count for the saved bundle, before building (printed, not guessed). */
  'bundle.schedulePages': z.object({ slug: CaseSlug }).strict(),

  /** Native file picker (Electron) / preset files (harness). Returns absolute paths. */
  'dialog.openFiles': NoArgs,
  /** Puts text on the system clipboard (the renderer has no clipboard permission). */
  'clipboard.writeText': z.object({ text: z.string().max(100_000) }).strict(),
} as const;

export type ApiMethod = keyof typeof ApiArgs;

/** Result types, one per method. */
export interface ApiResults {
  'workspace.info': WorkspaceInfo;
  'tags.list': Tag[];
  'tags.create': Tag;
  'tags.update': Tag;
  'tags.merge': Tag[];
  'tags.delete': Tag[];
  'sources.list': SourceSummary[];
  /** `total`: the library's sources; `matching`: those the filter keeps; `sources`: the page asked for. */
  'sources.page': { total: number; matching: number; sources: SourceSummary[] };
  'sources.get': SourceSummary;
  'sources.update': SourceMeta;
  'sources.import': ImportOutcome[];
  'sources.delete': { id: string };
  'sources.documentUrl': string;
  'sources.pageText': PageText;
  'excerpts.list': ExcerptView[];
  'excerpts.create': Excerpt;
  'excerpts.update': Excerpt;
  'excerpts.delete': Excerpt;
  'excerpts.restore': Excerpt;
  'excerpts.citation': { citation: string; pinpoint: string };
  'excerpts.cite': CiteResult;
  'excerpts.cooccurrence': { tags: Tag[]; counts: number[][] };
  'redactions.list': Redaction[];
  'redactions.createText': Redaction[];
  'redactions.createRange': Redaction;
  'redactions.createArea': Redaction;
  'redactions.delete': Redaction;
  'redactions.restore': Redaction;
  'redactions.redactInCase': Redaction[];
  'search.query': SearchHit[];
  'cases.list': CaseSummary[];
  'cases.get': { case: CaseFile; bundle: BundleDefinition; warnings: CaseWarning[] };
  'cases.create': CaseFile;
  'cases.update': CaseFile;
  'cases.saveBundle': BundleDefinition;
  'cases.delete': { slug: string };
  'cases.warnings': CaseWarning[];
  'bundle.build': BuildReportView;
  'bundle.cancel': { cancelled: boolean };
  'bundle.schedulePages': ScheduleLength;
  'dialog.openFiles': string[];
  'clipboard.writeText': { ok: true };
}

export type ApiArgsOf<M extends ApiMethod> = z.input<(typeof ApiArgs)[M]>;

/** The typed client every front end sees: `api.invoke('sources.list', {})`. */
export interface SanadApi {
  invoke<M extends ApiMethod>(method: M, args: ApiArgsOf<M>): Promise<ApiResults[M]>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /**
   * Absolute path of a File dropped on the window (Electron no longer sets
   * File.path: the preload asks webUtils.getPathForFile). Synchronous; returns
   * '' for anything that is not a file from the user's disk.
   */
  pathForFile(file: unknown): string;
}

/** Events pushed from the core to the UI. */
export interface ApiEvents {
  'import.progress': { file: string; stage: string; done: number; total: number };
  'build.progress': { slug: string; stage: string; done: number; total: number };
  /** An application-menu command (Electron) for the renderer to carry out. */
  menu: { command: MenuCommand };
}

export const MENU_COMMANDS = ['import', 'build', 'find', 'undo', 'view.library', 'view.excerpts', 'view.cases', 'view.tags'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export type ApiEvent = keyof ApiEvents;
export const API_EVENTS: readonly ApiEvent[] = ['import.progress', 'build.progress', 'menu'];

/** IPC channel names used by the Electron bridge. */
export const IPC_INVOKE_CHANNEL = 'sanad:invoke';
export const IPC_EVENT_CHANNEL = 'sanad:event';

/** Errors cross the bridge as plain data: the message is the one sentence to show. */
export interface ApiErrorPayload {
  code: string;
  message: string;
}
