import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import { prepareSource, type PrepareOptions } from '../../src/ingest/index.ts';
import { openPdf } from '../../src/pdf/pdfjs.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { EML, HTML_PAGE, scratchDir, tinyPng, write } from './fixtures.ts';

const printer = new ChromiumPrinter();
afterAll(() => printer.close());
const options: PrepareOptions = { printer, scope: { kind: 'library' }, now: new Date('2026-01-02T03:04:05Z') };
const dir = scratchDir();
const allText = (pages: { text: string }[]) => pages.map((p) => p.text).join('\n');
/** Set SANAD_KEEP_RENDITIONS=dir to keep the PDFs for a look (pdftoppm -r 50). */
function keep(name: string, file: string): void {
  const out = process.env.SANAD_KEEP_RENDITIONS;
  if (out) {
    mkdirSync(out, { recursive: true });
    copyFileSync(file, `${out}/${name}`);
  }
}
async function pageSizes(pdf: Uint8Array): Promise<Array<[number, number]>> {
  const doc = await openPdf(pdf);
  const sizes: Array<[number, number]> = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const v = (await doc.getPage(n)).view;
    sizes.push([Math.round(v[2]!), Math.round(v[3]!)]);
  }
  await doc.destroy();
  return sizes;
}
async function saveFor(name: string, pdf: Uint8Array): Promise<void> {
  keep(name, await write(dir, name, pdf));
}

describe('renditions of non-PDF input', () => {
  it('renders plain text on A4, keeping paragraphs and wrapping a very long line', async () => {
    const long = 'Karachi '.repeat(120);
    const file = await write(dir, 'notes.txt', `Threats traced to Karachi\n\nThe second paragraph\nhas two lines.\n\n${long}\n\nکراچی سے دھمکی`);
    const src = await prepareSource(file, options);
    await saveFor('text.pdf', src.documentPdf);
    expect(src.meta).toMatchObject({ format: 'text', type: 'report', title: 'notes', originalFile: 'original.txt', flags: [] });
    expect((await pageSizes(src.documentPdf))[0]).toEqual([595, 842]);
    const text = allText(src.text);
    expect(text).toContain('Threats traced to Karachi');
    expect(text).toContain('has two lines.');
    expect(text.split('Karachi').length - 1).toBeGreaterThanOrEqual(121);
    expect(text.normalize('NFKC')).toMatch(/[\u0600-\u06FF]{3,}/);
  });

  it('renders Markdown as formatted text with raw scripts and remote images removed', async () => {
    const md = '# Hazara in Quetta\n\nAbout **500,000** Hazara live in Quetta.\n\n- first point\n- second point\n\n<script>alert(1)</script><iframe src="https://evil.example.com"></iframe>\n\n![tracker](https://tracker.example.com/p.png)\n';
    const src = await prepareSource(await write(dir, 'brief.md', md), options);
    await saveFor('markdown.pdf', src.documentPdf);
    expect(src.meta).toMatchObject({ format: 'markdown', title: 'Hazara in Quetta', originalFile: 'original.md' });
    const text = allText(src.text);
    expect(text).toContain('About 500,000 Hazara live in Quetta.');
    expect(text).toContain('second point');
    expect(text).not.toContain('alert(1)');
    expect(text).toContain('[image: tracker]');
  });

  it('extracts the main article of a saved web page with its title, date and URL, without nav or scripts', async () => {
    const src = await prepareSource(await write(dir, 'page.html', HTML_PAGE), options);
    await saveFor('html.pdf', src.documentPdf);
    expect(src.meta).toMatchObject({
      format: 'html',
      type: 'web-page',
      title: 'Hazara killed in Quetta',
      published: '2014-06-29',
      url: 'https://news.example.org/2014/06/hazara-quetta',
      language: 'en',
      publisher: 'Example News',
    });
    const text = allText(src.text);
    expect(text).toContain('more than 500 Hazara killed in Balochistan since 2008');
    expect(text).toContain('traced to Karachi');
    expect(text).toContain('https://news.example.org/2014/06/hazara-quetta');
    expect(text).toContain('29 June 2014');
    expect(text).not.toContain('Sport menu link');
    expect(text).not.toContain('pwned');
    expect(text).not.toContain('tracker.example.com');
    expect(text).not.toContain('footer text');
  });

  it('lets the caller\'s metadata override what the page declares', async () => {
    const src = await prepareSource(await write(dir, 'page2.html', HTML_PAGE), { ...options, metadata: { title: 'HRW on Quetta', published: '2014', type: 'news' } });
    expect(src.meta).toMatchObject({ title: 'HRW on Quetta', published: '2014', type: 'news', url: 'https://news.example.org/2014/06/hazara-quetta' });
    expect(allText(src.text)).toContain('HRW on Quetta');
  });

  it('puts an image on exactly one A4 page with a caption', async () => {
    const src = await prepareSource(await write(dir, 'letter-photo.png', tinyPng(400, 900)), { ...options, metadata: { title: 'Threat letter delivered in Quetta' } });
    await saveFor('image.pdf', src.documentPdf);
    expect(src.meta).toMatchObject({ format: 'image', type: 'photo', pages: 1, originalFile: 'original.png' });
    expect(await pageSizes(src.documentPdf)).toEqual([[595, 842]]);
    const text = allText(src.text);
    expect(text).toContain('Threat letter delivered in Quetta');
    expect(text).toContain('letter-photo.png');
  });

  it('shows an e-mail\'s headers, its Received chain in order, the body with Urdu, and attachments', async () => {
    const src = await prepareSource(await write(dir, 'threat.eml', EML), options);
    await saveFor('email.pdf', src.documentPdf);
    expect(src.meta).toMatchObject({
      format: 'email',
      type: 'email',
      title: 'Final warning to the Hazara activist',
      published: '2026-03-03',
      author: 'Unknown Sender <warning@example.pk>',
    });
    const text = allText(src.text).replace(/\s+/g, ' ');
    expect(text).toContain('From Unknown Sender <warning@example.pk>');
    expect(text).toContain('Subject Final warning to the Hazara activist');
    expect(text).toContain('Message-ID <threat-0001@sender-host.karachi.example.pk>');
    const first = text.indexOf('from mx2.mail.example.net (mx2.mail.example.net [203.0.113.25])');
    const second = text.indexOf('from sender-host.karachi.example.pk (unknown [198.51.100.77])');
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(text).toContain('We know where your family lives in Quetta.');
    expect(text.normalize('NFKC')).toMatch(/[\u0600-\u06FF]{3,}/);
    expect(text).toContain('photo-of-house.bin (2.0 KB');
  });
});
