/**
 * `sanad unlock`: the documented way out of a lock that Sanad cannot prove
 * stale by itself (taken on another host name, or in another container).
 * It refuses while the holder is a running Sanad on this computer.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

export function registerUnlockCommand(program: Command, ctx: () => CliContext, run: (fn: () => Promise<void>) => Promise<void>): void {
  program
    .command('unlock')
    .description('remove a workspace lock left behind (another host name, a restarted computer); refused while its Sanad is running here')
    .action(() =>
      run(async () => {
        const c = ctx();
        const { forceUnlock } = await import('../../store/index.ts');
        const r = await forceUnlock(c.workspaceDir);
        c.result(r, r.removed ? `Removed the lock of ${r.holder} from ${c.workspaceDir}.` : `${c.workspaceDir} was not locked.`);
      }),
    );
}
