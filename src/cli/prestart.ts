/**
 * What bin/sanad.js runs before it loads the command line, so the slow loads
 * of a verb's first real work run beside the main thread's own: for the verbs
 * that print, the printing thread (print/thread-printer.ts, its Playwright);
 * for an import of a PDF, the parsing worker (ingest/pdf-worker.ts, its
 * pdf-lib and pdfjs, and its text-extraction workers). The command later
 * takes what was started; a command that ends first is not held by either.
 */
import { prestartPrinterThread } from '../print/thread-printer.ts';

/** Verbs whose first real work waits on Chromium. */
const PRINTING_VERBS = new Set(['build', 'demo']);

/** Verbs that parse the PDFs named on their command line (`sanad import FILE…`). */
const PDF_VERBS = new Set(['import']);

/** The position of the verb in a `sanad` command line (after the global options), or -1. */
function verbIndex(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--workspace') i++;
    else if (!a.startsWith('-')) return i;
  }
  return -1;
}

/** The verb of a `sanad` command line (after the global options), if any. */
export function verbOf(args: string[]): string | undefined {
  const i = verbIndex(args);
  return i < 0 ? undefined : args[i];
}

/** What prestartFor started. */
export type Prestarted = 'printer' | 'pdf-worker' | undefined;

/**
 * What to start for `args` (process.argv after the script): the printing thread for a printing verb,
 * the PDF parsing worker for an import that names a *.pdf file; nothing for a verb's help.
 */
export function prestartPlan(args: string[]): Prestarted {
  const at = verbIndex(args);
  const verb = at < 0 ? undefined : args[at];
  if (!verb || args.some((a) => a === '-h' || a === '--help')) return undefined;
  if (PRINTING_VERBS.has(verb)) return 'printer';
  // An option's value that looks like a file name only starts a worker the command does not use.
  if (PDF_VERBS.has(verb) && args.slice(at + 1).some((a) => !a.startsWith('-') && /\.pdf$/i.test(a))) return 'pdf-worker';
  return undefined;
}

/** Starts what prestartPlan names for `args`, without keeping the process alive for it; returns it. */
export function prestartFor(args: string[]): Prestarted {
  const plan = prestartPlan(args);
  if (plan === 'printer') prestartPrinterThread();
  // Loaded on demand, so every other command starts without it.
  else if (plan === 'pdf-worker') void import('../ingest/pdf-worker.ts').then((m) => m.warmPdfWorker(), () => undefined);
  return plan;
}
