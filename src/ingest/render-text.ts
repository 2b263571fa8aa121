/**
 * Plain text and Markdown renditions. Text keeps its paragraphs and line
 * breaks and wraps long lines; Markdown is rendered with `marked` and then
 * sanitised like any other HTML (Markdown may carry raw HTML).
 */
import { marked } from 'marked';
import type { SourceFormat } from '../model/index.ts';
import { decodeText, paragraphsOf, type Rendition } from './rendition.ts';
import { sanitizeHtml } from './sanitize.ts';

export function renderText(bytes: Uint8Array, format: Extract<SourceFormat, 'text' | 'markdown'>): Rendition {
  const text = decodeText(bytes);
  if (format === 'markdown') {
    const html = marked.parse(text, { async: false, gfm: true });
    const firstHeading = /^#\s+(.+?)\s*#*\s*$/m.exec(text)?.[1];
    return {
      template: 'rendition-text',
      data: { kind: 'Markdown', html: sanitizeHtml(html) },
      declared: { type: 'report', ...(firstHeading ? { title: firstHeading } : {}) },
    };
  }
  return { template: 'rendition-text', data: { kind: 'plain text', paragraphs: paragraphsOf(text) }, declared: { type: 'report' } };
}
