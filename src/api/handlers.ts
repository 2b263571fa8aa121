/**
 * API handlers: the contract's methods implemented over the operations layer.
 * `dispatch` validates every payload with the method's schema before any
 * handler runs and turns errors into plain { code, message } data, so the
 * Electron bridge and the test harness behave identically.
 */
import { basename } from 'node:path';
import type { z } from 'zod';
import { FileNotChosenError, InvalidInputError, isSanadError } from '../errors.ts';
import * as ops from '../ops/index.ts';
import type { Printer } from '../print/printer.ts';
import type { Workspace } from '../store/index.ts';
import { ApiArgs, type ApiErrorPayload, type ApiEvent, type ApiEvents, type ApiMethod, type ApiResults } from './contract.ts';
import { bundleFilePath, sourceFilePath } from './files.ts';
import type { ExcerptView } from './views.ts';

export interface HandlerContext {
  ws: Workspace;
  printer: Printer;
  emit: <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => void;
  /** Base URL under which resolveAppFile paths are served, e.g. "app://sanad/files/". */
  filesBaseUrl: string;
  openFiles: () => Promise<string[]>;
  /** The system clipboard (Electron's clipboard module; a test double in the harness). */
  writeClipboard: (text: string) => Promise<void>;
  now?: () => Date;
  /**
   * Which files `sources.import` may read. The app passes its grant registry
   * (paths the open dialog returned or the preload registered from a drop), so
   * a compromised page cannot import /etc/passwd or ~/.ssh; the CLI and tests pass nothing.
   */
  isPathGranted?: (path: string) => boolean;
}

export type Handlers = { [M in ApiMethod]: (args: z.output<(typeof ApiArgs)[M]>) => Promise<ApiResults[M]> };

export function createHandlers(ctx: HandlerContext): Handlers {
  const { ws } = ctx;
  const now = ctx.now ?? (() => new Date());
  const builds = new Map<string, AbortController>();
  async function views(list: Awaited<ReturnType<typeof ops.listExcerpts>>): Promise<ExcerptView[]> {
    // Titles of the listed excerpts' sources only, not of the whole library.
    const [tags, titles] = await Promise.all([ws.listTags(), ws.index().then((i) => i.titles(list.map((e) => e.sourceId)))]);
    const names = new Map(tags.map((t) => [t.id, t.name]));
    return list.map((e) => ({ ...e, sourceTitle: titles.get(e.sourceId) ?? e.sourceId, tagNames: e.tags.map((t) => names.get(t) ?? t) }));
  }

  async function staleness(caseSlug?: string): Promise<{ months: number; reference: Date }> {
    if (caseSlug) {
      const c = await ws.getCase(caseSlug);
      return { months: c.stalenessMonths, reference: ops.referenceDate(c.hearingDate, now()) };
    }
    return { months: (await ws.readWorkspaceFile()).settings.stalenessMonths, reference: now() };
  }

  return {
    'workspace.info': async () => {
      // From the index (reconciled with the folders), not by reading every source.json.
      const [checked, cases, counts, file] = await Promise.all([ws.indexedCount(), ws.listCases(), ws.index().then((i) => i.excerptCounts()), ws.readWorkspaceFile()]);
      const excerpts = [...counts.values()].reduce((a, b) => a + b, 0);
      return { dir: ws.dir, sources: checked.sources, cases: cases.length, excerpts, stalenessMonths: file.settings.stalenessMonths, problems: checked.problems };
    },

    'tags.list': () => ws.listTags(),
    'tags.create': (a) => ops.createTag(ws, a.name, a.colour),
    'tags.update': (a) => ops.updateTag(ws, a.id, { ...(a.name === undefined ? {} : { name: a.name }), ...(a.colour === undefined ? {} : { colour: a.colour }) }),
    'tags.merge': (a) => ops.mergeTags(ws, a.from, a.into),
    'tags.delete': (a) => ops.deleteTag(ws, a.id),

    'sources.list': async (a) => ops.sourceSummaries(ws, { ...(a.caseSlug ? { caseSlug: a.caseSlug } : {}), ...(await staleness(a.caseSlug)) }),
    'sources.page': async (a) => ops.sourcePage(ws, { ...a, ...(await staleness()) }),
    'sources.get': async (a) => ops.sourceSummary(ws, a.id, await staleness()),
    'sources.update': (a) => ws.updateSourceMeta(a.id, a.patch),
    'sources.import': (a) => {
      const refused = ctx.isPathGranted ? a.paths.find((p) => !ctx.isPathGranted!(p)) : undefined;
      if (refused !== undefined) throw new FileNotChosenError(basename(refused));
      return ops.importSources(ws, {
        files: a.paths,
        printer: ctx.printer,
        ...(a.caseSlug ? { caseSlug: a.caseSlug } : {}),
        ...(a.metadata ? { metadata: a.metadata } : {}),
        onProgress: (p) => ctx.emit('import.progress', { file: basename(p.file), stage: p.stage, done: p.done, total: p.total }),
        now: now(),
      });
    },
    'sources.delete': async (a) => {
      await ws.deleteSource(a.id);
      return { id: a.id };
    },
    'sources.documentUrl': async (a) => {
      await ws.getSource(a.id);
      return ctx.filesBaseUrl + sourceFilePath(a.id);
    },
    'sources.pageText': async (a) => {
      const page = (await ws.readText(a.id)).find((p) => p.page === a.page);
      if (!page) throw new InvalidInputError(`That source has no page ${a.page}: pick a page between 1 and the source's page count.`);
      return page;
    },

    'excerpts.list': async (a) => views(await ops.listExcerpts(ws, a)),
    'excerpts.create': async (a) =>
      (
        await ops.tagQuote(
          ws,
          {
            sourceId: a.sourceId,
            quote: a.quote,
            tags: a.tags,
            ...(a.page ? { page: a.page } : {}),
            ...(a.note ? { note: a.note } : {}),
            ...(a.eventDate ? { eventDate: a.eventDate } : {}),
            ...(a.places ? { places: a.places } : {}),
          },
          now(),
        )
      ).excerpt,
    'excerpts.update': (a) =>
      ops.updateExcerpt(
        ws,
        a.id,
        {
          ...(a.tags ? { tags: a.tags } : {}),
          ...(a.note !== undefined ? { note: a.note } : {}),
          ...(a.eventDate !== undefined ? { eventDate: a.eventDate } : {}),
          ...(a.places ? { places: a.places } : {}),
        },
        now(),
      ),
    'excerpts.delete': (a) => ops.deleteExcerpt(ws, a.id),
    'excerpts.restore': (a) => ops.restoreExcerpt(ws, a.excerpt),
    'excerpts.citation': async (a) => {
      const { citation, pinpoint } = await import('../bundle/parts/index.ts');
      const e = await ops.findExcerpt(ws, a.id);
      const meta = await ws.getSource(e.sourceId);
      return { citation: citation(meta), pinpoint: pinpoint(meta, e.page, undefined, e.paragraph) };
    },
    'excerpts.cite': async (a) => ops.citeExcerpt(ws, a.id, { ...(a.caseSlug ? { caseSlug: a.caseSlug } : {}), ...(a.style ? { style: a.style } : {}) }),
    'excerpts.cooccurrence': async (a) => {
      const [tags, excerpts] = await Promise.all([ws.listTags(), ws.index().then((i) => i.excerpts(a.caseSlug ? { caseSlug: a.caseSlug } : {}))]);
      return ops.cooccurrence(tags, excerpts);
    },

    'redactions.list': (a) => ops.listRedactions(ws, { ...(a.sourceId ? { sourceId: a.sourceId } : {}), ...(a.caseSlug ? { caseSlug: a.caseSlug } : {}) }),
    'redactions.createText': async (a) => {
      const { created, existing } = await ops.redactText(ws, a, now());
      return [...created, ...existing];
    },
    'redactions.createRange': (a) => ops.redactRange(ws, a, now()),
    'redactions.createArea': (a) => ops.redactArea(ws, a, now()),
    'redactions.delete': (a) => ops.unredact(ws, a.id),
    'redactions.restore': (a) => ops.restoreRedaction(ws, a.redaction),
    'redactions.redactInCase': (a) => ops.redactInCase(ws, a.slug, a.text, a, now()),

    'search.query': (a) =>
      ops.searchLibrary(ws, {
        query: a.query,
        limit: a.limit ?? 50,
        ...(a.offset ? { offset: a.offset } : {}),
        ...(a.types ? { types: a.types } : {}),
        ...(a.formats ? { formats: a.formats } : {}),
        ...(a.from ? { from: a.from } : {}),
        ...(a.to ? { to: a.to } : {}),
        ...(a.tag ? { tag: a.tag } : {}),
        ...(a.caseSlug ? { caseSlug: a.caseSlug } : {}),
      }),

    'cases.list': async () => {
      const cases = await ws.listCases();
      return Promise.all(
        cases.map(async (c) => {
          const bundle = await ws.getBundle(c.slug);
          const documents = bundle.sections.reduce((n, s) => n + s.items.filter((i) => i.kind === 'source').length, 0);
          return { slug: c.slug, title: c.title, appellant: c.appellant.anonymise ? 'Anonymised' : c.appellant.name, tribunal: c.tribunal, hearingDate: c.hearingDate, documents };
        }),
      );
    },
    'cases.get': async (a) => ({ case: await ws.getCase(a.slug), bundle: await ws.getBundle(a.slug), warnings: await ops.caseWarnings(ws, a.slug, now()) }),
    'cases.create': (a) => ops.createCase(ws, a, now()),
    'cases.update': (a) => ws.mutate(async () => {
      const current = await ws.getCase(a.slug);
      const { hearingDate, bundleDate, ...rest } = a.patch;
      const next = { ...current, ...rest };
      if (hearingDate !== undefined) {
        if (hearingDate === null) delete next.hearingDate;
        else next.hearingDate = hearingDate;
      }
      if (bundleDate !== undefined) {
        if (bundleDate === null) delete next.bundleDate;
        else next.bundleDate = bundleDate;
      }
      await ws.saveCase(next);
      return next;
    }),
    'cases.saveBundle': async (a) => {
      await ws.saveBundle(a.slug, a.bundle);
      return a.bundle;
    },
    'cases.delete': async (a) => {
      await ws.deleteCase(a.slug);
      return { slug: a.slug };
    },
    'cases.warnings': (a) => ops.caseWarnings(ws, a.slug, now()),

    'bundle.build': async (a) => {
      builds.get(a.slug)?.abort();
      const controller = new AbortController();
      builds.set(a.slug, controller);
      try {
        const { files, report } = await ops.buildCase(ws, a.slug, {
          printer: ctx.printer,
          signal: controller.signal,
          onProgress: (p) => ctx.emit('build.progress', { slug: a.slug, ...p }),
        });
        const first = files[0]!;
        return {
          file: first,
          files,
          url: ctx.filesBaseUrl + bundleFilePath(a.slug, first),
          pages: report.pages,
          warnings: report.warnings,
          documents: report.documents,
          excerpts: report.excerpts,
        };
      } finally {
        if (builds.get(a.slug) === controller) builds.delete(a.slug);
      }
    },
    'bundle.cancel': async (a) => {
      const b = builds.get(a.slug);
      b?.abort();
      return { cancelled: b !== undefined };
    },
    'bundle.schedulePages': async (a) => {
      const [{ loadBundleInput }, { scheduleLength }] = await Promise.all([import('../bundle/index.ts'), import('../bundle/schedule-length.ts')]);
      return scheduleLength(await loadBundleInput(ws, a.slug), ctx.printer);
    },

    'dialog.openFiles': () => ctx.openFiles(),
    'clipboard.writeText': async (a) => {
      await ctx.writeClipboard(a.text);
      return { ok: true as const };
    },
  };
}

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorPayload };

/** Validates the payload, runs the handler, and returns plain data either way. */
export async function dispatch(handlers: Handlers, method: unknown, rawArgs: unknown): Promise<DispatchResult> {
  if (typeof method !== 'string' || !Object.hasOwn(ApiArgs, method)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Sanad has no operation called ${String(method)}.` } };
  }
  const m = method as ApiMethod;
  const parsed = ApiArgs[m].safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: { code: 'INVALID_ARGUMENTS', message: `Invalid request to ${m}: ${issue?.path.join('.') || 'arguments'} ${issue?.message ?? 'is not valid'}.` } };
  }
  try {
    const handler = handlers[m] as (args: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (e) {
    if (isSanadError(e)) return { ok: false, error: { code: e.code, message: e.message } };
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'INTERNAL', message: `Something went wrong (${message}): try again, and report it if it keeps happening.` } };
  }
}

