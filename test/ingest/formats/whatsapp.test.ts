import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFormat, importFiles, prepareSource, type PrepareOptions } from '../../../src/ingest/index.ts';
import { parseChat } from '../../../src/ingest/formats/whatsapp-parse.ts';
import { ChromiumPrinter } from '../../../src/print/chromium.ts';
import { initWorkspace, openWorkspace, type Workspace } from '../../../src/store/index.ts';
import { scratchDir, textPdf, write } from '../fixtures.ts';

const printer = new ChromiumPrinter();
const dir = scratchDir();
let ws: Workspace;
beforeAll(async () => {
  await initWorkspace(join(dir, 'ws'), new Date('2026-01-01T00:00:00Z'));
  ws = await openWorkspace(join(dir, 'ws'));
});
afterAll(async () => {
  await ws.close();
  await printer.close();
});
const options: PrepareOptions = { printer, scope: { kind: 'library' }, now: new Date('2026-01-02T03:04:05Z') };
const enc = (s: string) => new TextEncoder().encode(s);
const pdftotext = (pdf: Uint8Array) => execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
const imageCount = (pdf: Uint8Array, name: string) => execFileSync('pdfimages', ['-list', join(dir, name)]).toString().trim().split('\n').length - 2;

const LRM = '\u200e';
const IOS_CHAT = [
  `[12/03/2024, 21:15:02] ${LRM}+92 300 1234567: ${LRM}Messages and calls are end-to-end encrypted.`,
  '[12/03/2024, 21:15:02] +92 300 1234567: We know where your family lives.',
  'Leave Quetta or your brother pays.',
  'This is the last warning.',
  `[12/03/2024, 21:16:40] +92 300 1234567: ${LRM}<attached: 00000003-PHOTO-2024-03-12-21-16-40.jpg>`,
  `[12/03/2024, 21:17:05] Ali: ${LRM}<attached: 00000004-AUDIO-2024-03-12-21-17-05.opus>`,
  '[13/03/2024, 08:01:13] +92 300 1234567: Karachi is not far for us either.',
  `[13/03/2024, 08:02:00] +92 300 1234567: ${LRM}<attached: 00000006-List of names.pdf>`,
].join('\r\n');

const ANDROID_CHAT = [
  '12/03/2024, 21:15 - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.',
  '12/03/2024, 21:15 - \u202a+92 321 7654321\u202c: Your cousin in Hazara Town was warned.',
  'He did not listen.',
  '12/03/2024, 21:18 - Hamid: IMG-20240312-WA0001.jpg (file attached)',
  '12/03/2024, 21:19 - Hamid: <Media omitted>',
].join('\n');

describe('WhatsApp chat export', () => {
  it('parses iOS and Android lines, multi-line messages, attachments and system lines, keeping numbers as written', () => {
    const ios = parseChat(IOS_CHAT);
    expect(ios).toHaveLength(6);
    expect(ios[1]).toEqual({ date: '12/03/2024', time: '21:15:02', sender: '+92 300 1234567', text: 'We know where your family lives.\nLeave Quetta or your brother pays.\nThis is the last warning.' });
    expect(ios[2]).toMatchObject({ sender: '+92 300 1234567', attachment: '00000003-PHOTO-2024-03-12-21-16-40.jpg', text: '' });
    const android = parseChat(ANDROID_CHAT);
    expect(android[0]).toEqual({ date: '12/03/2024', time: '21:15', text: 'Messages and calls are end-to-end encrypted. No one outside of this chat can read them.' });
    expect(android[1]).toMatchObject({ sender: '+92 321 7654321', text: 'Your cousin in Hazara Town was warned.\nHe did not listen.' });
    expect(android[2]).toMatchObject({ sender: 'Hamid', attachment: 'IMG-20240312-WA0001.jpg' });
    expect(parseChat('3/12/24, 9:15 PM - Hamid: evening')).toEqual([{ date: '3/12/24', time: '9:15 PM', sender: 'Hamid', text: 'evening' }]);
  });

  it('renders an iOS .zip export: date, time, sender, text, the photo inline, other media named, a sent PDF as its own source', async () => {
    const jpeg = join(dir, 'photo.jpg');
    execFileSync('convert', ['-size', '120x80', 'xc:#d33', jpeg]);
    const photo = new Uint8Array(execFileSync('cat', [jpeg]));
    const listPdf = await (await textPdf(['List of names of the Hazara families'])).save();
    const zip = zipSync({
      '_chat.txt': enc(IOS_CHAT),
      '00000003-PHOTO-2024-03-12-21-16-40.jpg': photo,
      '00000004-AUDIO-2024-03-12-21-17-05.opus': new Uint8Array([1, 2, 3]),
      '00000006-List of names.pdf': listPdf,
    });
    const file = await write(dir, 'WhatsApp Chat - Unknown.zip', zip);
    expect(detectFormat('WhatsApp Chat - Unknown.zip', zip)).toEqual({ format: 'chat', ext: 'zip' });
    const src = await prepareSource(file, options);
    expect(src.meta).toMatchObject({ format: 'chat', originalFile: 'original.zip', title: 'WhatsApp chat with Unknown', flags: [] });
    await write(dir, 'ios-chat.pdf', src.documentPdf);
    const text = pdftotext(src.documentPdf);
    expect(text).toMatch(/12\/03\/2024 21:15:02 \+92 300 1234567/);
    expect(text).toContain('Leave Quetta or your brother pays.');
    expect(text).toContain('This is the last warning.');
    expect(text).toMatch(/13\/03\/2024 08:01:13 \+92 300 1234567/);
    expect(text).toContain('Karachi is not far for us either.');
    expect(text).toContain('Photo: 00000003-PHOTO-2024-03-12-21-16-40.jpg');
    expect(text).toContain('Attachment: 00000004-AUDIO-2024-03-12-21-17-05.opus');
    expect(imageCount(src.documentPdf, 'ios-chat.pdf')).toBeGreaterThanOrEqual(1);
    expect(src.children.map((c) => c.name)).toEqual(['00000006-List of names.pdf']);

    const results = await importFiles(ws, [file], options);
    expect(results.map((r) => [r.file, r.source.parent === results[0]!.source.id])).toEqual([
      ['WhatsApp Chat - Unknown.zip', false],
      ['00000006-List of names.pdf', true],
    ]);
  });

  it('renders a bare Android transcript with system lines and omitted media', async () => {
    const file = await write(dir, 'WhatsApp Chat with Hamid.txt', ANDROID_CHAT);
    const src = await prepareSource(file, options);
    expect(src.meta).toMatchObject({ format: 'chat', originalFile: 'original.txt', title: 'WhatsApp chat with Hamid' });
    const text = pdftotext(src.documentPdf);
    expect(text).toMatch(/12\/03\/2024 21:15 \+92 321 7654321/);
    expect(text).toMatch(/Your cousin in Hazara Town was warned\.\s+He did not listen\./);
    expect(text).toContain('Messages and calls are end-to-end encrypted.');
    expect(text).toContain('Attachment: IMG-20240312-WA0001.jpg');
    expect(text).toContain('<Media omitted>');
  });

  it('leaves an ordinary notes.txt to the text format, and refuses a zip bomb by name', async () => {
    expect(detectFormat('notes.txt', enc('12/03/2024, 21:15 - Hamid: hello'))).toEqual({ format: 'text', ext: 'txt' });
    expect(detectFormat('_chat.txt', enc('just some notes'))).toEqual({ format: 'text', ext: 'txt' });
    const many: Record<string, Uint8Array> = { '_chat.txt': enc(IOS_CHAT) };
    for (let i = 0; i < 6000; i++) many[`IMG-${i}.jpg`] = new Uint8Array(1);
    const bomb = await write(dir, 'bomb.zip', zipSync(many, { level: 0 }));
    await expect(prepareSource(bomb, options)).rejects.toThrow(/bomb\.zip expands to more than 5000 files/);
  });
});
