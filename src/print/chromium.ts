/**
 * Printer backed by a local Chromium driven through playwright-core: used by
 * the command line and the tests. The page runs with JavaScript off and every
 * network request refused, so imported HTML can neither run nor phone home.
 *
 * Chromium runs with its sandbox on. Chromium refuses to sandbox itself as
 * root, so as root it is started as the unprivileged user `nobody` (through
 * a small wrapper using setpriv, sandbox.ts) and sandboxes itself there.
 * Turning the sandbox off is an explicit opt-in for containers that cannot
 * provide it: SANAD_CHROMIUM_NO_SANDBOX=1.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, LaunchOptions, Page } from 'playwright-core';
import { SanadError } from '../errors.ts';
import type { PrintOptions, Printer } from './printer.ts';
import { NO_SANDBOX_ENV, releaseUnprivilegedWrapper, sandboxMode, unprivilegedWrapper } from './sandbox.ts';

// playwright-core is CommonJS: required, not imported, it loads about 0.2 s faster (an ES import
// first scans its modules for their export names).
const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');

/** Flags that keep Chromium quiet and offline on a locked-down machine (never --no-sandbox: see launchOptions). */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** How Chromium is launched: sandbox on unless the environment opts out; as root, through the unprivileged wrapper. */
export function launchOptions(env: NodeJS.ProcessEnv = process.env, uid: number | undefined = process.getuid?.()): LaunchOptions {
  const chromiumPath = findChromium(env);
  const mode = sandboxMode(env, uid);
  return {
    executablePath: mode === 'unprivileged' ? unprivilegedWrapper(chromiumPath) : chromiumPath,
    args: mode === 'off' ? [...CHROMIUM_ARGS, '--no-sandbox'] : CHROMIUM_ARGS,
    chromiumSandbox: mode !== 'off',
    headless: true,
  };
}

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.SANAD_CHROMIUM;
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

/** A launched Chromium and the giving back of the sandbox wrapper it was started through (call after closing it). */
interface Launched {
  browser: Promise<Browser>;
  release: () => void;
}

function launch(): Launched {
  let options: LaunchOptions;
  try {
    options = launchOptions();
  } catch (e) {
    return { browser: Promise.reject(e), release: () => undefined };
  }
  let released = false;
  // Gives back the wrapper when Chromium was started through one (otherwise nothing to give back).
  const release = () => {
    if (!released && options.executablePath) releaseUnprivilegedWrapper(options.executablePath);
    released = true;
  };
  return { browser: launchSandboxed(options), release };
}

async function launchSandboxed(options: LaunchOptions): Promise<Browser> {
  try {
    return await chromium.launch(options);
  } catch (e) {
    if (!options.chromiumSandbox) throw e;
    const detail = (e instanceof Error ? e.message : String(e)).split('\n').find((l) => l.trim()) ?? 'no detail';
    throw new SanadError(
      'CHROMIUM_SANDBOX',
      `Chromium could not start with its sandbox on (${detail.slice(0, 200)}): on a normal computer, check that user namespaces are allowed; in a container that cannot provide the sandbox, set ${NO_SANDBOX_ENV}=1 to print without it (see README, "Printing and the Chromium sandbox").`,
      { cause: e },
    );
  }
}

/** Starts and stops a sandboxed Chromium: true when printing will work as configured (used by .ci/run). */
export async function sandboxWorks(): Promise<boolean> {
  const { browser, release } = launch();
  try {
    await (await browser).close();
    return true;
  } catch {
    return false;
  } finally {
    release();
  }
}

/** Idle pages kept for reuse (the bundle prints up to three documents at once). */
const MAX_IDLE_PAGES = 3;

export class ChromiumPrinter implements Printer {
  private browser: Promise<Browser> | undefined;
  private context: Promise<BrowserContext> | undefined;
  private release: (() => void) | undefined;

  private async ctx(): Promise<BrowserContext> {
    if (!this.context) {
      const launched = launch();
      this.browser = launched.browser;
      this.release = launched.release;
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

  /** Pages whose last print succeeded, kept for the next one (see printHtml). */
  private idle: Page[] = [];

  /**
   * Prints on an idle page when there is one: a fresh page costs a renderer
   * set-up and a slow first print (print compositor, font caches), about as
   * long as the print itself. setContent replaces the whole document, and
   * pages run no JavaScript and reach no network, so nothing of one document
   * survives into the next. A page whose print failed is closed, never reused.
   */
  async printHtml(html: string, options: PrintOptions): Promise<Uint8Array> {
    const context = await this.ctx();
    // A print asked for while the warm-up runs takes the warmed page rather than starting a second
    // renderer beside it (both would share the cores, and the fresh one would print cold).
    if (this.idle.length === 0 && this.warming) {
      this.waiting++;
      try {
        await this.warming;
      } finally {
        this.waiting--;
      }
    }
    const page = this.idle.pop() ?? (await context.newPage());
    let ok = false;
    try {
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: options.paper,
        landscape: options.landscape ?? false,
        printBackground: true,
        preferCSSPageSize: true,
        tagged: options.tagged ?? true,
        outline: false,
      });
      ok = true;
      return new Uint8Array(pdf);
    } finally {
      if (ok && this.context && this.idle.length < MAX_IDLE_PAGES) this.idle.push(page);
      else await page.close().catch(() => undefined);
    }
  }

  private warming: Promise<void> | undefined;
  /** Prints waiting for the warm-up's page. */
  private waiting = 0;

  /**
   * Launches Chromium and readies one page (a first print of a one-line
   * document warms its print compositor and fonts) without waiting: the CLI
   * starts this before it loads the workspace, so the launch runs beside
   * Node's own start-up instead of before the first real print. A failure
   * here is silent: the first real print meets the same failed launch and
   * reports it.
   */
  warmUp(): void {
    if (this.warming || this.idle.length) return;
    this.warming = (async () => {
      const context = await this.ctx();
      const page = await context.newPage();
      // A real print already waiting warms Chromium itself: it gets the page at once.
      if (this.waiting === 0) {
        await page.setContent('<!doctype html><html lang="en"><title>-</title><p>-</p></html>', { waitUntil: 'load' });
        await page.pdf({ format: 'A4', tagged: true, outline: false });
      }
      if (this.context && this.idle.length < MAX_IDLE_PAGES) this.idle.push(page);
      else await page.close();
    })().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.warming;
    const b = this.browser;
    const release = this.release;
    this.browser = undefined;
    this.context = undefined;
    this.release = undefined;
    this.idle = [];
    try {
      // A launch that failed has nothing to close (its error went to the print that met it).
      const browser = await b?.catch(() => undefined);
      if (browser) await browser.close();
    } finally {
      // The sandbox wrapper goes with the last browser started through it.
      release?.();
    }
  }
}
