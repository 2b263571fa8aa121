/**
 * WhatsApp chat export renditions: a transcript with date, time, sender and
 * message; JPEG and PNG photos shown inline (as data: URLs, nothing fetched),
 * other media named. Documents sent in the chat (PDF, Word…) are handed back
 * as child files so they become sources of their own.
 */
import { InvalidInputError } from '../../errors.ts';
import { decodeText, type Rendition } from '../rendition.ts';
import { isTranscriptName, looksLikeChat, parseChat } from './whatsapp-parse.ts';
import { acceptedExtensions } from './registry.ts';
import { extOf } from './sniff.ts';
import type { ChildFile } from './types.ts';
import { readZip } from './zip.ts';

const INLINE: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };
/** Media never imported as sources of their own (photos are inline; stickers, audio and video are named). */
const NOT_CHILDREN = new Set(['jpg', 'jpeg', 'png', 'webp', 'gif', 'heic', 'heif', 'tif', 'tiff', 'txt', 'opus', 'mp3', 'm4a', 'aac', 'ogg', 'mp4', 'mov', '3gp', 'vcf']);
const MAX_INLINE_IMAGE = 15 * 1024 * 1024;

interface Export {
  transcript: string;
  chatName: string;
  media: Map<string, Uint8Array>;
}

function readExport(name: string, bytes: Uint8Array, isZip: boolean, wantChildren: boolean): Export {
  if (!isZip) return { transcript: decodeText(bytes), chatName: name, media: new Map() };
  const accepted = new Set(acceptedExtensions());
  const entries = readZip(name, bytes, (entry) => {
    const ext = extOf(entry);
    return isTranscriptName(entry) || ext in INLINE || (wantChildren && accepted.has(ext) && !NOT_CHILDREN.has(ext));
  });
  const transcriptEntry = [...entries.keys()].find(isTranscriptName);
  if (!transcriptEntry) throw new InvalidInputError(`${name} has no _chat.txt: export the chat again from WhatsApp ("Export chat") and import the .zip it makes.`, name);
  const transcript = decodeText(entries.get(transcriptEntry)!);
  const media = new Map<string, Uint8Array>();
  for (const [entry, data] of entries) if (entry !== transcriptEntry) media.set(entry.split('/').pop() ?? entry, data);
  return { transcript, chatName: transcriptEntry.split('/').pop()!, media };
}

function titleOf(chatName: string, fileName: string): string {
  const m = /^WhatsApp Chat (?:with |- )?(.+?)\.(?:txt|zip)$/i.exec(chatName) ?? /^WhatsApp Chat (?:with |- )?(.+?)\.(?:txt|zip)$/i.exec(fileName);
  return m ? `WhatsApp chat with ${m[1]}` : 'WhatsApp chat';
}

export function renderChat(name: string, bytes: Uint8Array, isZip: boolean): Rendition {
  const exp = readExport(name, bytes, isZip, false);
  if (!looksLikeChat(exp.transcript)) throw new InvalidInputError(`${name} does not look like a WhatsApp chat export (no "date, time - name: message" lines): export the chat again from WhatsApp, or save the text under another name to import it as plain text.`, name);
  const messages = parseChat(exp.transcript);
  let lastDate = '';
  const rows = messages.map((m) => {
    const ext = m.attachment ? extOf(m.attachment) : '';
    const data = m.attachment ? exp.media.get(m.attachment) : undefined;
    const inline = data && INLINE[ext] && data.length <= MAX_INLINE_IMAGE ? `data:${INLINE[ext]};base64,${Buffer.from(data).toString('base64')}` : undefined;
    const newDay = m.date !== lastDate;
    lastDate = m.date;
    return {
      // "date" is a template helper's name, so the row calls it "day".
      day: m.date,
      time: m.time,
      sender: m.sender,
      text: m.text,
      attachment: m.attachment,
      newDay,
      system: m.sender === undefined,
      image: inline,
      missing: m.attachment !== undefined && data === undefined && isZip && ext in INLINE,
      lines: m.text.split('\n'),
    };
  });
  const senders = [...new Set(messages.map((m) => m.sender).filter((s): s is string => Boolean(s)))];
  const dates = messages.map((m) => m.date).filter(Boolean);
  return {
    template: 'rendition-chat',
    data: {
      kind: isZip ? 'WhatsApp chat export with media' : 'WhatsApp chat export',
      chatTitle: titleOf(exp.chatName, name),
      senders,
      first: dates[0],
      last: dates[dates.length - 1],
      count: messages.length,
      rows,
    },
    declared: { title: titleOf(exp.chatName, name), type: 'other' },
  };
}

/** Documents sent in the chat (PDF, Word…), each to become a source linked to the chat. */
export function chatChildren(name: string, bytes: Uint8Array, isZip: boolean): ChildFile[] {
  if (!isZip) return [];
  const exp = readExport(name, bytes, true, true);
  return [...exp.media].filter(([entry]) => !(extOf(entry) in INLINE)).map(([entry, data]) => ({ name: entry, bytes: data }));
}
