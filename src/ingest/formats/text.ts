/**
 * Plain text and Markdown: no signature, so the extension decides (and a
 * NUL byte in the first kilobytes refuses a binary file named ".txt").
 */
import { extOf, looksBinary } from './sniff.ts';
import type { SourceFormatModule } from './types.ts';

export const textFormat: SourceFormatModule = {
  id: 'text',
  format: 'text',
  label: 'plain text',
  extensions: ['txt', 'text'],
  detect: (bytes, name) => (['txt', 'text'].includes(extOf(name)) && !looksBinary(bytes) ? { ext: extOf(name) } : undefined),
  async render(input) {
    return { rendition: (await import('../render-text.ts')).renderText(input.bytes, 'text') };
  },
};

export const markdownFormat: SourceFormatModule = {
  id: 'markdown',
  format: 'markdown',
  label: 'Markdown',
  extensions: ['md', 'markdown'],
  detect: (bytes, name) => (['md', 'markdown'].includes(extOf(name)) && !looksBinary(bytes) ? { ext: extOf(name) } : undefined),
  async render(input) {
    return { rendition: (await import('../render-text.ts')).renderText(input.bytes, 'markdown') };
  },
};
