/**
 * Hostile HTML, Markdown and e-mail: the forms a blocklist let through
 * (escaped url(), image-set(), <portal>, <fencedframe>, <area href>, file:
 * and tab-broken javascript: links, loopback links) are gone from the
 * sanitised HTML, and the printed renditions carry no clickable link to this
 * machine or its network: only http(s) to public hosts and mailto survive,
 * checked on the PDF's link annotations with pdfjs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { prepareSource, type PrepareOptions } from '../../src/ingest/index.ts';
import { isSafeLink, sanitizeHtml } from '../../src/ingest/sanitize.ts';
import { openPdf } from '../../src/pdf/pdfjs.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { scratchDir, write } from './fixtures.ts';

const HOSTILE = [
  '<p style="background:u\\72l(https://evil.example/a.png)">escaped url</p>',
  '<p style="background:\\75 \\72 \\6c (https://evil.example/b.png)">spaced escapes</p>',
  '<p style="background-image:image-set(\'https://evil.example/c.png\' 1x)">image set</p>',
  '<div style="content:url(https://evil.example/d)">content url</div>',
  '<portal src="https://evil.example/portal"></portal>',
  '<fencedframe src="https://evil.example/ff"></fencedframe>',
  '<img src="x.png" usemap="#m"><map name="m"><area href="https://evil.example/area" shape="rect" coords="0,0,9,9"></map>',
  '<p><a href="file:///etc/passwd">local file</a></p>',
  '<p><a href="java\tscript:alert(1)">tab broken</a> <a href="jav&#x09;ascript:alert(2)">entity broken</a></p>',
  '<p><a href="http://127.0.0.1:8080/admin">loop four</a> <a href="http://localhost/">this machine</a> <a href="http://[::1]/">v6 loop</a></p>',
  '<p><a href="http://192.168.1.1/">router</a> <a href="http://intranet/">office server</a> <a href="smb://server/share">share</a></p>',
  '<p><a href="data:text/html,hi">data link</a> <a href="/relative">relative</a></p>',
  '<p><a href="https://www.hrw.org/report/2014/06/29/we-are-walking-dead">HRW report</a> <a href="mailto:caseworker@example.org">write to us</a></p>',
  '<style>@import url(https://evil.example/s.css); p { background: url(https://evil.example/e) }</style>',
  '<link rel="stylesheet" href="https://evil.example/l.css"><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/r">',
  '<img srcset="https://evil.example/s 1x" alt="tracker"><video poster="https://evil.example/p"></video><input type="image" src="https://evil.example/i">',
  '<svg><image href="https://evil.example/svg"></image></svg><object data="https://evil.example/o"></object>',
  '<p class="x" id="y" onclick="steal()" data-x="1" aria-label="z">attributes</p>',
].join('\n');

describe('sanitizeHtml against hostile input', () => {
  it('keeps only allowlisted tags and attributes, and turns unsafe links into their text', () => {
    const out = sanitizeHtml(HOSTILE);
    expect(out).not.toMatch(/evil\.example|style=|url\(|image-set|portal|fencedframe|<area|<map|file:|javascript|127\.0\.0\.1|localhost|::1|192\.168|intranet|smb:|data:text|onclick|class="(?!muted")|id=|data-x|aria-|srcset|<svg|<object|<base|<meta|<link|<input|<video/i);
    for (const words of ['escaped url', 'image set', 'local file', 'tab broken', 'entity broken', 'loop four', 'this machine', 'v6 loop', 'office server', 'router', 'share', 'data link', 'relative', 'attributes']) {
      expect(out).toContain(words);
    }
    expect(out).toContain('<a href="https://www.hrw.org/report/2014/06/29/we-are-walking-dead">HRW report</a>');
    expect(out).toContain('<a href="mailto:caseworker@example.org">write to us</a>');
    expect(out).toContain('[image: tracker]');
    expect([...out.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['https://www.hrw.org/report/2014/06/29/we-are-walking-dead', 'mailto:caseworker@example.org']);
  });

  it('judges links by their parsed address, not their spelling', () => {
    for (const bad of ['file:///C:/x', 'FILE://host/x', ' javascript:alert(1)', 'java\nscript:x', 'http://0x7f000001/', 'http://2130706433/', 'http://127.1/', 'https://foo.localhost/', 'http://169.254.169.254/latest', 'http://[::ffff:127.0.0.1]/']) {
      expect(isSafeLink(bad), bad).toBe(false);
    }
    for (const good of ['https://www.gov.uk/government/publications/pakistan-country-policy-and-information-notes', 'http://example.org/a?b=c', 'mailto:a@b.org']) {
      expect(isSafeLink(good), good).toBe(true);
    }
  });
});

describe('renditions keep no clickable local or loopback link', () => {
  const printer = new ChromiumPrinter();
  afterAll(() => printer.close());
  const options: PrepareOptions = { printer, scope: { kind: 'library' }, now: new Date('2026-01-02T03:04:05Z') };
  const dir = scratchDir();

  async function linkUrls(pdf: Uint8Array): Promise<string[]> {
    const doc = await openPdf(pdf);
    const urls: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      for (const a of await (await doc.getPage(n)).getAnnotations()) {
        if (a.subtype === 'Link') urls.push(String(a.url ?? a.unsafeUrl ?? `(internal ${JSON.stringify(a.dest)})`));
      }
    }
    await doc.destroy();
    return urls;
  }

  const expectOnlySafe = (urls: string[]) => {
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u, u).toMatch(/^(https:\/\/www\.hrw\.org\/|mailto:caseworker@example\.org)/);
  };

  it('a saved web page', async () => {
    const page = `<!doctype html><html><head><title>Hostile page</title></head><body><article><h1>Hostile page</h1>${HOSTILE}<p>${'Enough words for the reader to treat this as the article. '.repeat(8)}</p></article></body></html>`;
    const src = await prepareSource(await write(dir, 'hostile.html', page), options);
    expectOnlySafe(await linkUrls(src.documentPdf));
    expect(src.text.map((p) => p.text).join(' ')).toContain('local file');
  }, 120_000);

  it('Markdown with raw HTML and link syntax', async () => {
    const md = `# Notes\n\n[local](file:///etc/passwd) [loop](http://127.0.0.1/) [HRW report](https://www.hrw.org/x) <caseworker@example.org>\n\n${HOSTILE}\n`;
    const src = await prepareSource(await write(dir, 'hostile.md', md.replace('<caseworker@example.org>', '[write](mailto:caseworker@example.org)')), options);
    expectOnlySafe(await linkUrls(src.documentPdf));
  }, 120_000);

  it('an e-mail with an HTML body', async () => {
    const eml = ['From: Threat <threat@example.net>', 'To: Ali <ali@example.org>', 'Subject: Hostile body', 'Date: Mon, 2 Mar 2026 10:00:00 +0000', 'MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8', '', HOSTILE, ''].join('\r\n');
    const src = await prepareSource(await write(dir, 'hostile.eml', eml), options);
    expectOnlySafe(await linkUrls(src.documentPdf));
  }, 120_000);
});
