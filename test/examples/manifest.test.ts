/**
 * The demo manifest is the contract between the sample files and the demo
 * runner: every file it names exists and is a sample, every quote is on the
 * source as a reader sees it (PDF text read back with Sanad's own extraction),
 * every tag is a default tag, and the committed binaries stay small.
 */
import { readFileSync, statSync } from 'node:fs';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DemoManifest, loadDemoManifest, sourcePath, type DemoManifest as Manifest } from '../../examples/manifest.ts';
import { extractText } from '../../src/pdf/text.ts';
import type { PageText } from '../../src/model/index.ts';
import { InvalidInputError } from '../../src/errors.ts';

/** What a reader sees: runs of whitespace (line breaks included) are one space. */
const flat = (s: string): string => s.replace(/\s+/g, ' ');

const manifest: Manifest = loadDemoManifest();
const REPORT = 'sources/hrw-walking-dead-sample.pdf';
let reportPages: PageText[] = [];

beforeAll(async () => {
  reportPages = await extractText(new Uint8Array(readFileSync(sourcePath(REPORT))));
});

/** Pages of the PDF holding the quote (1-based). */
function pagesWith(pages: PageText[], quote: string): number[] {
  return pages.filter((p) => flat(p.text).includes(quote)).map((p) => p.page);
}

describe('examples/demo.json', () => {
  it('names files that exist, every one marked as a SAMPLE', () => {
    for (const s of manifest.sources) {
      const path = sourcePath(s.file);
      expect(statSync(path).size, s.file).toBeGreaterThan(0);
      if (/\.(txt|md|eml|html)$/.test(s.file)) expect(readFileSync(path, 'utf8'), s.file).toContain('SAMPLE');
    }
    expect(reportPages.every((p) => p.text.includes('SAMPLE written for the Sanad project'))).toBe(true);
  });

  it('has every quote verbatim on its source, the PDF ones within a single page', () => {
    expect(manifest.excerpts.length).toBeGreaterThanOrEqual(15);
    for (const e of manifest.excerpts) {
      if (e.source.endsWith('.pdf')) {
        expect(pagesWith(reportPages, e.quote), e.quote).toHaveLength(1);
      } else {
        expect(e.source, 'images have no text to quote').not.toMatch(/\.(jpe?g|png)$/);
        expect(flat(readFileSync(sourcePath(e.source), 'utf8')), e.quote).toContain(e.quote);
      }
    }
  });

  it('covers the three issues of the case and gives the chronology dated incidents', () => {
    const issues = new Set(manifest.excerpts.flatMap((e) => e.tags.map((t) => t.split('/')[0])));
    expect([...issues]).toEqual(expect.arrayContaining(['Threat patterns', 'Internal relocation risk', 'Karachi-traced threats']));
    const tags = new Set(manifest.excerpts.flatMap((e) => e.tags));
    for (const t of ['Internal relocation risk/Karachi', 'Internal relocation risk/Reach of perpetrators']) expect(tags.has(t), t).toBe(true);
    expect(manifest.excerpts.filter((e) => e.eventDate && e.places?.length).length).toBeGreaterThanOrEqual(5);
  });

  it('puts client documents in the case and country sources in the library, the translation linked', () => {
    for (const s of manifest.sources) expect(s.scope, s.file).toBe(s.file.startsWith('case/') ? 'case' : 'library');
    const translation = manifest.sources.find((s) => s.translationOf !== null);
    expect(translation?.translationOf).toBe('case/threat-letter-photo.jpg');
    expect(translation?.translator?.translator.name).toMatch(/fictional/);
    expect(translation?.translator?.fromLanguage).toBe('Urdu and Pashto');
    const order = manifest.sources.map((s) => s.file);
    expect(order.indexOf(translation!.file)).toBe(order.indexOf(translation!.translationOf!) + 1);
  });

  it('rejects a manifest whose excerpt uses a tag that is not a default tag', async () => {
    const bad = structuredClone(manifest) as { excerpts: Array<{ tags: string[] }> };
    bad.excerpts[0]!.tags = ['Made-up issue'];
    expect(DemoManifest.safeParse(bad).success).toBe(false);
    const dir = await mkdtemp(join(tmpdir(), 'sanad-manifest-'));
    try {
      await writeFile(join(dir, 'demo.json'), JSON.stringify(bad));
      expect(() => loadDemoManifest(join(dir, 'demo.json'))).toThrow(InvalidInputError);
      expect(() => loadDemoManifest(join(dir, 'demo.json'))).toThrow(/excerpts\.0\.tags\.0/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the sample report PDF', () => {
  it('has 4 to 6 pages, one of them landscape with an excerpt on it, and says "traced to Karachi"', () => {
    expect(reportPages.length).toBeGreaterThanOrEqual(4);
    expect(reportPages.length).toBeLessThanOrEqual(6);
    const landscape = reportPages.filter((p) => p.view[2] - p.view[0] > p.view[3] - p.view[1]).map((p) => p.page);
    expect(landscape).toHaveLength(1);
    const onLandscape = manifest.excerpts.filter((e) => e.source === REPORT && pagesWith(reportPages, e.quote)[0] === landscape[0]);
    expect(onLandscape.length).toBeGreaterThanOrEqual(1);
    expect(reportPages.some((p) => /traced to Karachi, that is/.test(flat(p.text)))).toBe(true);
  });

  it('stays small, like the photo of the letter', () => {
    expect(statSync(sourcePath(REPORT)).size).toBeLessThan(200_000);
    const photo = readFileSync(sourcePath('case/threat-letter-photo.jpg'));
    expect(photo.length).toBeLessThan(300_000);
    expect(jpegWidth(photo)).toBeGreaterThanOrEqual(1000);
  });
});

describe('the sample e-mail and web page', () => {
  const eml = readFileSync(sourcePath('case/threat-email-2025-08-14.eml'), 'utf8');
  const html = readFileSync(sourcePath('sources/hazara-town-checkpoints-web-sample.html'), 'utf8');

  it('traces the e-mail through a Karachi ISP using documentation IP ranges only', () => {
    const head = eml.slice(0, eml.indexOf('\n\n'));
    const received = head.split(/\n(?=\S)/).filter((h) => h.startsWith('Received:'));
    expect(received.length).toBeGreaterThanOrEqual(3);
    expect(received.some((h) => /karachi/i.test(h))).toBe(true);
    const ips = head.match(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g) ?? [];
    expect(ips.length).toBeGreaterThan(0);
    for (const ip of ips) expect(ip).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\./);
    expect(head).toMatch(/^Subject: .+/m);
    expect(head).toMatch(/^Date: .+/m);
    expect(eml).toMatch(/[\u0600-\u06FF]{3,}/);
  });

  it('dates and places the web page at a fictional address amid page clutter', () => {
    expect(html).toMatch(/<meta property="article:published_time" content="2025-11-03/);
    expect(html).toMatch(/<link rel="canonical" href="https:\/\/example\.org\//);
    for (const clutter of ['<nav', '<footer', '<script', '<aside']) expect(html).toContain(clutter);
  });
});

/** Width of a baseline or progressive JPEG from its SOF marker. */
function jpegWidth(bytes: Buffer): number {
  let i = 2;
  while (i < bytes.length) {
    const marker = bytes[i + 1]!;
    const length = bytes.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc2) return bytes.readUInt16BE(i + 7);
    i += 2 + length;
  }
  return 0;
}
