/**
 * Saved web pages (.html, .htm, .xhtml): the main article is extracted by
 * `render-html.ts`. Recognised by extension; stored as "original.html".
 */
import { extOf, looksBinary } from './sniff.ts';
import type { SourceFormatModule } from './types.ts';

const EXTENSIONS = ['html', 'htm', 'xhtml'];

export const htmlFormat: SourceFormatModule = {
  id: 'html',
  format: 'html',
  label: 'saved web page',
  extensions: EXTENSIONS,
  detect(bytes, name) {
    const ext = extOf(name);
    if (!EXTENSIONS.includes(ext) || looksBinary(bytes)) return undefined;
    return { ext: ext === 'htm' ? 'html' : ext };
  },
  async render(input) {
    return { rendition: (await import('../render-html.ts')).renderHtml(input.bytes) };
  },
};
