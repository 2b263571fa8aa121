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
import type { BrowserContext, LaunchOptions, Page } from 'playwright-core';
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

/**
 * Where Chromium is looked for, best first. Debian's `chromium-headless-shell` package (the
 * "old headless shell": the same Blink, Skia and print code as the browser, without the
 * browser's profile, sign-in, component and extension services) starts in about 0.5 s where the
 * full browser takes 1.2–2 s, and prints a small document in a fraction of the time; it is what
 * Playwright itself runs for headless Chromium. Its real binary is named, not the
 * /usr/bin/chromium-headless-shell script, which runs it as a child instead of replacing itself.
 * The full browser is the fallback.
 */
export const CHROMIUM_CANDIDATES = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The Chromium to print with: SANAD_CHROMIUM when set, else the first of CHROMIUM_CANDIDATES that exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string {
  const fromEnv = env.SANAD_CHROMIUM;
  if (fromEnv) {
    if (!exists(fromEnv)) {
      throw new SanadError('NO_CHROMIUM', `SANAD_CHROMIUM points at ${fromEnv}, which does not exist: set it to a Chromium executable.`);
    }
    return fromEnv;
  }
  const found = CHROMIUM_CANDIDATES.find((p) => exists(p));
  if (!found) {
    throw new SanadError(
      'NO_CHROMIUM',
      'No Chromium found to print pages: install it (Debian: "apt-get install chromium-headless-shell", or "chromium") or set SANAD_CHROMIUM to its path.',
    );
  }
  return found;
}

/** A launched Chromium and the giving back of the sandbox wrapper it was started through (call after closing it). */
interface Launched {
  context: Promise<BrowserContext>;
  release: () => void;
}

function launch(): Launched {
  let options: LaunchOptions;
  try {
    options = launchOptions();
  } catch (e) {
    return { context: Promise.reject(e), release: () => undefined };
  }
  let released = false;
  // Gives back the wrapper when Chromium was started through one (otherwise nothing to give back).
  const release = () => {
    if (!released && options.executablePath) releaseUnprivilegedWrapper(options.executablePath);
    released = true;
  };
  return { context: launchSandboxed(options), release };
}

/** What every page may do: run no JavaScript and reach no network (requests are also refused by route, ChromiumPrinter). */
const PAGE_OPTIONS = { javaScriptEnabled: false, offline: true } as const;

/**
 * Chromium with one browsing context on a temporary profile (Playwright makes the folder and
 * removes it on close, as it does for a plain launch). Launched this way, Chromium opens its first
 * page while it starts, so the first print does not wait for a renderer of its own afterwards.
 */
async function launchSandboxed(options: LaunchOptions): Promise<BrowserContext> {
  try {
    return await chromium.launchPersistentContext('', { ...options, ...PAGE_OPTIONS });
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
  const { context, release } = launch();
  try {
    await (await context).close();
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
  /** Chromium as launched (closing it closes the browser). */
  private launched: Promise<BrowserContext> | undefined;
  /** The same context once every request is routed (the pages' only way out is refused). */
  private context: Promise<BrowserContext> | undefined;
  private release: (() => void) | undefined;

  private async ctx(): Promise<BrowserContext> {
    if (!this.context) {
      const launched = launch();
      this.launched = launched.context;
      this.release = launched.release;
      const context = this.launched.then(async (c) => {
        await c.route('**/*', (route) => {
          const url = route.request().url();
          return url.startsWith('data:') || url === 'about:blank' ? route.continue() : route.abort();
        });
        // The page Chromium opened as it started (about:blank): the first print takes it.
        if (this.context === context) this.idle.push(...c.pages().slice(0, MAX_IDLE_PAGES));
        return c;
      });
      this.context = context;
    }
    return this.context;
  }

  /** Pages whose last print succeeded (or Chromium's first, blank page), kept for the next one (see printHtml). */
  private idle: Page[] = [];
  /** Prints asked for so far: a warm-up that finds one asked for leaves the compositor to it. */
  private asked = 0;

  /**
   * Prints on an idle page when there is one: a fresh page costs a renderer
   * set-up and a slow first print (print compositor, font caches), about as
   * long as the print itself. setContent replaces the whole document, and
   * pages run no JavaScript and reach no network, so nothing of one document
   * survives into the next. A page whose print failed is closed, never reused.
   */
  async printHtml(html: string, options: PrintOptions): Promise<Uint8Array> {
    this.asked++;
    const context = await this.ctx();
    // A print asked for while the warm-up runs takes the warmed page rather than starting a second
    // renderer beside it (both would share the cores, and the fresh one would print cold).
    if (this.idle.length === 0 && this.warming) await this.warming;
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
      // A real print asked for meanwhile warms Chromium itself, on the first page.
      if (this.asked > 0) return;
      const page = this.idle.pop() ?? (await context.newPage());
      await page.setContent('<!doctype html><html lang="en"><title>-</title><p>-</p></html>', { waitUntil: 'load' });
      await page.pdf({ format: 'A4', tagged: true, outline: false });
      if (this.context && this.idle.length < MAX_IDLE_PAGES) this.idle.push(page);
      else await page.close();
    })().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.warming;
    const launched = this.launched;
    const release = this.release;
    this.launched = undefined;
    this.context = undefined;
    this.release = undefined;
    this.idle = [];
    try {
      // A launch that failed has nothing to close (its error went to the print that met it).
      const context = await launched?.catch(() => undefined);
      if (context) await context.close();
    } finally {
      // The sandbox wrapper goes with the last browser started through it.
      release?.();
    }
  }
}
