/**
 * Outlook .msg renditions through @kenjiuno/msgreader: sender, recipients,
 * date, subject, the transport headers (the Received chain shows where a
 * threat came from, as for .eml) and the body: HTML, else plain text, else
 * the compressed RTF body (decompressed; HTML recovered from it when Outlook
 * wrapped HTML in RTF). Attachments, including attached .msg files, are
 * handed back as child files.
 */
import { createRequire } from 'node:module';
import type { AttachmentData, FieldsData } from '@kenjiuno/msgreader';
import { InvalidInputError } from '../../errors.ts';
import { decodeText, paragraphsOf, type DeclaredMetadata, type Rendition } from '../rendition.ts';
import { dayOfEmailDate } from '../render-email.ts';
import { sanitizeHtml } from '../sanitize.ts';
import { rtfBody } from './rtf-text.ts';
import type { ChildFile } from './types.ts';

const require = createRequire(import.meta.url);
interface Reader {
  getFileData(): FieldsData;
  getAttachment(attach: FieldsData): AttachmentData;
}
type MsgReaderClass = new (data: DataView) => Reader;
/** The package is CommonJS with `exports.default`; require it so both tsx and Electron's bundler agree. */
const loadReader = (): MsgReaderClass => (require('@kenjiuno/msgreader') as { default: MsgReaderClass }).default;
const loadDecompress = () => (require('@kenjiuno/decompressrtf') as { decompressRTF: (input: number[]) => number[] }).decompressRTF;

function open(name: string, bytes: Uint8Array): { reader: Reader; fields: FieldsData } {
  const MsgReader = loadReader();
  const copy = bytes.slice();
  const reader = new MsgReader(new DataView(copy.buffer, copy.byteOffset, copy.byteLength));
  let fields: FieldsData;
  try {
    fields = reader.getFileData();
  } catch (error) {
    throw new InvalidInputError(`${name} is not a readable Outlook message (${(error as Error).message}): open it in Outlook and save it again, or save it as .eml or PDF, then import that.`, name);
  }
  if (fields.error) throw new InvalidInputError(`${name} is not a readable Outlook message (${fields.error}): open it in Outlook and save it again, or save it as .eml or PDF, then import that.`, name);
  return { reader, fields };
}

/** Transport headers as (name, value) pairs in order, continuation lines unfolded. */
export function parseHeaderBlock(block: string | undefined): Array<{ name: string; value: string }> {
  if (!block) return [];
  const out: Array<{ name: string; value: string }> = [];
  for (const line of block.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^[ \t]/.test(line) && out.length) out[out.length - 1]!.value += ` ${line.trim()}`;
    else {
      const m = /^([!-9;-~]+):\s*(.*)$/.exec(line);
      if (m) out.push({ name: m[1]!, value: m[2]!.trim() });
    }
  }
  return out;
}

function person(name: string | undefined, address: string | undefined): string | undefined {
  const n = name?.trim();
  const a = address?.trim();
  if (n && a && n !== a) return `${n} <${a}>`;
  return a || n || undefined;
}

function addressOf(f: FieldsData): string | undefined {
  const candidates = [f.smtpAddress, f.email].filter((v): v is string => typeof v === 'string' && v.includes('@'));
  return candidates[0] ?? f.email;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function body(fields: FieldsData): { html?: string; paragraphs: string[] } {
  if (fields.bodyHtml?.trim()) return { html: sanitizeHtml(fields.bodyHtml, { keepSectioning: true }), paragraphs: [] };
  if (fields.html && fields.html.length) {
    const head = new TextDecoder('latin1').decode(fields.html.subarray(0, 2048));
    const charset = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
    return { html: sanitizeHtml(decodeText(fields.html, charset), { keepSectioning: true }), paragraphs: [] };
  }
  if (fields.body?.trim()) return { paragraphs: paragraphsOf(fields.body) };
  if (fields.compressedRtf && fields.compressedRtf.length >= 16) {
    const rtf = rtfBody(new Uint8Array(loadDecompress()(Array.from(fields.compressedRtf))));
    if (rtf.kind === 'html') return { html: sanitizeHtml(rtf.content, { keepSectioning: true }), paragraphs: [] };
    return { paragraphs: paragraphsOf(rtf.content) };
  }
  return { paragraphs: [] };
}

export function renderMsg(name: string, bytes: Uint8Array): Rendition {
  const { fields } = open(name, bytes);
  const transport = parseHeaderBlock(fields.headers);
  const header = (key: string) => transport.find((h) => h.name.toLowerCase() === key)?.value;
  const recipients = (type: 'to' | 'cc' | 'bcc') =>
    (fields.recipients ?? [])
      .filter((r) => (r.recipType ?? 'to') === type)
      .map((r) => person(r.name, addressOf(r)))
      .filter((v): v is string => Boolean(v))
      .join(', ');
  const from = person(fields.senderName, fields.senderSmtpAddress ?? (fields.senderEmail?.includes('@') ? fields.senderEmail : undefined)) ?? header('from');
  const dateHeader = header('date');
  const sent = fields.clientSubmitTime ?? fields.messageDeliveryTime;
  const headers: Array<{ name: string; value: string }> = [];
  const add = (n: string, v: string | undefined) => {
    if (v && v.trim()) headers.push({ name: n, value: v.trim() });
  };
  add('From', from);
  add('To', recipients('to') || header('to'));
  add('Cc', recipients('cc') || header('cc'));
  add('Bcc', recipients('bcc'));
  add('Date', dateHeader ?? sent);
  add('Subject', fields.subject);
  add('Message-ID', header('message-id'));
  add('Reply-To', header('reply-to'));
  add('Return-Path', header('return-path'));
  const received = transport.filter((h) => h.name.toLowerCase() === 'received').map((h) => h.value);
  const attachments = (fields.attachments ?? []).map((a) => ({
    name: a.innerMsgContent ? `${a.name ?? 'message'}.msg` : (a.fileName ?? a.fileNameShort ?? a.name ?? '(unnamed attachment)'),
    size: a.innerMsgContent ? 'attached message' : formatSize(a.contentLength ?? 0),
    type: a.attachMimeTag,
  }));
  const subject = fields.subject?.trim();
  const published = dayOfEmailDate(dateHeader) ?? dayOfEmailDate(sent);
  const declared: DeclaredMetadata = {
    type: 'email',
    ...(subject ? { title: subject } : {}),
    ...(from ? { author: from } : {}),
    ...(published ? { published } : {}),
  };
  return {
    template: 'rendition-email',
    data: { kind: 'Outlook message', subject: subject || '(no subject)', headers, received, ...body(fields), attachments },
    declared,
  };
}

/** The attachments of a .msg (an attached message as a .msg of its own). */
export function msgAttachments(name: string, bytes: Uint8Array): ChildFile[] {
  const { reader, fields } = open(name, bytes);
  return (fields.attachments ?? []).map((a, i) => {
    const data = reader.getAttachment(a);
    const fileName = a.innerMsgContent ? data.fileName : (a.fileName ?? a.fileNameShort ?? data.fileName);
    return { name: fileName?.trim() || `attachment-${i + 1}`, bytes: new Uint8Array(data.content) };
  });
}
