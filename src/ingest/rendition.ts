/**
 * Shared shape of the non-PDF renditions: each format turns its bytes into
 * template data plus whatever metadata the file itself declares; this module
 * prints that through the templates so every source becomes paginated A4.
 */
import type { DocumentType, PartialDate } from '../model/index.ts';
import type { Printer } from '../print/printer.ts';
import { renderTemplate } from '../templates/render.ts';

/** Metadata found inside the file (the caller's own metadata always wins). */
export interface DeclaredMetadata {
  title?: string;
  author?: string;
  publisher?: string;
  published?: PartialDate;
  url?: string;
  language?: string;
  type?: DocumentType;
}

export interface Rendition {
  /** A template in templates/ (without .hbs); each format module names its own. */
  template: string;
  data: Record<string, unknown>;
  declared: DeclaredMetadata;
}

/** Context every template gets: where the rendition came from. */
export interface RenditionContext {
  originalName: string;
  sha256: string;
}

export async function printRendition(printer: Printer, rendition: Rendition, context: RenditionContext & Record<string, unknown>, title: string): Promise<Uint8Array> {
  const html = renderTemplate(rendition.template, { ...rendition.data, ...context }, { paper: 'A4', title });
  return printer.printHtml(html, { paper: 'A4' });
}

/** Decodes text bytes: UTF-8 (BOM stripped) unless a UTF-16 BOM says otherwise. */
export function decodeText(bytes: Uint8Array, label = 'utf-8'): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes).replace(/^\uFEFF/, '');
}

/** Splits plain text into paragraphs at blank lines, keeping the line breaks inside each. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .split(/\n[ \t\u00a0]*\n+/)
    .map((p) => p.replace(/^\n+|\s+$/g, ''))
    .filter((p) => p.trim().length > 0);
}

/** "2026-03-04T10:00:00Z", "2026-03-04" → "2026-03-04"; anything else → undefined. */
export function isoDay(value: string | undefined | null): PartialDate | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day ? undefined : day;
}
