/**
 * End-to-end harness: the built renderer served from a loopback server, a
 * temporary workspace behind the real core (createHandlers + dispatch), and a
 * Chromium page given the same `window.sanad` the Electron preload exposes.
 * Its calls go to the core as posts to the loopback server (the shell's IPC
 * takes a millisecond or two; a Playwright binding took 100–200 ms a call,
 * which the app benchmark would have counted as the app's own time).
 * Every request that is not for the loopback server is refused, like the shell.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createHandlers, dispatch, type Handlers } from '../../src/api/handlers.ts';
import { resolveAppFile } from '../../src/api/files.ts';
import { isInside } from '../../src/api/files.ts';
import { PACKAGE_ROOT } from '../../src/paths.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import type { Printer } from '../../src/print/printer.ts';
import type { ApiEvent, ApiEvents } from '../../src/api/contract.ts';
import { initWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';

const DIST = join(PACKAGE_ROOT, 'dist-renderer');
const RENDERER = join(PACKAGE_ROOT, 'renderer');
export const SCREENSHOTS = join(PACKAGE_ROOT, 'test-output', 'screenshots');
const BROWSER_ARGS = ['--lang=en-GB', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.svg': 'image/svg+xml', '.png': 'image/png', '.gif': 'image/gif', '.json': 'application/json' };

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the renderer unless dist-renderer is newer than every renderer file; one build at a time across test workers. */
export async function ensureRendererBuilt(): Promise<void> {
  const index = join(DIST, 'index.html');
  const fresh = () => existsSync(index) && statSync(index).mtimeMs >= newestMtime(RENDERER);
  if (fresh()) return;
  const lock = join(tmpdir(), 'sanad-renderer-build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes belongs to a crashed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (fresh()) return;
    const vite = join(PACKAGE_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const result = spawnSync(process.execPath, [vite, 'build', '--config', join(RENDERER, 'vite.config.ts'), '--logLevel', 'error'], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`The renderer did not build: ${result.stderr || result.stdout}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The path the page's `window.sanad.invoke` posts to (see PRELOAD_SHIM). */
const INVOKE_PATH = '/__sanad/invoke';

/** Reads a request's JSON body. */
async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function serve(getWs: () => Workspace, getHandlers: () => Handlers | undefined, invoked: string[], beforeDispatch?: StartOptions['beforeDispatch']): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'POST' && url.pathname === INVOKE_PATH) {
        // The preload's ipcRenderer.invoke, over loopback: the handlers answer exactly as in the shell.
        const handlers = getHandlers();
        if (!handlers) {
          res.writeHead(503).end();
          return;
        }
        const { method, args } = (await jsonBody(req)) as { method: unknown; args: unknown };
        invoked.push(String(method));
        await beforeDispatch?.(String(method), args);
        const reply = await dispatch(handlers, method, args);
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(reply));
        return;
      }
      let file: string | undefined;
      if (url.pathname.startsWith('/files/')) file = await resolveAppFile(getWs(), url.pathname.slice('/files/'.length));
      else {
        const candidate = resolve(DIST, `.${url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname)}`);
        file = isInside(DIST, candidate) ? candidate : undefined;
      }
      if (!file || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': url.pathname.startsWith('/files/') ? 'application/pdf' : (MIME[extname(file)] ?? 'application/octet-stream'), 'cache-control': 'no-store' });
      createReadStream(file).pipe(res);
    })().catch(() => res.writeHead(500).end());
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, port: (server.address() as { port: number }).port })));
}

/**
 * Defines window.sanad in the page exactly as the preload does: invoke + on,
 * errors as rejections, and pathForFile, which answers from the map the test
 * sets with setDropPaths (the preload asks Electron's webUtils instead).
 */
const PRELOAD_SHIM = `(() => {
  const listeners = new Map();
  let dropPaths = {};
  Object.defineProperty(window, '__sanadEmit', { value: (event, payload) => { for (const l of listeners.get(event) ?? []) l(payload); } });
  Object.defineProperty(window, '__sanadSetDropPaths', { value: (map) => { dropPaths = { ...map }; } });
  const api = {
    invoke: async (method, args) => {
      const response = await fetch('${INVOKE_PATH}', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method, args }) });
      const r = await response.json();
      if (r.ok) return r.value;
      const error = new Error(r.error.message);
      error.code = r.error.code;
      throw error;
    },
    on: (event, listener) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event).delete(listener);
    },
    pathForFile: (file) => (file instanceof File && Object.hasOwn(dropPaths, file.name) ? dropPaths[file.name] : ''),
  };
  Object.defineProperty(window, 'sanad', { value: Object.freeze(api), enumerable: true });
})();`;

export interface AppHarness {
  page: Page;
  browser: Browser;
  ws: Workspace;
  dir: string;
  origin: string;
  /** Files the next "dialog.openFiles" returns. */
  setOpenFiles: (paths: string[]) => void;
  /** What pathForFile answers for a dropped File, by file name (Electron's webUtils in the app). */
  setDropPaths: (paths: Record<string, string>) => Promise<void>;
  /** Pushes an API event to the page, as the main process does (e.g. a menu command). */
  emit: <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => Promise<void>;
  /** Holds every print (generated bundle parts) until resumePrinting: lets a test cancel a build mid-way. */
  pausePrinting: () => void;
  resumePrinting: () => void;
  /** How many print jobs are held by pausePrinting right now. */
  printsWaiting: () => number;
  /** Every request the page made, and the ones the harness refused. */
  requests: string[];
  refused: string[];
  /** The core's methods the page invoked, in order. */
  invoked: string[];
  /** What the app put on the clipboard, oldest first. */
  clipboard: string[];
  screenshot: (name: string) => Promise<string>;
  close: () => Promise<void>;
}

/** A printer whose jobs wait while paused. */
function gatedPrinter(inner: Printer): Printer & { pause: () => void; resume: () => void; waiting: () => number } {
  let gate: { promise: Promise<void>; open: () => void } | undefined;
  let waiting = 0;
  return {
    printHtml: async (html, options) => {
      while (gate) {
        waiting++;
        await gate.promise;
        waiting--;
      }
      return inner.printHtml(html, options);
    },
    waiting: () => waiting,
    close: () => inner.close(),
    pause: () => {
      if (gate) return;
      let open = () => {};
      const promise = new Promise<void>((ok) => (open = ok));
      gate = { promise, open };
    },
    resume: () => {
      const g = gate;
      gate = undefined;
      g?.open();
    },
  };
}

export interface StartOptions {
  /** Runs on the page before the app loads (e.g. page.clock.install()). */
  beforeLoad?: (page: Page) => Promise<void>;
  /** Runs before each call from the page reaches the core (e.g. to hold one answer back). */
  beforeDispatch?: (method: string, args: unknown) => Promise<void> | void;
  /** An existing workspace to open (kept on close) instead of a new empty one (the app benchmark). */
  workspace?: string;
  /** Chromium window size (default 1360 × 860). */
  viewport?: { width: number; height: number };
}

export async function startApp(options: StartOptions = {}): Promise<AppHarness> {
  await ensureRendererBuilt();
  const dir = options.workspace ?? (await mkdtemp(join(tmpdir(), 'sanad-e2e-')));
  if (!options.workspace) await initWorkspace(dir);
  const ws = await openWorkspace(dir);
  // The handlers need the page (for events), and the page the server: the server asks for them per call.
  const core: { handlers?: Handlers } = {};
  const invoked: string[] = [];
  const { server, port } = await serve(() => ws, () => core.handlers, invoked, options.beforeDispatch);
  const origin = `http://127.0.0.1:${port}`;
  const printer = gatedPrinter(new ChromiumPrinter());
  let openFiles: string[] = [];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: BROWSER_ARGS, headless: true });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1360, height: 860 }, deviceScaleFactor: 1, locale: 'en-GB' });
  const requests: string[] = [];
  const refused: string[] = [];
  const clipboard: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    refused.push(url);
    // Like the shell's will-navigate veto: a navigation answered locally with
    // 204 No Content leaves the page where it is; anything else is aborted.
    return route.request().isNavigationRequest() ? route.fulfill({ status: 204 }) : route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('request', (r) => void requests.push(r.url()));
  core.handlers = createHandlers({
    ws,
    printer,
    filesBaseUrl: `${origin}/files/`,
    openFiles: async () => openFiles,
    writeClipboard: async (text) => void clipboard.push(text),
    emit: (event, payload) => {
      void page.evaluate(([e, p]) => (globalThis as unknown as { __sanadEmit: (e: unknown, p: unknown) => void }).__sanadEmit(e, p), [event, payload] as const).catch(() => undefined);
    },
  });
  await page.addInitScript(PRELOAD_SHIM);
  await options.beforeLoad?.(page);
  // As the shell does once its window is loading (electron/app.ts): the index opens meanwhile.
  void ws.index().catch(() => undefined);
  await page.goto(`${origin}/`);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  mkdirSync(SCREENSHOTS, { recursive: true });

  return {
    page,
    browser,
    ws,
    dir,
    origin,
    requests,
    refused,
    invoked,
    clipboard,
    setOpenFiles: (paths) => void (openFiles = paths),
    setDropPaths: async (paths) => {
      await page.evaluate((p) => (globalThis as unknown as { __sanadSetDropPaths: (p: unknown) => void }).__sanadSetDropPaths(p), paths);
    },
    emit: async (event, payload) => {
      await page.evaluate(([e, p]) => (globalThis as unknown as { __sanadEmit: (e: unknown, p: unknown) => void }).__sanadEmit(e, p), [event, payload] as const);
    },
    pausePrinting: () => printer.pause(),
    resumePrinting: () => printer.resume(),
    printsWaiting: () => printer.waiting(),
    screenshot: async (name) => {
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    close: async () => {
      printer.resume();
      await browser.close();
      await printer.close();
      await new Promise((ok) => server.close(ok));
      await ws.close();
      if (!options.workspace) await rm(dir, { recursive: true, force: true });
    },
  };
}
