/** Case and bundle commands: case new/add/list/show, build, verify. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { TRIBUNAL_IDS } from '../../model/vocabulary.ts';
import { InvalidInputError, VerificationError } from '../../errors.ts';
import { collect, dateOption, type CliContext } from '../context.ts';

// Heavy modules (PDF engines, Chromium driver, jsdom) load only when a command needs them,
// so "sanad --help" and simple listings start quickly.
const loadOps = () => import('../../ops/index.ts');

type Ctx = () => CliContext;

export function registerCaseCommands(program: Command, ctx: Ctx, run: (fn: () => Promise<void>) => Promise<void>): void {
  const kase = program.command('case').description('cases: one appellant, their documents and bundle');

  kase
    .command('new')
    .description('create a case')
    .argument('<slug>', 'short name: lower-case letters, digits and hyphens')
    .requiredOption('--title <title>')
    .option('--appellant <name>')
    .option('--anonymise', 'show the appellant by initials in every generated page')
    .option('--reference <ref>')
    .option('--tribunal <id>', 'uk-ftt-iac | uk-ut-iac | us-eoir')
    .option('--hearing <date>', 'YYYY-MM-DD')
    .option('--protect <text>', 'a further name or number to keep out of the bundle (alias, family member, address, phone); repeatable', collect, [])
    .action((slug: string, o: { title: string; appellant?: string; anonymise?: boolean; reference?: string; tribunal?: string; hearing?: string; protect: string[] }) =>
      run(async () => {
        const c = ctx();
        const ops = await loadOps();
        if (o.tribunal !== undefined && !(TRIBUNAL_IDS as readonly string[]).includes(o.tribunal)) {
          throw new InvalidInputError(`--tribunal must be one of ${TRIBUNAL_IDS.join(', ')}, not "${o.tribunal}".`);
        }
        const ws = await c.workspace('write');
        const created = await ops.createCase(ws, {
          slug,
          title: o.title,
          ...(o.appellant ? { appellant: o.appellant } : {}),
          anonymise: o.anonymise === true,
          ...(o.reference ? { reference: o.reference } : {}),
          ...(o.tribunal ? { tribunal: o.tribunal as (typeof TRIBUNAL_IDS)[number] } : {}),
          ...(o.hearing ? { hearing: dateOption('--hearing', o.hearing, true)! } : {}),
          protect: o.protect,
        });
        c.result(created, `Case ${created.slug} created (${created.tribunal}).`);
      }),
    );

  kase
    .command('update')
    .description("change a case's details and the names and numbers it protects")
    .argument('<slug>')
    .option('--title <title>')
    .option('--appellant <name>')
    .option('--anonymise', 'show the appellant by initials and warn where the name is still printed')
    .option('--no-anonymise', 'stop anonymising')
    .option('--protect <text>', 'add a name or number to protect (repeatable)', collect, [])
    .option('--unprotect <text>', 'stop protecting a name or number (repeatable)', collect, [])
    .action((slug: string, o: { title?: string; appellant?: string; anonymise?: boolean; protect: string[]; unprotect: string[] }) =>
      run(async () => {
        const c = ctx();
        const ops = await loadOps();
        const ws = await c.workspace('write');
        const updated = await ops.updateCaseDetails(ws, slug, {
          ...(o.title ? { title: o.title } : {}),
          ...(o.appellant !== undefined ? { appellant: o.appellant } : {}),
          ...(o.anonymise !== undefined ? { anonymise: o.anonymise } : {}),
          protect: o.protect,
          unprotect: o.unprotect,
        });
        c.result(updated, `Case ${updated.slug} updated${(updated.protect ?? []).length ? `; protecting ${(updated.protect ?? []).map((t) => `"${t}"`).join(', ')}` : ''}.`);
      }),
    );

  kase
    .command('add')
    .description("add sources to the case's bundle")
    .argument('<slug>')
    .argument('<sourceIds...>')
    .option('--section <name>', 'section letter or title; a new title creates a section')
    .option('--skeleton', 'the skeleton argument: first in section A, its bundle references become links')
    .action((slug: string, ids: string[], o: { section?: string; skeleton?: boolean }) =>
      run(async () => {
        const c = ctx();
        const ops = await loadOps();
        const ws = await c.workspace('write');
        if (o.skeleton && ids.length !== 1) throw new InvalidInputError('--skeleton takes one source: the skeleton argument.');
        const bundle = o.skeleton ? await ops.addSkeleton(ws, slug, ids[0]!) : await ops.addSourcesToCase(ws, slug, ids, o.section);
        c.result(bundle, () => bundle.sections.map((s) => `${s.letter}  ${s.title}: ${s.items.length} item(s)`).join('\n'));
      }),
    );

  kase
    .command('list')
    .description('list cases')
    .action(() =>
      run(async () => {
        const c = ctx();
        const cases = await (await c.workspace('read')).listCases();
        c.result(cases, () => (cases.length === 0 ? 'No cases yet: create one with "sanad case new SLUG --title T".' : cases.map((k) => `${k.slug}  ${k.title}  (${k.tribunal}${k.hearingDate ? `, hearing ${k.hearingDate}` : ''})`).join('\n')));
      }),
    );

  kase
    .command('show')
    .description('show a case, its bundle and warnings')
    .argument('<slug>')
    .action((slug: string) =>
      run(async () => {
        const c = ctx();
        const ops = await loadOps();
        const ws = await c.workspace('read');
        const [details, bundle, warnings] = await Promise.all([ws.getCase(slug), ws.getBundle(slug), ops.caseWarnings(ws, slug)]);
        c.result({ case: details, bundle, warnings }, () =>
          [
            `${details.title} (${details.tribunal})`,
            ...bundle.sections.map((s) => `  ${s.letter}  ${s.title}: ${s.items.map((i) => (i.kind === 'source' ? i.sourceId : i.kind === 'generated' ? `[${i.part}]` : `[divider: ${i.title}]`)).join(', ') || '(empty)'}`),
            ...warnings.map((w) => `  ! ${w.message}`),
          ].join('\n'),
        );
      }),
    );

  program
    .command('build')
    .description('build the bundle PDF (or volumes) and its report, verified')
    .argument('<slug>')
    .option('--out <file.pdf>')
    .action((slug: string, o: { out?: string }) =>
      run(async () => {
        const c = ctx();
        // Chromium starts while the core's modules and the workspace load.
        c.printer.warmUp?.();
        const ops = await loadOps();
        // A bundle written inside the workspace (cases/<slug>/bundles/ by default, or an --out
        // there, symbolic links followed) changes the workspace: take the lock.
        const { isInsideWorkspace } = await import('../../store/index.ts');
        const inside = !o.out || (await isInsideWorkspace(c.workspaceDir, resolve(o.out)));
        const ws = await c.workspace(inside ? 'write' : 'read');
        const { files, report } = await ops.buildCase(ws, slug, {
          printer: c.printer,
          ...(o.out ? { out: resolve(o.out) } : {}),
          onProgress: (p) => c.progress(p.stage, p.done, p.total),
          // Chromium shuts down while the bundle is verified, not after.
          onPrintingDone: () => void c.closePrinter().catch(() => undefined),
        });
        for (const w of report.warnings) c.info(`warning: ${w}`);
        c.result({ files, pages: report.pages, report: files[0]!.replace(/\.pdf$/i, '.report.json'), warnings: report.warnings }, files.join('\n'));
      }),
    );

  program
    .command('verify')
    .description('re-check a built bundle against its report')
    .argument('<file.pdf>')
    .action((file: string) =>
      run(async () => {
        const c = ctx();
        const path = resolve(file);
        const { verifyBuiltFile } = await import('../../verify/index.ts');
        const r = await verifyBuiltFile(path);
        if (!r.ok) throw new VerificationError(file, r.failures);
        c.result({ ok: true, file: path }, `${file}: verified (page count, stamps, links, excerpts).`);
      }),
    );
}
