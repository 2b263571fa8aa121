/**
 * What bin/sanad.js runs before it loads the command line: for the verbs that
 * print, the printing thread starts at once (print/thread-printer.ts), so its
 * Playwright loads while the main thread loads the rest.
 */
import { prestartPrinterThread } from '../print/thread-printer.ts';

/** Verbs whose first real work waits on Chromium. */
const PRINTING_VERBS = new Set(['build', 'demo']);

/** The verb of a `sanad` command line (after the global options), if any. */
export function verbOf(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--workspace') i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/** Starts the printing thread when `args` (process.argv after the script) run a printing verb, not its help. */
export function prestartFor(args: string[]): boolean {
  const verb = verbOf(args);
  if (!verb || !PRINTING_VERBS.has(verb) || args.some((a) => a === '-h' || a === '--help')) return false;
  prestartPrinterThread();
  return true;
}
