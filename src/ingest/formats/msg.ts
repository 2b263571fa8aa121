/**
 * Outlook messages (.msg): an OLE compound file whose streams are MAPI
 * properties ("__substg1.0_…"). The rendition shows the headers like .eml;
 * attachments become sources linked to the message.
 */
import { cfbHasName, extOf, SIG, startsWith } from './sniff.ts';
import type { SourceFormatModule } from './types.ts';

export const msgFormat: SourceFormatModule = {
  id: 'msg',
  format: 'email',
  label: 'Outlook message (.msg)',
  extensions: ['msg'],
  detect(bytes, name) {
    if (!startsWith(bytes, SIG.cfb)) return undefined;
    return extOf(name) === 'msg' || cfbHasName(bytes, '__properties_version1.0') ? { ext: 'msg' } : undefined;
  },
  async render(input) {
    return { rendition: (await import('./msg-render.ts')).renderMsg(input.name, input.bytes) };
  },
  async children(input) {
    return (await import('./msg-render.ts')).msgAttachments(input.name, input.bytes);
  },
};
