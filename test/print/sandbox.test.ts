/**
 * Chromium prints untrusted renditions with its sandbox on: no --no-sandbox
 * unless SANAD_CHROMIUM_NO_SANDBOX=1 opts out, and as root it runs as
 * `nobody`, where its renderers live in their own user namespace.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumPrinter, CHROMIUM_CANDIDATES, findChromium, launchOptions } from '../../src/print/chromium.ts';

const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
const FULL_BROWSER = '/usr/bin/chromium';

describe('which Chromium prints', () => {
  it('prefers Debian\'s headless shell, then the full browser; SANAD_CHROMIUM overrides both', () => {
    expect(CHROMIUM_CANDIDATES[0]).toBe(HEADLESS_SHELL);
    expect(findChromium({}, () => true)).toBe(HEADLESS_SHELL);
    expect(findChromium({}, (p) => p !== HEADLESS_SHELL)).toBe(FULL_BROWSER);
    expect(findChromium({}, (p) => p === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome');
    expect(findChromium({ SANAD_CHROMIUM: '/opt/chrome/chrome' }, () => true)).toBe('/opt/chrome/chrome');
    expect(() => findChromium({ SANAD_CHROMIUM: '/opt/missing/chrome' }, (p) => p !== '/opt/missing/chrome')).toThrow(/SANAD_CHROMIUM points at \/opt\/missing\/chrome/);
    expect(() => findChromium({}, () => false)).toThrow(/apt-get install chromium-headless-shell/);
  });
});

describe('launch options', () => {
  it('never pass --no-sandbox unless opted in', () => {
    for (const uid of [0, 1000]) {
      const o = launchOptions({}, uid);
      expect(o.args).not.toContain('--no-sandbox');
      expect(o.chromiumSandbox).toBe(true);
    }
    expect(launchOptions({}, 1000).executablePath).toBe(findChromium({}));
    // As root, Chromium starts through the wrapper that drops to nobody.
    const wrapper = launchOptions({}, 0).executablePath!;
    expect(wrapper).not.toBe(findChromium({}));
    expect(readFileSync(wrapper, 'utf8')).toMatch(/setpriv' --reuid=nobody --regid=nogroup --clear-groups -- '.*chromium/);
    const off = launchOptions({ SANAD_CHROMIUM_NO_SANDBOX: '1' }, 0);
    expect(off.args).toContain('--no-sandbox');
    expect(off.chromiumSandbox).toBe(false);
    expect(off.executablePath).toBe(findChromium({}));
  });
});

/** Descendants of this process: pid → { cmdline, uid, userNs }. */
function descendants(): Array<{ pid: number; cmd: string; uid: number; userNs: string }> {
  const all = new Map<number, { ppid: number; cmd: string; uid: number; userNs: string }>();
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      all.set(Number(name), {
        ppid: Number(/PPid:\s+(\d+)/.exec(status)![1]),
        uid: Number(/Uid:\s+(\d+)/.exec(status)![1]),
        cmd: readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' '),
        userNs: readlinkSync(`/proc/${name}/ns/user`),
      });
    } catch {
      // Exited meanwhile, or not ours to read.
    }
  }
  const isOurs = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 50; hops++) {
      if (p === process.pid) return true;
      p = all.get(p)?.ppid ?? 0;
    }
    return false;
  };
  return [...all].filter(([pid]) => pid !== process.pid && isOurs(pid)).map(([pid, v]) => ({ pid, ...v }));
}

/** Both kinds of Chromium Sanad may print with, where installed (the headless shell is the default): what to launch, and the program that runs (Debian's /usr/bin/chromium is a script). */
const installed = [
  [HEADLESS_SHELL, HEADLESS_SHELL],
  [FULL_BROWSER, '/usr/lib/chromium/chromium'],
].filter(([p]) => existsSync(p!));

describe.skipIf(process.env.SANAD_CHROMIUM_NO_SANDBOX === '1').each(installed)('a real print with %s', (executable, program) => {
  const printer = new ChromiumPrinter();
  const saved = process.env.SANAD_CHROMIUM;
  afterAll(async () => {
    await printer.close();
    if (saved === undefined) delete process.env.SANAD_CHROMIUM;
    else process.env.SANAD_CHROMIUM = saved;
  });

  it('runs Chromium renderers sandboxed (own user namespace, seccomp filter; as nobody when Sanad is root)', async () => {
    process.env.SANAD_CHROMIUM = executable; // read when Chromium launches, at the first print
    const pdf = await printer.printHtml('<p>Threats traced to Karachi</p>', { paper: 'A4' });
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const chromium = descendants().filter((p) => /chrom/.test(p.cmd) && !p.cmd.startsWith('/bin/sh'));
    expect(chromium.some((p) => p.cmd.split(' ')[0] === program)).toBe(true);
    const renderers = chromium.filter((p) => p.cmd.includes('--type=renderer'));
    expect(renderers.length).toBeGreaterThan(0);
    const ownNs = readlinkSync('/proc/self/ns/user');
    for (const p of chromium) expect(p.cmd, p.cmd).not.toContain('--no-sandbox');
    for (const r of renderers) {
      expect(r.userNs).not.toBe(ownNs);
      expect(readFileSync(`/proc/${r.pid}/status`, 'utf8')).toMatch(/^Seccomp:\s+2$/m);
      if (process.getuid?.() === 0) expect(r.uid).toBe(65534);
    }
  }, 60_000);
});

/** Wrapper folders (sanad-chromium-*) in the temporary directory whose wrapper starts `chromium`. */
function wrappersOf(chromium: string): string[] {
  return readdirSync(tmpdir()).filter((n) => {
    if (!n.startsWith('sanad-chromium-')) return false;
    try {
      return readFileSync(join(tmpdir(), n, 'chromium-as-nobody'), 'utf8').includes(chromium);
    } catch {
      return false;
    }
  });
}

describe.skipIf(process.env.SANAD_CHROMIUM_NO_SANDBOX === '1' || process.getuid?.() !== 0)('the wrapper as root', () => {
  it('is shared by the printers using it and removed when the last one closes, not only at exit', async () => {
    // A Chromium path of its own (a link), so this test's wrapper is not the one other printers here hold.
    const dir = mkdtempSync(join(tmpdir(), 'sanad-wrapper-test-'));
    chmodSync(dir, 0o755); // nobody must reach the link
    const link = join(dir, 'chromium');
    symlinkSync(findChromium({}), link);
    const saved = process.env.SANAD_CHROMIUM;
    process.env.SANAD_CHROMIUM = link;
    const added = () => wrappersOf(link);
    const a = new ChromiumPrinter();
    const b = new ChromiumPrinter();
    try {
      await a.printHtml('<p>First printer</p>', { paper: 'A4' });
      await b.printHtml('<p>Second printer</p>', { paper: 'A4' });
      expect(added()).toHaveLength(1);
      await a.close();
      expect(added()).toHaveLength(1);
      // Still usable by the printer that has not closed.
      expect((await b.printHtml('<p>Still printing</p>', { paper: 'A4' })).length).toBeGreaterThan(0);
    } finally {
      await a.close();
      await b.close();
    }
    expect(added()).toEqual([]);
    // A printer started afterwards gets a wrapper again.
    const c = new ChromiumPrinter();
    try {
      await c.printHtml('<p>Again</p>', { paper: 'A4' });
      expect(added()).toHaveLength(1);
    } finally {
      await c.close();
      if (saved === undefined) delete process.env.SANAD_CHROMIUM;
      else process.env.SANAD_CHROMIUM = saved;
      rmSync(dir, { recursive: true, force: true });
    }
    expect(added()).toEqual([]);
  }, 120_000);
});
