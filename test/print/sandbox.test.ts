/**
 * Chromium prints untrusted renditions with its sandbox on: no --no-sandbox
 * unless SANAD_CHROMIUM_NO_SANDBOX=1 opts out, and as root it runs as
 * `nobody`, where its renderers live in their own user namespace.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumPrinter, findChromium, launchOptions } from '../../src/print/chromium.ts';

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

describe.skipIf(process.env.SANAD_CHROMIUM_NO_SANDBOX === '1')('a real print', () => {
  const printer = new ChromiumPrinter();
  afterAll(() => printer.close());

  it('runs Chromium renderers sandboxed (own user namespace; as nobody when Sanad is root)', async () => {
    const pdf = await printer.printHtml('<p>Threats traced to Karachi</p>', { paper: 'A4' });
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const chromium = descendants().filter((p) => /chrom/.test(p.cmd) && !p.cmd.startsWith('/bin/sh'));
    const renderers = chromium.filter((p) => p.cmd.includes('--type=renderer'));
    expect(renderers.length).toBeGreaterThan(0);
    const ownNs = readlinkSync('/proc/self/ns/user');
    for (const p of chromium) expect(p.cmd, p.cmd).not.toContain('--no-sandbox');
    for (const r of renderers) {
      expect(r.userNs).not.toBe(ownNs);
      if (process.getuid?.() === 0) expect(r.uid).toBe(65534);
    }
  }, 60_000);
});
