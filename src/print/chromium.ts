/**
 * Printer backed by a local Chromium driven through playwright-core: used by
 * the command line and the tests. The page runs with JavaScript off and every
 * network request refused, so imported HTML can neither run nor phone home.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { SanadError } from '../errors.ts';
import type { PrintOptions, Printer } from './printer.ts';

/** Flags that keep Chromium quiet and offline on a locked-down machine. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(): string {
  const fromEnv = process.env.SANAD_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new SanadError('NO_CHROMIUM', `SANAD_CHROMIUM points at ${fromEnv}, which does not exist: set it to a Chromium executable.`);
    }
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new SanadError(
      'NO_CHROMIUM',
      'No Chromium found to print pages: install it (Debian: "apt-get install chromium") or set SANAD_CHROMIUM to its path.',
    );
  }
  return found;
}

export class ChromiumPrinter implements Printer {
  private browser: Promise<Browser> | undefined;
  private context: Promise<BrowserContext> | undefined;

  private async ctx(): Promise<BrowserContext> {
    if (!this.context) {
      this.browser = chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
      this.context = this.browser.then(async (b) => {
        const c = await b.newContext({ javaScriptEnabled: false, offline: true });
        await c.route('**/*', (route) => {
          const url = route.request().url();
          return url.startsWith('data:') || url === 'about:blank' ? route.continue() : route.abort();
        });
        return c;
      });
    }
    return this.context;
  }

  async printHtml(html: string, options: PrintOptions): Promise<Uint8Array> {
    const context = await this.ctx();
    const page = await context.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: options.paper,
        landscape: options.landscape ?? false,
        printBackground: true,
        preferCSSPageSize: true,
        tagged: true,
        outline: false,
      });
      return new Uint8Array(pdf);
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    this.context = undefined;
    if (b) await (await b).close();
  }
}
