import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles, prepareSource } from '../../../src/ingest/index.ts';
import { familyOrder } from '../../../src/model/family.ts';
import { addSourcesToCase, createCase, importSources } from '../../../src/ops/index.ts';
import { ChromiumPrinter } from '../../../src/print/chromium.ts';
import { initWorkspace, openWorkspace, type Workspace } from '../../../src/store/index.ts';
import { scratchDir, textPdf, write } from '../fixtures.ts';
import { buildMsg, compressRtf, PROP } from './msg-fixtures.ts';

const printer = new ChromiumPrinter();
const dir = scratchDir();
const wsDir = join(dir, 'ws');
let ws: Workspace;
beforeAll(async () => {
  await initWorkspace(wsDir, new Date('2026-01-01T00:00:00Z'));
  ws = await openWorkspace(wsDir);
});
afterAll(async () => {
  await ws.close();
  await printer.close();
});
const now = new Date('2026-01-02T03:04:05Z');
/** The text of a source's paginated PDF (a born-digital PDF is stored once, as original.pdf). */
const documentText = (id: string, scope = 'library/sources') => {
  const folder = join(wsDir, scope, id);
  const file = existsSync(join(folder, 'document.pdf')) ? join(folder, 'document.pdf') : join(folder, 'original.pdf');
  return execFileSync('pdftotext', [file, '-']).toString();
};

const HEADERS = [
  'Received: from mx2.mail.example.net (mx2.mail.example.net [203.0.113.25])',
  '\tby inbox.example.org with ESMTPS id 4Qx7; Tue, 12 Mar 2024 16:16:07 +0000',
  'Received: from sender-host.karachi.example.pk (unknown [198.51.100.77])',
  '\tby mx2.mail.example.net with SMTP id 9Zk2; Tue, 12 Mar 2024 21:15:59 +0500',
  'From: Unknown Sender <warning@example.pk>',
  'To: Ali Hussain <ali@example.org>',
  'Subject: Final warning',
  'Date: Tue, 12 Mar 2024 21:15:50 +0500',
  'Message-ID: <threat-0002@sender-host.karachi.example.pk>',
  '',
].join('\r\n');

async function policePdf(): Promise<Uint8Array> {
  return (await textPdf(['First Information Report registered at Quetta'])).save();
}

function threatMsg(pdf: Uint8Array, variant = ''): Uint8Array {
  return buildMsg({
    props: {
      [PROP.subject]: { unicode: 'Final warning' },
      [PROP.senderName]: { unicode: 'Unknown Sender' },
      [PROP.senderSmtp]: { unicode: 'warning@example.pk' },
      [PROP.headers]: { unicode: HEADERS },
      [PROP.html]: { binary: new TextEncoder().encode('<html><body><p>We know where your family lives in <b>Quetta</b>.</p><script>alert(1)</script></body></html>') },
      [PROP.body]: { unicode: 'We know where your family lives in Quetta.' },
      [PROP.submitTime]: { time: new Date('2024-03-12T16:15:50Z') },
    },
    recipients: [
      { name: 'Ali Hussain', email: 'ali@example.org', type: 'to' },
      { name: 'Family', email: 'family@example.org', type: 'cc' },
    ],
    attachments: [
      { name: 'police-report.pdf', bytes: pdf, mime: 'application/pdf' },
      {
        name: 'Earlier threat',
        message: {
          props: { [PROP.subject]: { unicode: 'Earlier threat' }, [PROP.senderName]: { unicode: 'Same Sender' }, [PROP.body]: { unicode: `This is your first warning from Karachi.${variant}` } },
          attachments: [{ name: 'note.txt', bytes: new TextEncoder().encode(`Handwritten note copied out: leave Quetta.${variant}`) }],
        },
      },
    ],
  });
}

describe('Outlook .msg', () => {
  it('shows sender, recipients, date, subject, the Received chain and the HTML body', async () => {
    const src = await prepareSource(await write(dir, 'threat.msg', threatMsg(await policePdf())), { printer, scope: { kind: 'library' }, now });
    expect(src.meta).toMatchObject({ format: 'email', type: 'email', originalFile: 'original.msg', title: 'Final warning', author: 'Unknown Sender <warning@example.pk>', published: '2024-03-12' });
    const text = execFileSync('pdftotext', ['-', '-'], { input: src.documentPdf }).toString();
    expect(text).toMatch(/From\s+Unknown Sender <warning@example\.pk>/);
    expect(text).toMatch(/To\s+Ali Hussain <ali@example\.org>/);
    expect(text).toMatch(/Cc\s+Family <family@example\.org>/);
    expect(text).toMatch(/Date\s+Tue, 12 Mar 2024 21:15:50 \+0500/);
    const first = text.indexOf('from mx2.mail.example.net');
    const second = text.indexOf('from sender-host.karachi.example.pk (unknown [198.51.100.77])');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(text).toContain('We know where your family lives in Quetta.');
    expect(text).not.toContain('alert(1)');
    expect(text).toMatch(/police-report\.pdf/);
    expect(src.children.map((c) => c.name)).toEqual(['police-report.pdf', 'Earlier threat.msg']);
  });

  it('reads an RTF body: HTML wrapped in RTF, and plain RTF', async () => {
    const wrapped = String.raw`{\rtf1\ansi\ansicpg1252\fromhtml1 \deff0{\fonttbl{\f0\fswiss Arial;}}{\*\htmltag19 <html>}{\*\htmltag34 <body>}{\*\htmltag64 <p>}\htmlrtf {\htmlrtf0 The threat came from Karachi \'96 twice.{\*\htmltag72 </p>}\htmlrtf \par}\htmlrtf0{\*\htmltag42 </body>}}`;
    const plain = String.raw`{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}{\colortbl;\red0\green0\blue0;}\pard Caf\'e9 owner saw the men.\par Second paragraph \u8212? with a dash.\par}`;
    for (const [name, rtf, expected] of [
      ['wrapped.msg', wrapped, /The threat came from Karachi – twice\./],
      ['plain.msg', plain, /Café owner saw the men\.[\s\S]*Second paragraph — with a dash\./],
    ] as const) {
      const bytes = buildMsg({ props: { [PROP.subject]: { unicode: name }, [PROP.rtfCompressed]: { binary: compressRtf(rtf) } } });
      const src = await prepareSource(await write(dir, name, bytes), { printer, scope: { kind: 'library' }, now });
      const text = src.text.map((p) => p.text).join('\n');
      expect(text).toMatch(expected);
      expect(text).not.toContain('Arial');
    }
  });
});

describe('attachments become sources linked to their e-mail', () => {
  it('imports a .msg, its PDF attachment and an attached .msg with its own attachment, e-mail first', async () => {
    const file = await write(dir, 'threat-import.msg', threatMsg(await policePdf()));
    const results = await importFiles(ws, [file], { printer, now });
    expect(results.map((r) => r.file)).toEqual(['threat-import.msg', 'police-report.pdf', 'Earlier threat.msg', 'note.txt']);
    const [mail, pdf, inner, note] = results.map((r) => r.source);
    expect(mail!.parent).toBeUndefined();
    expect(pdf!.parent).toBe(mail!.id);
    expect(inner!.parent).toBe(mail!.id);
    expect(note!.parent).toBe(inner!.id);
    expect(pdf!.format).toBe('pdf');
    expect(documentText(pdf!.id)).toContain('First Information Report registered at Quetta');
    expect(documentText(inner!.id)).toContain('This is your first warning from Karachi.');
    expect(documentText(note!.id)).toContain('Handwritten note copied out: leave Quetta.');
    // Stored metadata carries the link.
    const stored = JSON.parse(readFileSync(join(wsDir, 'library/sources', note!.id, 'source.json'), 'utf8')) as { parent?: string };
    expect(stored.parent).toBe(inner!.id);
  });

  it('imports the attachments of an .eml, an attached .eml recursing, and reports one it cannot import', async () => {
    const pdf = Buffer.from(await (await textPdf(['Medical letter from the Quetta clinic'])).save()).toString('base64');
    const inner = ['From: Cousin <cousin@example.pk>', 'Subject: Forwarded threat', 'Content-Type: text/plain; charset=utf-8', '', 'They came to the house in Hazara Town.', ''].join('\r\n');
    const eml = [
      HEADERS.trimEnd(),
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'See the letter attached.',
      '--b1',
      'Content-Type: application/pdf; name="medical.pdf"',
      'Content-Disposition: attachment; filename="medical.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      pdf,
      '--b1',
      'Content-Type: message/rfc822; name="forwarded.eml"',
      'Content-Disposition: attachment; filename="forwarded.eml"',
      '',
      inner,
      '--b1',
      'Content-Type: application/octet-stream; name="data.bin"',
      'Content-Disposition: attachment; filename="data.bin"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from([0, 1, 2, 3, 0, 0, 9]).toString('base64'),
      '--b1--',
      '',
    ].join('\r\n');
    const results = await importFiles(ws, [await write(dir, 'with-attachments.eml', eml)], { printer, now });
    expect(results.map((r) => r.file)).toEqual(['with-attachments.eml', 'medical.pdf', 'forwarded.eml']);
    const [mail, medical, forwarded] = results.map((r) => r.source);
    expect(medical!.parent).toBe(mail!.id);
    expect(forwarded!.parent).toBe(mail!.id);
    expect(documentText(medical!.id)).toContain('Medical letter from the Quetta clinic');
    expect(documentText(forwarded!.id)).toContain('They came to the house in Hazara Town.');
    expect(results[0]!.warnings.join(' ')).toMatch(/data\.bin was not imported: data\.bin is not a format Sanad imports/);
  });

  it('imports into a case with the e-mail first and attachments carrying parent; adding the e-mail to the bundle brings them right after it', async () => {
    await createCase(ws, { slug: 'ab-2026', title: 'AB v SSHD' }, now);
    const other = await write(dir, 'statement.pdf', await (await textPdf(['Witness statement of the appellant'])).save());
    const mail = await write(dir, 'case-threat.msg', threatMsg(await (await textPdf(['FIR for the case copy'])).save(), ' (case copy)'));
    const outcomes = await importSources(ws, { files: [other, mail], caseSlug: 'ab-2026', printer, now });
    expect(outcomes.map((o) => [o.file, o.parent === undefined ? '-' : outcomes.find((p) => p.id === o.parent)!.file])).toEqual([
      ['statement.pdf', '-'],
      ['case-threat.msg', '-'],
      ['police-report.pdf', 'case-threat.msg'],
      ['Earlier threat.msg', 'case-threat.msg'],
      ['note.txt', 'Earlier threat.msg'],
    ]);
    const ids = Object.fromEntries(outcomes.map((o) => [o.file, o.id]));
    const all = await ws.listSources({ caseSlug: 'ab-2026' });
    expect(all.filter((s) => s.scope.kind === 'case').map((s) => s.id).sort()).toEqual(Object.values(ids).sort());
    // The library view's order: each e-mail with its attachments under it.
    const family = familyOrder(all.filter((s) => s.scope.kind === 'case')).map((f) => [f.source.originalName, f.depth]);
    const at = family.findIndex(([n]) => n === 'case-threat.msg');
    expect(family.slice(at, at + 4)).toEqual([
      ['case-threat.msg', 0],
      ['police-report.pdf', 1],
      ['Earlier threat.msg', 1],
      ['note.txt', 2],
    ]);
    expect(family).toContainEqual(['statement.pdf', 0]);

    await addSourcesToCase(ws, 'ab-2026', [ids['statement.pdf']!]);
    const bundle = await addSourcesToCase(ws, 'ab-2026', [ids['case-threat.msg']!]);
    const items = bundle.sections.flatMap((s) => s.items).filter((i) => i.kind === 'source').map((i) => (i.kind === 'source' ? i.sourceId : ''));
    expect(items).toEqual([ids['statement.pdf'], ids['case-threat.msg'], ids['police-report.pdf'], ids['Earlier threat.msg'], ids['note.txt']]);
    // Adding again changes nothing.
    const again = await addSourcesToCase(ws, 'ab-2026', [ids['case-threat.msg']!, ids['note.txt']!]);
    expect(again).toEqual(bundle);
  });
});
