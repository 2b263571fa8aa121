/**
 * The `sanad` command line: the same core as the app, for automation.
 * Results go to stdout (JSON with --json), messages and progress to stderr;
 * every error is one sentence and a non-zero exit code.
 */
import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { isSanadError } from '../errors.ts';
import { registerCaseCommands } from './commands/cases.ts';
import { registerLibraryCommands } from './commands/library.ts';
import { registerRedactionCommands } from './commands/redact.ts';
import { registerCiteCommand } from './commands/cite.ts';
import { registerUnlockCommand } from './commands/unlock.ts';
import { CliContext } from './context.ts';

/**
 * For the `sanad` process itself (bin/sanad.js), not for a caller of main():
 * that process runs nothing but the core, where pdfjs is the only user of
 * DecompressionStream, so its pdfjs inflates with zlib directly, as the
 * parsing and extraction workers do (sync-inflate.ts). `sanad verify` of the
 * bench bundle spent about 7% of its time in the web stream machinery.
 */
export { installSyncInflate } from '../pdf/sync-inflate.ts';

export async function main(argv: string[], io: { stdout?: NodeJS.WritableStream; stderr?: NodeJS.WritableStream } = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  let exitCode = 0;
  let context: CliContext | undefined;
  const program = new Command('sanad')
    .description('Sanad: evidence bundles for asylum appeals, offline.')
    .option('--workspace <dir>', 'workspace folder (default: $SANAD_WORKSPACE, else ~/Sanad)')
    .option('--json', 'machine-readable result on stdout')
    .exitOverride()
    .configureOutput({ writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(s) })
    .showHelpAfterError(false);

  const ctx = () => (context ??= new CliContext(program.opts(), stdout, stderr));
  const run = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      exitCode = report(e, stderr);
    } finally {
      await context?.close();
    }
  };
  registerLibraryCommands(program, ctx, run);
  registerCaseCommands(program, ctx, run);
  registerRedactionCommands(program, ctx, run);
  registerCiteCommand(program, ctx, run);
  registerUnlockCommand(program, ctx, run);
  program
    .command('demo')
    .description('build the demo case from examples/ into out/ and print the bundle path')
    .option('--out <dir>', 'output folder', 'out')
    .action((o: { out: string }) =>
      run(async () => {
        const { buildDemo } = await import('./commands/demo.ts');
        const c = ctx();
        const result = await buildDemo(c, resolve(o.out));
        c.result(result, result.bundle);
      }),
    );

  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    return report(e, stderr);
  }
  return exitCode;
}

function report(e: unknown, stderr: NodeJS.WritableStream): number {
  if (isSanadError(e)) {
    stderr.write(`sanad: ${e.message}\n`);
    if (process.env.SANAD_DEBUG && e.cause) stderr.write(`${String((e.cause as Error).stack ?? e.cause)}\n`);
    return 1;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  stderr.write(`sanad: unexpected error (${err.message}): please report it with the command you ran.\n`);
  if (process.env.SANAD_DEBUG) stderr.write(`${err.stack}\n`);
  return 2;
}
