/**
 * E-mail (.eml) renditions. Threats often arrive by e-mail and the headers
 * are the evidence of where they came from, so the rendition shows the
 * header table (From, To, Cc, Date, Subject, Message-ID) and every Received
 * hop in the order they appear, before the body and a list of attachments.
 */
import PostalMime, { type Address, type Email } from 'postal-mime';
import { paragraphsOf, type DeclaredMetadata, type Rendition } from './rendition.ts';
import { sanitizeHtml } from './sanitize.ts';

function formatAddress(a: Address): string {
  if (a.group) return `${a.name}: ${a.group.map(formatAddress).join(', ')}`;
  return a.name && a.name !== a.address ? `${a.name} <${a.address}>` : a.address;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The calendar day of an RFC 5322 Date header as the sender wrote it (no time-zone shift). */
export function dayOfEmailDate(value: string | undefined): string | undefined {
  const m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/.exec(value ?? '');
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return undefined;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/** Unfolds a header value (continuation lines joined by one space). */
function unfold(value: string): string {
  return value.replace(/\r?\n[ \t]+/g, ' ').trim();
}

function rawHeader(email: Email, key: string): string | undefined {
  return email.headers.find((h) => h.key === key)?.value;
}

/** The attachments of an e-mail as files, each to become a source linked to it. */
export async function emailAttachments(bytes: Uint8Array): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  const email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  return email.attachments.map((a, i) => ({
    name: a.filename?.trim() || `attachment-${i + 1}`,
    bytes: typeof a.content === 'string' ? new TextEncoder().encode(a.content) : new Uint8Array(a.content),
  }));
}

export async function renderEmail(bytes: Uint8Array): Promise<Rendition> {
  const email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  const headers: Array<{ name: string; value: string }> = [];
  const add = (name: string, value: string | undefined) => {
    if (value && value.trim()) headers.push({ name, value: unfold(value) });
  };
  add('From', email.from ? formatAddress(email.from) : rawHeader(email, 'from'));
  add('To', email.to?.map(formatAddress).join(', '));
  add('Cc', email.cc?.map(formatAddress).join(', '));
  const dateHeader = rawHeader(email, 'date');
  add('Date', dateHeader ?? email.date);
  add('Subject', email.subject);
  add('Message-ID', email.messageId);
  add('Reply-To', email.replyTo?.map(formatAddress).join(', '));
  add('Return-Path', email.returnPath);

  const received = email.headers.filter((h) => h.key === 'received').map((h) => unfold(h.value));
  const attachments = email.attachments.map((a) => ({
    name: a.filename ?? '(unnamed attachment)',
    size: formatSize(typeof a.content === 'string' ? a.content.length : a.content.byteLength),
    type: a.mimeType,
  }));
  const text = email.text?.trim() ? email.text : undefined;
  const html = text === undefined && email.html ? sanitizeHtml(email.html, { keepSectioning: true }) : undefined;

  const subject = email.subject?.trim();
  const published = dayOfEmailDate(dateHeader) ?? (email.date ? email.date.slice(0, 10) : undefined);
  const author = email.from ? formatAddress(email.from) : undefined;
  const declared: DeclaredMetadata = {
    type: 'email',
    ...(subject ? { title: subject } : {}),
    ...(author ? { author } : {}),
    ...(published ? { published } : {}),
  };
  return {
    template: 'rendition-email',
    data: {
      kind: 'e-mail',
      subject: subject || '(no subject)',
      headers,
      received,
      html,
      paragraphs: text === undefined ? [] : paragraphsOf(text),
      attachments,
    },
    declared,
  };
}
