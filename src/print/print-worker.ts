/**
 * The printing thread (see thread-printer.ts): loads playwright-core, drives
 * Chromium through ChromiumPrinter, and answers print requests from the
 * thread that started it. Keeping Playwright here takes its loading (about
 * half a second) and its protocol work off the thread that plans and
 * assembles the bundle, so on a machine with two cores both run at once.
 */
import { parentPort } from 'node:worker_threads';
import { isSanadError } from '../errors.ts';
import type { PrintOptions } from './printer.ts';

export type PrintRequest =
  | { type: 'warm' }
  | { type: 'print'; id: number; html: string; options: PrintOptions }
  | { type: 'close' };

export type PrintReply =
  | { type: 'printed'; id: number; pdf: Uint8Array }
  | { type: 'failed'; id: number; error: { name: string; code?: string; message: string } };

const port = parentPort;
if (port) {
  // Playwright's 7 MB of bundles compile from V8's cached code (code-cache.ts), unless turned off.
  const cache = process.env.SANAD_CODE_CACHE === 'off' ? undefined : await import('./code-cache.ts');
  cache?.installCodeCache({ match: cache.isPlaywrightBundle });
  const { ChromiumPrinter } = await import('./chromium.ts');
  const printer = new ChromiumPrinter();
  port.on('message', (m: PrintRequest) => {
    if (m.type === 'warm') printer.warmUp();
    else if (m.type === 'print') {
      printer.printHtml(m.html, m.options).then(
        (pdf) => port.postMessage({ type: 'printed', id: m.id, pdf } satisfies PrintReply, [pdf.buffer as ArrayBuffer]),
        (error: unknown) => {
          const e = isSanadError(error)
            ? { name: error.name, code: error.code, message: error.message }
            : { name: 'Error', message: error instanceof Error ? error.message : String(error) };
          port.postMessage({ type: 'failed', id: m.id, error: e } satisfies PrintReply);
        },
      );
    } else {
      // Chromium closed, the code cache written when it was missing (with the printing code compiled
      // by now), then the thread ends (its exit handlers remove the sandbox wrapper).
      void printer
        .close()
        .catch(() => undefined)
        .then(() => cache?.saveCodeCache())
        .then(() => process.exit(0));
    }
  });
}
