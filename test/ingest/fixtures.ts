/**
 * Inputs for the import tests, all generated here: PDFs made with pdf-lib
 * (plain, encrypted, truncated, with a filled form, without text), and
 * small text, Markdown, HTML, PNG and e-mail files.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts, rgb } from '@cantoo/pdf-lib';

export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'sanad-ingest-'));
}

export async function textPdf(pages: string[], info: { title?: string; author?: string } = {}): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const line of pages) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(line, { x: 60, y: 760, size: 14, font });
  }
  if (info.title) doc.setTitle(info.title);
  if (info.author) doc.setAuthor(info.author);
  return doc;
}

export async function write(dir: string, name: string, bytes: Uint8Array | string): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Encrypts with qpdf (AES-256); an empty user password opens for anyone. */
export function qpdfEncrypt(input: string, output: string, userPassword: string): void {
  execFileSync('qpdf', ['--encrypt', userPassword, 'owner-secret', '256', '--', input, output]);
}

export async function formPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Witness statement form', { x: 60, y: 780, size: 16, font });
  const field = doc.getForm().createTextField('witness.name');
  field.setText('Ali Hussain Hazara');
  field.addToPage(page, { x: 60, y: 700, width: 300, height: 24 });
  return doc.save();
}

export async function noTextPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < 2; i++) {
    doc.addPage([595.28, 841.89]).drawRectangle({ x: 100, y: 300, width: 300, height: 200, color: rgb(0.6, 0.6, 0.6) });
  }
  return doc.save();
}

/** A tiny valid PNG (RGB, 8 bit) of a red square on white, encoded by hand. */
export function tinyPng(width = 40, height = 24): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) {
      const inside = x > 5 && x < width - 5 && y > 5 && y < height - 5;
      rows.push(inside ? 200 : 255, inside ? 20 : 255, inside ? 20 : 255);
    }
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', Buffer.alloc(0))]));
}

export const EML = [
  'Received: from mx2.mail.example.net (mx2.mail.example.net [203.0.113.25])',
  '\tby inbox.example.org with ESMTPS id 4Qx7; Tue, 3 Mar 2026 09:14:07 +0000',
  'Received: from sender-host.karachi.example.pk (unknown [198.51.100.77])',
  '\tby mx2.mail.example.net with SMTP id 9Zk2; Tue, 3 Mar 2026 14:13:59 +0500',
  'From: Unknown Sender <warning@example.pk>',
  'To: Ali Hussain <ali@example.org>',
  'Cc: Family <family@example.org>',
  'Subject: Final warning to the Hazara activist',
  'Date: Tue, 3 Mar 2026 14:13:50 +0500',
  'Message-ID: <threat-0001@sender-host.karachi.example.pk>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'We know where your family lives in Quetta.',
  '',
  'تم کراچی میں بھی محفوظ نہیں ہو',
  '',
  '--b1',
  'Content-Type: application/octet-stream; name="photo-of-house.bin"',
  'Content-Disposition: attachment; filename="photo-of-house.bin"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('x'.repeat(2048)).toString('base64'),
  '--b1--',
  '',
].join('\r\n');

export const HTML_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Hazara killed in Quetta | Example News</title>
<link rel="canonical" href="https://news.example.org/2014/06/hazara-quetta">
<meta property="article:published_time" content="2014-06-29T08:00:00Z">
<meta property="og:site_name" content="Example News">
<script>document.title = 'pwned'; fetch('https://tracker.example.com/beacon');</script>
</head><body>
<nav class="menu"><a href="/">Home</a> <a href="/sport">Sport menu link</a></nav>
<article>
<h1>Hazara killed in Quetta</h1>
<p class="byline">By Jane Reporter</p>
<p>Human Rights Watch counted more than 500 Hazara killed in Balochistan since 2008. The community lives in fear in Quetta and the threats follow those who move to Karachi.</p>
<p>About 500,000 Hazara live in Quetta. Community organisations report around 700 killed since 2004, and militant groups operate in every major city of Pakistan.</p>
<p><img src="https://tracker.example.com/pixel.gif" alt="">Threat letters delivered to family homes were traced to Karachi, hundreds of miles from Quetta.</p>
<p>The sectarian groups responsible have repeatedly claimed attacks in Karachi, Lahore and Islamabad, showing their reach beyond Balochistan.</p>
</article>
<footer>Copyright Example News footer text</footer>
</body></html>`;
