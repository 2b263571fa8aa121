/**
 * The command line's printer: Chromium driven from its own thread
 * (print/thread-printer.ts). Prints must come back as the same PDFs,
 * concurrently and in any order; Chromium's errors must keep their code and
 * message; close() must end Chromium, the thread and the sandbox wrapper.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ThreadPrinter } from '../../src/print/thread-printer.ts';
import { extractText } from '../../src/pdf/text.ts';
import { renderTemplate } from '../../src/templates/render.ts';
import { SanadError } from '../../src/errors.ts';
import { findChromium } from '../../src/print/chromium.ts';

const smoke = (title: string) => renderTemplate('smoke', { title, body: `Body of ${title}.`, urdu: '' }, { paper: 'A4' });

/** Running processes descended from this one (Chromium and its helpers: the tests print nothing else here). */
function descendants(): number {
  const parent = new Map<number, number>();
  const running = new Set<number>();
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      // "pid (comm) state ppid …": the name may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(pid), Number(ppid));
      // An exited process not yet reaped (Z) runs nothing.
      if (state !== 'Z') running.add(Number(pid));
    } catch {
      // ended meanwhile
    }
  }
  let count = 0;
  for (const pid of running) {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === process.pid) {
        count++;
        break;
      }
    }
  }
  return count;
}

describe('ThreadPrinter', () => {
  it('prints concurrent documents on its thread, each to its own PDF (pdfjs and poppler agree)', async () => {
    const printer = new ThreadPrinter();
    try {
      printer.warmUp();
      const titles = ['Threats traced to Karachi', 'Internal relocation to Lahore', 'Police report from Quetta'];
      const pdfs = await Promise.all(titles.map((t) => printer.printHtml(smoke(t), { paper: 'A4' })));
      const dir = mkdtempSync(join(tmpdir(), 'sanad-thread-printer-'));
      try {
        for (const [i, pdf] of pdfs.entries()) {
          expect(pdf).toBeInstanceOf(Uint8Array);
          expect((await extractText(pdf)).map((p) => p.text).join('\n')).toContain(titles[i]);
          const file = join(dir, `${i}.pdf`);
          writeFileSync(file, pdf);
          expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain(`Body of ${titles[i]}.`);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const letter = await printer.printHtml(renderTemplate('smoke', { title: 'x', body: 'y', urdu: '' }, { paper: 'Letter' }), { paper: 'Letter', tagged: false });
      expect(execFileSync('pdfinfo', ['-'], { input: letter, encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792/);
    } finally {
      await printer.close();
    }
  });

  it("keeps Chromium's error codes and messages, and refuses prints after close", async () => {
    const missing = join(tmpdir(), 'sanad-no-such-chromium');
    const saved = process.env.SANAD_CHROMIUM;
    // The thread reads the environment it starts with.
    process.env.SANAD_CHROMIUM = missing;
    const printer = new ThreadPrinter();
    try {
      const error = await printer.printHtml(smoke('x'), { paper: 'A4' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SanadError);
      expect((error as SanadError).code).toBe('NO_CHROMIUM');
      expect((error as SanadError).message).toContain(missing);
    } finally {
      if (saved === undefined) delete process.env.SANAD_CHROMIUM;
      else process.env.SANAD_CHROMIUM = saved;
      await printer.close();
    }
    await expect(printer.printHtml(smoke('x'), { paper: 'A4' })).rejects.toThrow(/closed/);
  });

  it('closes Chromium, its thread and (as root) the sandbox wrapper', async () => {
    // A Chromium path of its own (a link), so the wrapper this printer makes names it and no other
    // test's: test files print in parallel processes.
    const dir = mkdtempSync(join(tmpdir(), 'sanad-thread-close-'));
    chmodSync(dir, 0o755); // as root, Chromium runs as nobody, who must reach the link
    const link = join(dir, 'chromium');
    symlinkSync(findChromium(), link);
    const wrappers = () =>
      readdirSync(tmpdir()).filter((n) => {
        try {
          return n.startsWith('sanad-chromium-') && readFileSync(join(tmpdir(), n, 'chromium-as-nobody'), 'utf8').includes(link);
        } catch {
          return false;
        }
      });
    const saved = process.env.SANAD_CHROMIUM;
    process.env.SANAD_CHROMIUM = link; // the thread reads the environment it starts with
    const printer = new ThreadPrinter();
    try {
      await printer.printHtml(smoke('close me'), { paper: 'A4' });
      expect(descendants()).toBeGreaterThan(0);
      if (process.getuid?.() === 0 && process.env.SANAD_CHROMIUM_NO_SANDBOX !== '1') expect(wrappers()).toHaveLength(1);
    } finally {
      if (saved === undefined) delete process.env.SANAD_CHROMIUM;
      else process.env.SANAD_CHROMIUM = saved;
      await printer.close();
    }
    try {
      // Chromium's helpers may take a moment to be reaped after the browser has gone.
      for (let i = 0; i < 150 && descendants() > 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(descendants()).toBe(0);
      expect(wrappers()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
