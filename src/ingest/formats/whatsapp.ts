/**
 * WhatsApp "Export chat": a .zip holding _chat.txt (iOS) or "WhatsApp Chat
 * with X.txt" (Android) plus the media, or the bare transcript. Threats by
 * WhatsApp are as common as e-mailed ones; the transcript keeps dates,
 * times, senders and phone numbers as the phone showed them.
 */
import { extOf, looksBinary, zipEntryNames } from './sniff.ts';
import type { SourceFormatModule } from './types.ts';
import { isTranscriptName, looksLikeChat } from './whatsapp-parse.ts';

export const whatsappFormat: SourceFormatModule = {
  id: 'whatsapp',
  format: 'chat',
  label: 'WhatsApp chat export',
  extensions: ['zip', 'txt'],
  detect(bytes, name) {
    const entries = zipEntryNames(bytes);
    if (entries) return entries.some(isTranscriptName) ? { ext: 'zip' } : undefined;
    if (extOf(name) !== 'txt' || !isTranscriptName(name) || looksBinary(bytes)) return undefined;
    return looksLikeChat(new TextDecoder().decode(bytes.subarray(0, 4096))) ? { ext: 'txt' } : undefined;
  },
  async render(input) {
    return { rendition: (await import('./whatsapp-render.ts')).renderChat(input.name, input.bytes, input.ext === 'zip') };
  },
  async children(input) {
    return (await import('./whatsapp-render.ts')).chatChildren(input.name, input.bytes, input.ext === 'zip');
  },
};
