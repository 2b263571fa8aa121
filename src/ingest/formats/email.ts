/**
 * E-mail saved as .eml (RFC 5322): the rendition shows the headers and the
 * Received chain (`render-email.ts`); each attachment is a child file, so it
 * becomes a source of its own linked to the e-mail.
 */
import { extOf, looksBinary } from './sniff.ts';
import type { ChildFile, SourceFormatModule } from './types.ts';

export const emlFormat: SourceFormatModule = {
  id: 'eml',
  format: 'email',
  label: 'e-mail (.eml)',
  extensions: ['eml'],
  detect: (bytes, name) => (extOf(name) === 'eml' && !looksBinary(bytes) ? { ext: 'eml' } : undefined),
  async render(input) {
    return { rendition: await (await import('../render-email.ts')).renderEmail(input.bytes) };
  },
  async children(input): Promise<ChildFile[]> {
    return (await import('../render-email.ts')).emailAttachments(input.bytes);
  },
};
