/** Library commands: init, import, sources, tag, excerpts, search, tags, replace. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { DOCUMENT_TYPES } from '../../model/vocabulary.ts';
import { InvalidInputError } from '../../errors.ts';
import { collect, dateOption, type CliContext } from '../context.ts';

// Heavy modules (PDF engines, Chromium driver, jsdom) load only when a command needs them,
// so "sanad --help" and simple listings start quickly.
const loadOps = () => import('../../ops/index.ts');

type Ctx = () => CliContext;

export function registerLibraryCommands(program: Command, ctx: Ctx, run: (fn: () => Promise<void>) => Promise<void>): void {
  program
    .command('init')
    .description('create a workspace (default ~/Sanad) seeded with the default tags')
    .action(() =>
      run(async () => {
        const c = ctx();
        await (await import('../../store/index.ts')).initWorkspace(c.workspaceDir);
        c.result({ workspace: c.workspaceDir }, `Workspace ready at ${c.workspaceDir}`);
      }),
    );

  program
    .command('import')
    .description('import sources (PDF, text, Markdown, HTML, images: JPEG/PNG/HEIC/WebP/GIF/TIFF, .eml) into the library or a case')
    .argument('<files...>')
    .option('--case <slug>', "import as the case's own (client) documents")
    .option('--title <title>')
    .option('--author <author>')
    .option('--publisher <publisher>')
    .option('--published <date>', 'YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--url <url>')
    .option('--accessed <date>', 'YYYY-MM-DD')
    .option('--language <code>')
    .option('--type <type>', `one of ${DOCUMENT_TYPES.join(', ')}`)
    .option('--neutral-citation <citation>', 'case law: neutral citation, e.g. "[2014] UKUT 569 (IAC)"')
    .option('--short-name <name>', 'case law: the name it is cited by, e.g. "AK and SK (Pakistan)"')
    .option('--cg', 'a country guidance decision')
    .option('--replaced-by <citation>', 'a country guidance decision replaced by a newer one')
    .option('--ocr <mode>', 'auto (pages without text, and images), always or never', 'auto')
    .option('--lang <codes>', 'OCR languages joined by "+", e.g. eng+urd (others than eng from the workspace\'s ocr/ folder)')
    .option('--keep-gps', "keep photos' GPS positions (dropped by default: they can locate a family)")
    .action((files: string[], o: Record<string, string | undefined> & { keepGps?: boolean; cg?: boolean }) =>
      run(async () => {
        const c = ctx();
        // The parsing worker loads pdf-lib and pdfjs while this thread opens the workspace.
        if (files.some((f) => /\.pdf$/i.test(f))) (await import('../../ingest/pdf-worker.ts')).warmPdfWorker();
        const ops = await import('../../ops/sources.ts');
        if (o.ocr !== 'auto' && o.ocr !== 'always' && o.ocr !== 'never') throw new InvalidInputError(`--ocr must be auto, always or never, not "${String(o.ocr)}".`);
        const ocrLanguages = typeof o.lang === 'string' ? (await import('../../ocr/languages.ts')).parseLanguages(o.lang) : undefined;
        if (o.type !== undefined && !(DOCUMENT_TYPES as readonly string[]).includes(o.type)) {
          throw new InvalidInputError(`--type must be one of ${DOCUMENT_TYPES.join(', ')}, not "${o.type}".`);
        }
        if (o.url !== undefined && !/^https?:\/\/\S+$/.test(o.url)) throw new InvalidInputError(`--url must be a web address starting with http:// or https://, not "${o.url}".`);
        const caseLaw = caseLawOptions(o);
        const metadata = {
          ...caseLaw,
          ...(o.title ? { title: o.title } : {}),
          ...(o.author ? { author: o.author } : {}),
          ...(o.publisher ? { publisher: o.publisher } : {}),
          ...(o.published ? { published: dateOption('--published', o.published)! } : {}),
          ...(o.url ? { url: o.url } : {}),
          ...(o.accessed ? { accessed: dateOption('--accessed', o.accessed, true)! } : {}),
          ...(o.language ? { language: o.language } : {}),
          ...(o.type ? { type: o.type as (typeof DOCUMENT_TYPES)[number] } : {}),
        };
        const ws = await c.workspace('write');
        const outcomes = await ops.importSources(ws, {
          files: files.map((f) => resolve(f)),
          printer: c.printer,
          ...(o.case ? { caseSlug: o.case } : {}),
          metadata,
          ocr: o.ocr,
          ...(ocrLanguages ? { ocrLanguages } : {}),
          ...(o.keepGps ? { keepGps: true } : {}),
          onProgress: (p) => c.progress(`${p.stage} ${p.file.split(/[\\/]/).pop()}`, p.done, p.total),
        });
        for (const r of outcomes) for (const w of r.warnings) c.info(`${r.file}: ${w}`);
        c.result(
          outcomes.map((r) => ({ id: r.id, title: r.title, pages: r.pages, duplicate: r.duplicate, warnings: r.warnings, ...(r.parent ? { parent: r.parent } : {}) })),
          () => outcomes.map((r) => `${r.parent ? '  ↳ ' : ''}${r.id}  ${r.title} (${r.pages} page${r.pages === 1 ? '' : 's'})${r.duplicate ? ' — already in the workspace' : ''}`).join('\n'),
        );
      }),
    );

  program
    .command('sources')
    .description('list sources (library, or library plus a case’s documents)')
    .option('--case <slug>')
    .action((o: { case?: string }) =>
      run(async () => {
        const c = ctx();
        const ops = await import('../../ops/sources.ts');
        const ws = await c.workspace('read');
        const months = (await ws.readWorkspaceFile()).settings.stalenessMonths;
        const list = await ops.sourceSummaries(ws, { ...(o.case ? { caseSlug: o.case } : {}), months, reference: new Date() });
        // A source whose source.json is broken is named on stderr; the others are still listed.
        const { problems } = await ws.listSourcesChecked(o.case ? { caseSlug: o.case } : {});
        for (const p of problems) c.info(`warning: ${p.message}`);
        const { formatPartialDate } = await import('../../model/index.ts');
        c.result(list, () =>
          list.length === 0
            ? 'No sources yet: import some with "sanad import FILE…".'
            : list.map((s) => `${s.id}  ${s.title}${s.published ? ` (${formatPartialDate(s.published)})` : ''}  ${s.pages} p, ${s.excerptCount} excerpt(s)${s.stale ? '  [stale]' : ''}${s.flags.includes('no-text-layer') ? '  [no text layer]' : ''}${s.flags.includes('ocr') ? '  [OCR]' : ''}`).join('\n'),
        );
      }),
    );

  program
    .command('tag')
    .description('tag a passage of a source by quoting it')
    .argument('<sourceId>')
    .requiredOption('--quote <text>', 'the exact words of the passage')
    .requiredOption('--tag <tag>', 'tag name (repeat for several); a new name creates the tag', collect, [])
    .option('--page <n>', 'look on this page first')
    .option('--note <note>')
    .option('--event-date <date>', 'date of the incident described (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--place <place>', 'place concerned (repeatable)', collect, [])
    .action((sourceId: string, o: { quote: string; tag: string[]; page?: string; note?: string; eventDate?: string; place: string[] }) =>
      run(async () => {
        const c = ctx();
        const ops = await loadOps();
        const page = o.page === undefined ? undefined : Number(o.page);
        if (page !== undefined && !(Number.isInteger(page) && page > 0)) throw new InvalidInputError(`--page must be a page number, not "${o.page}".`);
        const ws = await c.workspace('write');
        const r = await ops.tagQuote(ws, {
          sourceId,
          quote: o.quote,
          tags: o.tag,
          createTags: true,
          ...(page ? { page } : {}),
          ...(o.note ? { note: o.note } : {}),
          ...(o.eventDate ? { eventDate: dateOption('--event-date', o.eventDate)! } : {}),
          places: o.place,
        });
        for (const t of r.createdTags) c.info(`Created tag "${t.name}".`);
        if (r.excerpt.anchor.status === 'fuzzy') c.info(`Matched approximately on page ${r.excerpt.page}: "${r.excerpt.quote.exact}"`);
        const para = r.excerpt.paragraph ? (r.excerpt.paragraph.startsWith('[') ? `, ${r.excerpt.paragraph}` : `, para ${r.excerpt.paragraph}`) : '';
        c.result(
          { id: r.excerpt.id, page: r.excerpt.page, ...(r.excerpt.paragraph ? { paragraph: r.excerpt.paragraph } : {}), status: r.excerpt.anchor.status, merged: r.merged },
          `${r.excerpt.id}  page ${r.excerpt.page}${para}${r.merged ? ' (added tags to the existing excerpt)' : ''}`,
        );
      }),
    );

  program
    .command('excerpts')
    .description('list excerpts, filtered by tag, source, date or place')
    .option('--tag <tag>')
    .option('--source <id>')
    .option('--case <slug>')
    .option('--place <place>')
    .option('--from <date>')
    .option('--to <date>')
    .option('--query <text>')
    .action((o: { tag?: string; source?: string; case?: string; place?: string; from?: string; to?: string; query?: string }) =>
      run(async () => {
        const c = ctx();
        const ops = await loadOps();
        const ws = await c.workspace('read');
        const list = await ops.listExcerpts(ws, {
          ...(o.tag ? { tag: o.tag } : {}),
          ...(o.source ? { sourceId: o.source } : {}),
          ...(o.case ? { caseSlug: o.case } : {}),
          ...(o.place ? { place: o.place } : {}),
          ...(o.from ? { from: dateOption('--from', o.from)! } : {}),
          ...(o.to ? { to: dateOption('--to', o.to)! } : {}),
          ...(o.query ? { query: o.query } : {}),
        });
        const names = new Map((await ws.listTags()).map((t) => [t.id, t.name]));
        c.result(
          list.map((e) => ({ ...e, tagNames: e.tags.map((t) => names.get(t) ?? t) })),
          () => (list.length === 0 ? 'No excerpts match.' : list.map((e) => `${e.id}  ${e.sourceId} p${e.page}  [${e.tags.map((t) => names.get(t) ?? t).join('; ')}]  “${e.quote.exact}”`).join('\n')),
        );
      }),
    );

  program
    .command('search')
    .description('full-text search across every page of every source ("a phrase", prefix*)')
    .argument('<query...>')
    .option('--limit <n>', 'most results', '20')
    .option('--type <type>', 'only this document type (report, news…; repeatable)', collect, [])
    .option('--format <format>', 'only this source format (pdf, html…; repeatable)', collect, [])
    .option('--from <date>', 'published on or after')
    .option('--to <date>', 'published on or before')
    .option('--tag <tag>', 'only sources with an excerpt under this tag')
    .option('--case <slug>', 'the library and this case\'s documents only')
    .action((words: string[], o: { limit: string; type: string[]; format: string[]; from?: string; to?: string; tag?: string; case?: string }) =>
      run(async () => {
        const c = ctx();
        const input = {
          query: words.join(' '),
          limit: Math.max(1, Number(o.limit) || 20),
          types: o.type,
          formats: o.format,
          ...(o.from ? { from: dateOption('--from', o.from)! } : {}),
          ...(o.to ? { to: dateOption('--to', o.to)! } : {}),
          ...(o.tag ? { tag: o.tag } : {}),
          ...(o.case ? { caseSlug: o.case } : {}),
        };
        const { quickSearch } = await import('../../ops/quick-search.ts');
        const hits = (await quickSearch(c.workspaceDir, input)) ?? (await (await import('../../ops/search.ts')).searchLibrary(await c.workspace('read'), input));
        c.result(hits, () => (hits.length === 0 ? `Nothing found for "${words.join(' ')}".` : hits.map((h) => `${h.sourceId} p${h.page}  ${h.title}\n    ${h.snippet}`).join('\n')));
      }),
    );

  program
    .command('tags')
    .description('list tags')
    .action(() =>
      run(async () => {
        const c = ctx();
        const tags = await (await c.workspace('read')).listTags();
        c.result(tags, () => tags.map((t) => `${t.colour}  ${t.name}`).join('\n'));
      }),
    );

  program
    .command('ocr')
    .description("read a source again with OCR (e.g. with another language from the workspace's ocr/ folder); its excerpts re-anchor")
    .argument('<sourceId>')
    .option('--lang <codes>', 'OCR languages joined by "+", e.g. eng+urd', 'eng')
    .action((sourceId: string, o: { lang: string }) =>
      run(async () => {
        const c = ctx();
        const ops = await loadOps();
        const languages = (await import('../../ocr/languages.ts')).parseLanguages(o.lang);
        const ws = await c.workspace('write');
        const r = await ops.reocrSource(ws, sourceId, { printer: c.printer, languages, onProgress: (p) => c.progress(`${p.stage} ${p.file}`, p.done, p.total) });
        for (const e of r.orphaned) c.info(`Could not find excerpt ${e.id} (“${e.quote.exact}”) in the new OCR text: it is kept and flagged; re-tag the passage or delete it.`);
        for (const e of r.fuzzy) c.info(`Excerpt ${e.id} matched approximately on page ${e.page}: check it.`);
        for (const w of ops.importWarnings(r.source)) c.info(`${r.source.id}: ${w}`);
        const pages = r.source.ocr?.pages ?? [];
        c.result(
          { id: r.source.id, languages: r.source.ocr?.languages ?? [], pages, reanchored: r.reanchored, fuzzy: r.fuzzy.map((e) => e.id), orphaned: r.orphaned.map((e) => e.id) },
          `${r.source.id}: OCR (${(r.source.ocr?.languages ?? []).join('+') || 'none'}) on ${pages.length} page(s)${pages.length ? `, confidence ${pages.map((p) => `p${p.page} ${Math.round(p.confidence)}%`).join(', ')}` : ''}; ${r.reanchored} excerpt(s) re-anchored, ${r.fuzzy.length} approximately, ${r.orphaned.length} not found.`,
        );
      }),
    );

  program
    .command('replace')
    .description('replace a source by a new edition and re-anchor its excerpts')
    .argument('<sourceId>')
    .argument('<file>')
    .action((sourceId: string, file: string) =>
      run(async () => {
        const c = ctx();
        const ops = await loadOps();
        const ws = await c.workspace('write');
        const r = await ops.replaceSourceEdition(ws, sourceId, resolve(file), c.printer);
        for (const e of r.orphaned) c.info(`Could not find excerpt ${e.id} (“${e.quote.exact}”) in the new edition: it is kept and flagged; re-tag the passage or delete it.`);
        for (const e of r.fuzzy) c.info(`Excerpt ${e.id} matched approximately on page ${e.page}: check it.`);
        for (const x of r.redactionsOrphaned) c.info(`Could not place redaction ${x.id} in the new edition: it is kept, and the bundle will not build until you redact the passage again or remove it ("sanad unredact ${x.id}").`);
        for (const x of r.redactionsToCheck) c.info(`Redaction ${x.id} is on page ${x.page} of the new edition${x.kind === 'area' ? ' at the same place' : ', matched approximately'}: check that it covers what it should.`);
        c.result({ id: r.source.id, reanchored: r.reanchored, fuzzy: r.fuzzy.map((e) => e.id), orphaned: r.orphaned.map((e) => e.id), redactionsOrphaned: r.redactionsOrphaned.map((x) => x.id), redactionsToCheck: r.redactionsToCheck.map((x) => x.id) }, `${r.source.id}: ${r.reanchored} excerpt(s) re-anchored, ${r.fuzzy.length} approximately, ${r.orphaned.length} not found.`);
      }),
    );
}

/** The case-law import options (neutral citation, short name, CG, replaced by); case law is a "decision". */
function caseLawOptions(o: Record<string, unknown>): { neutralCitation?: string; shortName?: string; cg?: boolean; replacedBy?: string; type?: 'decision' } {
  const out: { neutralCitation?: string; shortName?: string; cg?: boolean; replacedBy?: string; type?: 'decision' } = {};
  if (typeof o.neutralCitation === 'string') {
    if (!/^\[\d{4}\]\s+\S+/.test(o.neutralCitation.trim())) throw new InvalidInputError(`--neutral-citation looks like "[2014] UKUT 569 (IAC)", not "${o.neutralCitation}".`);
    out.neutralCitation = o.neutralCitation.trim();
  }
  if (typeof o.shortName === 'string') out.shortName = o.shortName;
  if (o.cg === true) out.cg = true;
  if (typeof o.replacedBy === 'string') out.replacedBy = o.replacedBy;
  if ((out.cg || out.replacedBy) && !out.neutralCitation) throw new InvalidInputError('A country guidance decision needs its neutral citation: add --neutral-citation "[2014] UKUT 569 (IAC)".');
  if (out.neutralCitation && o.type === undefined) out.type = 'decision';
  return out;
}
