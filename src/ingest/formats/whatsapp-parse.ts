/**
 * Parses a WhatsApp "Export chat" transcript (_chat.txt). Two layouts exist:
 * Android "12/03/2024, 21:15 - Name: message" and iOS
 * "[12/03/2024, 21:15:02] Name: message" (12- or 24-hour clock, any date
 * order). Dates, times and names (often phone numbers) are kept exactly as
 * written: the export does not say which date order it uses, and the
 * tribunal should see what the phone showed. A line that does not start a
 * message continues the one before it.
 */

export interface ChatMessage {
  date: string;
  time: string;
  /** Undefined for system lines ("Messages are end-to-end encrypted…"). */
  sender?: string;
  text: string;
  /** Media file named in the message, if any. */
  attachment?: string;
}

/** Invisible direction marks WhatsApp puts around names, numbers and attachments. */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const DATE = String.raw`(\d{1,4}[./-]\d{1,2}[./-]\d{1,4})`;
const TIME = String.raw`(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?)`;
const IOS = new RegExp(String.raw`^\[${DATE},?\s+${TIME}\]\s+(.*)$`);
const ANDROID = new RegExp(String.raw`^${DATE},?\s+${TIME}\s+[-–]\s+(.*)$`);

/** "Name: text" → sender and text; a system line has no "name: " prefix. */
function splitSender(rest: string): { sender?: string; text: string } {
  const m = /^([^:]{1,80}?):\s(.*)$/s.exec(rest) ?? /^([^:]{1,80}?):$/.exec(rest);
  if (!m) return { text: rest };
  return { sender: m[1]!.trim(), text: m[2] ?? '' };
}

/** The media file a message names: iOS "<attached: 0001-PHOTO-….jpg>", Android "IMG-….jpg (file attached)". */
function attachmentOf(text: string): { attachment?: string; text: string } {
  const ios = /<attached:\s*([^>]+)>/.exec(text);
  if (ios) return { attachment: ios[1]!.trim(), text: text.replace(ios[0], '').trim() };
  const android = /^(.+?\.[A-Za-z0-9]{2,5}) \((?:file attached|fichier joint|archivo adjunto|Datei angehängt)\)\s*([\s\S]*)$/.exec(text);
  if (android) return { attachment: android[1]!.trim(), text: android[2]!.trim() };
  return { text };
}

export function parseChat(transcript: string): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const raw of transcript.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(BIDI, '');
    const m = IOS.exec(line) ?? ANDROID.exec(line);
    if (m) {
      const { sender, text } = splitSender(m[3]!);
      messages.push({ date: m[1]!, time: m[2]!.replace(/\s+/g, ' '), ...(sender !== undefined ? { sender } : {}), text });
    } else if (messages.length > 0) {
      const last = messages[messages.length - 1]!;
      last.text += `\n${line}`;
    } else if (line.trim()) {
      messages.push({ date: '', time: '', text: line });
    }
  }
  for (const msg of messages) {
    const { attachment, text } = attachmentOf(msg.text);
    msg.text = text.replace(/\s+$/, '');
    if (attachment) msg.attachment = attachment;
  }
  return messages;
}

/** Whether `text` looks like a chat export (its first message lines match either layout). */
export function looksLikeChat(text: string): boolean {
  const lines = text.replace(BIDI, '').split(/\r?\n/).slice(0, 20).filter((l) => l.trim());
  return lines.some((l) => IOS.test(l) || ANDROID.test(l));
}

/** Whether a file or ZIP entry is a chat transcript: iOS "_chat.txt", Android "WhatsApp Chat with X.txt". */
export function isTranscriptName(entry: string): boolean {
  const base = entry.split('/').pop() ?? entry;
  return base === '_chat.txt' || /^WhatsApp Chat (with |- )?.*\.txt$/i.test(base);
}
