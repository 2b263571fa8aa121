/**
 * `sanad build --out FILE` with FILE inside the workspace writes into the
 * workspace, so it must hold the write lock like every other change (a
 * symbolic link into the workspace counts as inside).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReadOnlyWorkspaceError } from '../../src/errors.ts';
import { buildCase } from '../../src/ops/build.ts';
import { initWorkspace, openWorkspace } from '../../src/store/index.ts';
import { sanad } from '../helpers/cli.ts';
import { tempDir } from '../store/helpers.ts';

const HOLDER = fileURLToPath(new URL('../store/fixtures/hold-lock.ts', import.meta.url));
const noPrinter = { printHtml: () => Promise.reject(new Error('the build should have stopped before printing')), close: async () => undefined };

let root: string;
let ws: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir());
  ws = path.join(root, 'ws');
  await initWorkspace(ws);
  expect((await sanad(ws, 'case', 'new', 'ab-2026', '--title', 'AB v SSHD')).code).toBe(0);
});
afterEach(() => cleanup());

describe('sanad build --out inside the workspace', () => {
  it('a read-only workspace refuses to build into itself, also through a symbolic link', async () => {
    mkdirSync(path.join(ws, 'exports'));
    symlinkSync(path.join(ws, 'exports'), path.join(root, 'link-to-exports'));
    const ro = await openWorkspace(ws, { readOnly: true });
    for (const out of [path.join(ws, 'exports', 'b.pdf'), path.join(root, 'link-to-exports', 'b.pdf'), path.join(ws, 'new-folder', 'b.pdf')]) {
      await expect(buildCase(ro, 'ab-2026', { printer: noPrinter, out }), out).rejects.toBeInstanceOf(ReadOnlyWorkspaceError);
    }
    await ro.close();
  });

  it('takes the lock: while another process holds it, the build is refused and writes nothing', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, ws], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdout.setEncoding('utf8');
    const [said] = (await once(child.stdout, 'data')) as [string];
    expect(said.trim()).toBe('locked');
    const before = process.env.SANAD_LOCK_WAIT_MS;
    process.env.SANAD_LOCK_WAIT_MS = '0';
    try {
      const out = path.join(ws, 'exports', 'b.pdf');
      const r = await sanad(ws, 'build', 'ab-2026', '--out', out);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/is open in another Sanad process \(pid \d+/);
      expect(existsSync(out)).toBe(false);
    } finally {
      if (before === undefined) delete process.env.SANAD_LOCK_WAIT_MS;
      else process.env.SANAD_LOCK_WAIT_MS = before;
      child.stdin.end();
      await once(child, 'exit');
    }
  });
});
