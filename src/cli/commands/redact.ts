/** Redaction commands: redact (by text or by area), redactions, unredact. */
import type { Command } from 'commander';
import { InvalidInputError } from '../../errors.ts';
import { redactionLabel, type Redaction } from '../../model/index.ts';
import type { CliContext } from '../context.ts';

const loadOps = () => import('../../ops/index.ts');

type Ctx = () => CliContext;

function pageOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n > 0)) throw new InvalidInputError(`--page must be a page number, not "${value}".`);
  return n;
}

function describe(r: Redaction): string {
  const what = r.kind === 'text' ? `“${r.quote.exact}”` : `area ${r.area.x},${r.area.y},${r.area.w},${r.area.h}`;
  const status = r.anchor.status === 'orphaned' ? '  [not found in the current edition]' : r.anchor.status === 'exact' ? '' : `  [${r.anchor.status}: check it]`;
  return `${r.id}  ${r.sourceId} p${r.page}  ${what}  (${redactionLabel(r)})${status}`;
}

export function registerRedactionCommands(program: Command, ctx: Ctx, run: (fn: () => Promise<void>) => Promise<void>): void {
  program
    .command('redact')
    .description('redact text (every occurrence, or on one page) or an area of a page, in the bundle only')
    .argument('<sourceId>')
    .option('--text <text>', 'the words to redact (every occurrence; with --page, those on that page)')
    .option('--page <n>', 'the page (required with --rect)')
    .option('--rect <x,y,w,h>', 'an area in PDF points from the top-left corner of the page as shown')
    .option('--reason <reason>', 'anonymity-order, third-party, irrelevant, privilege, or other words (shown on the box)')
    .option('--by <name>', 'who redacts, for the redaction log')
    .action((sourceId: string, o: { text?: string; page?: string; rect?: string; reason?: string; by?: string }) =>
      run(async () => {
        const c = ctx();
        const ops = await loadOps();
        if ((o.text === undefined) === (o.rect === undefined)) throw new InvalidInputError('Give either --text TEXT or --page N --rect X,Y,W,H to say what to redact.');
        const page = pageOption(o.page);
        const fields = { ...ops.parseReason(o.reason), ...(o.by ? { createdBy: o.by } : {}) };
        const ws = await c.workspace('write');
        if (o.rect !== undefined) {
          if (page === undefined) throw new InvalidInputError('--rect needs --page N: say which page the area is on.');
          const r = await ops.redactArea(ws, { sourceId, page, rect: ops.parseRect(o.rect), ...fields });
          c.result([r], describe(r));
          return;
        }
        const { created, existing } = await ops.redactText(ws, { sourceId, text: o.text!, ...(page ? { page } : {}), ...fields });
        if (existing.length > 0) c.info(`${existing.length} occurrence(s) were already redacted.`);
        c.result([...created, ...existing], () => [...created, ...existing].map(describe).join('\n'));
      }),
    );

  program
    .command('redactions')
    .description("list redactions (of one source, or of every source)")
    .argument('[sourceId]')
    .option('--case <slug>', "the library and this case's documents")
    .action((sourceId: string | undefined, o: { case?: string }) =>
      run(async () => {
        const c = ctx();
        const ops = await loadOps();
        const ws = await c.workspace('read');
        const list = await ops.listRedactions(ws, { ...(sourceId ? { sourceId } : {}), ...(o.case ? { caseSlug: o.case } : {}) });
        c.result(list, () => (list.length === 0 ? 'No redactions.' : list.map(describe).join('\n')));
      }),
    );

  program
    .command('unredact')
    .description('remove a redaction')
    .argument('<redactionId>')
    .action((id: string) =>
      run(async () => {
        const c = ctx();
        const ops = await loadOps();
        const r = await ops.unredact(await c.workspace('write'), id);
        c.result(r, `Removed ${describe(r)}`);
      }),
    );
}
