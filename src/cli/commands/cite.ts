/** `sanad cite EXCERPT_ID`: the pinpoint to paste into a skeleton argument. */
import type { Command } from 'commander';
import { InvalidInputError } from '../../errors.ts';
import type { CliContext } from '../context.ts';

const STYLES = ['oscola', 'bundle', 'both'] as const;

export function registerCiteCommand(program: Command, ctx: () => CliContext, run: (fn: () => Promise<void>) => Promise<void>): void {
  program
    .command('cite')
    .description('print the pinpoint citation of an excerpt, with its page in the last build of the case')
    .argument('<excerpt-id>')
    .option('--case <slug>', 'case whose last build gives the bundle page (default: the one case whose bundle holds the excerpt)')
    .option('--style <style>', 'oscola, bundle or both', 'both')
    .action((id: string, o: { case?: string; style: string }) =>
      run(async () => {
        const style = STYLES.find((s) => s === o.style);
        if (!style) throw new InvalidInputError(`--style must be one of ${STYLES.join(', ')}, not "${o.style}".`);
        const c = ctx();
        const { citeExcerpt } = await import('../../ops/cite.ts');
        const ws = await c.workspace('read');
        const r = await citeExcerpt(ws, id, { style, ...(o.case ? { caseSlug: o.case } : {}) });
        if (r.bundlePage === undefined && style === 'both') {
          c.info(r.caseSlug ? `The excerpt is not in the last build of case "${r.caseSlug}": build it to get a bundle page.` : 'No built bundle holds this excerpt: pass --case SLUG and build that case to get a bundle page.');
        }
        c.result(
          { text: r.text, bundlePage: r.bundlePage ?? null, bundleLabel: r.bundleLabel ?? null, bundleReference: r.bundleReference ?? null, sourcePage: r.sourcePage, paragraph: r.paragraph ?? null, case: r.caseSlug ?? null },
          r.text,
        );
      }),
    );
}
