/**
 * A V8 code cache for the large CommonJS files the printing thread loads
 * before it can start Chromium: playwright-core's two bundles, 7 MB of
 * JavaScript that V8 compiles afresh on every `sanad build` (about 200 ms of a
 * half-second load, on the path to the first print). Node 22 caches compiled
 * code itself (module.enableCompileCache, 22.1 and later), and that is used
 * where it exists, for every module; Node 20, which the command line
 * supports, has none, so this does the same for the files it is given.
 *
 * The matching files are compiled as Node compiles any CommonJS module (the
 * same wrapper, a require of their own, their file name in stack traces), with
 * the code V8 produced for them on an earlier run. V8 checks that code against
 * the source, its own version and its flags, and compiles normally when any
 * differs; the cache is then written again. Caches live in a folder of the
 * user's own (see defaultCacheDir), one file per source file, named by its
 * path, its size and modification time and the Node version: an upgrade of
 * either writes a new one and removes the old. A cache that cannot be read or
 * written costs the compile it would have saved, never the print.
 *
 * One difference from Node's own loading: on Node 20 an import() inside code
 * compiled from a cache fails (a Node bug: the dynamic import callback is
 * lost), so only files whose import() calls are never reached may be cached.
 * Playwright's bundles call import() only to load vite and kerberos, for
 * component testing and proxy authentication, which Sanad does not use, and
 * node:crypto where globalThis.crypto is missing, which it never is on Node 20
 * (test/print/code-cache.test.ts checks this on every upgrade).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** What became of one matching file's cache on this run. */
export type CacheUse = 'used' | 'rejected' | 'absent';

interface Compiled {
  filename: string;
  script: Script;
  cacheFile: string;
  use: CacheUse;
  saved?: boolean;
}

type CompileFn = (this: Module, content: string, filename: string) => unknown;

const compiled: Compiled[] = [];
let installed: { dir: string } | undefined;

/** The folder for caches: SANAD_CACHE_DIR, else the platform's per-user cache folder. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (env.SANAD_CACHE_DIR) return join(env.SANAD_CACHE_DIR, 'code');
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'Sanad', 'Cache', 'code');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'Sanad', 'code');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'sanad', 'code');
}

const hash = (parts: unknown[]) => createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);

/** The start of every cache file name for a source file's path: `<name>.<hash of the path>.` */
function cachePrefix(filename: string): string {
  return `${basename(filename)}.${hash([filename])}.`;
}

/** The cache file for a source file as it is now, under this Node. */
function cacheFileFor(dir: string, filename: string): string {
  const s = statSync(filename);
  return join(dir, `${cachePrefix(filename)}${hash([s.size, s.mtimeMs, process.version, process.arch])}.v8`);
}

/** The cached code, when the file is ours (on POSIX: owned by this user) and readable. */
function readCache(file: string): Buffer | undefined {
  try {
    const uid = process.getuid?.();
    if (uid !== undefined && statSync(file).uid !== uid) return undefined;
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * From now on, CommonJS files for which `match` holds are compiled with their
 * cached code from `dir` (created when missing, readable by this user only).
 * Call before the first require of those files; later calls do nothing.
 */
export function installCodeCache(options: { match: (filename: string) => boolean; dir?: string }): void {
  if (installed) return;
  const dir = options.dir ?? defaultCacheDir();
  const own = (Module as unknown as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  if (own) {
    // Node's own cache (22.1+): every module, ES modules included.
    installed = { dir };
    try {
      own(dir);
    } catch {
      // Compiles as usual.
    }
    return;
  }
  const proto = Module.prototype as unknown as { _compile: CompileFn };
  const original = proto._compile;
  installed = { dir };
  proto._compile = function compileWithCache(this: Module, content: string, filename: string): unknown {
    if (!options.match(filename)) return original.call(this, content, filename);
    let cacheFile: string;
    try {
      cacheFile = cacheFileFor(dir, filename);
    } catch {
      return original.call(this, content, filename);
    }
    const cachedData = readCache(cacheFile);
    const script = new Script(Module.wrap(content), { filename, ...(cachedData ? { cachedData } : {}) });
    compiled.push({ filename, script, cacheFile, use: !cachedData ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used' });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (exports: unknown, require: NodeJS.Require, module: Module, __filename: string, __dirname: string) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };
}

/** How each matching file loaded on this run (for tests and diagnostics). */
export function codeCacheUse(): Array<{ filename: string; use: CacheUse }> {
  return compiled.map(({ filename, use }) => ({ filename, use }));
}

/**
 * Writes the caches that were absent or rejected, with the code compiled so
 * far (call late: functions compiled while printing are cached too). Older
 * caches of the same files are removed. Never throws.
 */
export function saveCodeCache(): void {
  if (!installed) return;
  const { dir } = installed;
  for (const c of compiled) {
    if (c.use === 'used' || c.saved) continue;
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const data = c.script.createCachedData();
      const tmp = `${c.cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, data, { mode: 0o600 });
      renameSync(tmp, c.cacheFile);
      c.saved = true;
      // Caches of earlier versions of the same file (another install's files have another prefix).
      const prefix = cachePrefix(c.filename);
      for (const old of readdirSync(dir)) {
        if (old.startsWith(prefix) && old.endsWith('.v8') && join(dir, old) !== c.cacheFile) rmSync(join(dir, old), { force: true });
      }
    } catch {
      // Next run compiles again.
    }
  }
}

/** playwright-core's bundles: what the printing thread caches. */
export function isPlaywrightBundle(filename: string): boolean {
  return /[\\/]playwright-core[\\/]lib[\\/][A-Za-z]+Bundle\.js$/.test(filename);
}
