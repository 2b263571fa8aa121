/**
 * Keeping Chromium's sandbox on. Chromium will not sandbox itself when run
 * as root (it exits asking for --no-sandbox), yet root is common in
 * containers and CI. There Sanad starts Chromium as the unprivileged user
 * `nobody` through a tiny wrapper (util-linux `setpriv`), which hands the
 * profile folder Playwright made to that user first; Chromium then builds
 * its usual namespace sandbox. Only SANAD_CHROMIUM_NO_SANDBOX=1 turns the
 * sandbox off, for containers that cannot provide it.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SanadError } from '../errors.ts';

export const NO_SANDBOX_ENV = 'SANAD_CHROMIUM_NO_SANDBOX';
/** The account Chromium runs as when Sanad runs as root. */
export const UNPRIVILEGED_USER = { user: 'nobody', group: 'nogroup' } as const;

export type SandboxMode = 'on' | 'unprivileged' | 'off';

export function sandboxMode(env: NodeJS.ProcessEnv, uid: number | undefined): SandboxMode {
  if (env[NO_SANDBOX_ENV] === '1' || env[NO_SANDBOX_ENV] === 'true') return 'off';
  return uid === 0 ? 'unprivileged' : 'on';
}

const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'];
/** Wrappers handed out and not yet given back, by the Chromium they start. */
const wrappers = new Map<string, { file: string; dir: string; users: number }>();
let cleanupAtExit = false;

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * An executable that runs `chromium` as nobody (the profile folder handed over
 * first), in a folder of its own under the temporary directory. Shared while in
 * use: each call counts a user, releaseUnprivilegedWrapper gives one back, and
 * the last one removes it (whatever is left goes when the process exits).
 */
export function unprivilegedWrapper(chromium: string): string {
  const existing = wrappers.get(chromium);
  if (existing) {
    existing.users++;
    return existing.file;
  }
  const setpriv = SETPRIV.find((p) => existsSync(p));
  if (!setpriv) {
    throw new SanadError(
      'CHROMIUM_SANDBOX',
      `Sanad runs as root, where Chromium cannot use its sandbox, and setpriv (util-linux) is missing to start it as an unprivileged user: install util-linux, run Sanad as an ordinary user, or set ${NO_SANDBOX_ENV}=1 to print without the sandbox.`,
    );
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sanad-chromium-'));
  const file = path.join(dir, 'chromium-as-nobody');
  const { user, group } = UNPRIVILEGED_USER;
  writeFileSync(
    file,
    [
      '#!/bin/sh',
      '# Written by Sanad (src/print/sandbox.ts): runs Chromium as an unprivileged user so its sandbox works.',
      'profile=',
      'for arg in "$@"; do case "$arg" in --user-data-dir=*) profile="${arg#--user-data-dir=}";; esac; done',
      `if [ -n "$profile" ]; then chown -R ${user}:${group} "$profile" || exit 1; export HOME="$profile" XDG_CONFIG_HOME="$profile" XDG_CACHE_HOME="$profile"; fi`,
      `exec ${shellQuote(setpriv)} --reuid=${user} --regid=${group} --clear-groups -- ${shellQuote(chromium)} "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(file, 0o700);
  if (!cleanupAtExit) {
    cleanupAtExit = true;
    process.once('exit', () => {
      for (const w of wrappers.values()) rmSync(w.dir, { recursive: true, force: true });
    });
  }
  wrappers.set(chromium, { file, dir, users: 1 });
  return file;
}

/** Gives back a wrapper unprivilegedWrapper handed out (any other path: nothing); the last user's release removes its folder. */
export function releaseUnprivilegedWrapper(file: string): void {
  for (const [chromium, w] of wrappers) {
    if (w.file !== file) continue;
    if (--w.users <= 0) {
      wrappers.delete(chromium);
      rmSync(w.dir, { recursive: true, force: true });
    }
    return;
  }
}
