/**
 * The desktop app's Printer: the core's HTML (templates with fonts and images
 * inlined) printed with Electron's own Chromium through printToPDF, in a
 * hidden window that runs no JavaScript, has no preload and lives in its own
 * in-memory session where only the print job itself and data: URLs load.
 * The HTML is served from memory (a data: URL would exceed Chromium's URL
 * limit once fonts are inlined).
 */
import { randomUUID } from 'node:crypto';
import { BrowserWindow, session as electronSession, type PrintToPDFOptions, type Session } from 'electron';
import type { PrintOptions, Printer } from '../src/print/printer.ts';
import { APP_ORIGIN, APP_SCHEME, isAppUrl, permissionDecision } from './security.ts';
import { printWindowOptions } from './window-options.ts';

/** No `persist:` prefix: the print session never touches the disk. */
export const PRINT_PARTITION = 'sanad-print';
const PRINT_PATH = '/print/';

/** A print page may load only inline styles, data: fonts and data: images. */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

/** Same choices as the Playwright printer: CSS @page decides size and margins. */
export function printToPdfOptions(options: PrintOptions): PrintToPDFOptions {
  return {
    pageSize: options.paper,
    landscape: options.landscape ?? false,
    printBackground: true,
    preferCSSPageSize: true,
    generateTaggedPDF: options.tagged ?? true,
    generateDocumentOutline: false,
    displayHeaderFooter: false,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  };
}

export function printJobUrl(token: string): string {
  return `${APP_ORIGIN}${PRINT_PATH}${token}.html`;
}

/** The job token in a print URL, or undefined for anything else. */
export function printTokenOf(url: string): string | undefined {
  if (!isAppUrl(url)) return undefined;
  const m = /^\/print\/([0-9a-f-]{36})\.html$/.exec(new URL(url).pathname);
  return m?.[1];
}

/** Requests the print session lets through: the job page and inline data. */
export function shouldAllowPrintRequest(url: string): boolean {
  return url.startsWith('data:') || printTokenOf(url) !== undefined;
}

export class ElectronPrinter implements Printer {
  readonly #jobs = new Map<string, string>();
  #session: Session | undefined;
  #closed = false;

  #printSession(): Session {
    if (this.#session) return this.#session;
    const s = electronSession.fromPartition(PRINT_PARTITION, { cache: false });
    s.protocol.handle(APP_SCHEME, (request) => {
      const token = printTokenOf(request.url);
      const html = token === undefined ? undefined : this.#jobs.get(token);
      if (html === undefined) return new Response('Not found', { status: 404 });
      return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PRINT_CSP } });
    });
    s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !shouldAllowPrintRequest(details.url) }));
    s.setPermissionRequestHandler((_wc, permission, callback, details) => callback(permissionDecision(permission, details.requestingUrl)));
    s.setPermissionCheckHandler((_wc, permission, requestingOrigin) => permissionDecision(permission, requestingOrigin));
    this.#session = s;
    return s;
  }

  async printHtml(html: string, options: PrintOptions): Promise<Uint8Array> {
    if (this.#closed) throw new Error('The printer was closed: restart Sanad to print again.');
    this.#printSession();
    const token = randomUUID();
    this.#jobs.set(token, html);
    const win = new BrowserWindow(printWindowOptions(PRINT_PARTITION));
    try {
      await win.loadURL(printJobUrl(token));
      const pdf = await win.webContents.printToPDF(printToPdfOptions(options));
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      this.#jobs.delete(token);
      if (!win.isDestroyed()) win.destroy();
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#jobs.clear();
  }
}
