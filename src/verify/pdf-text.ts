/**
 * PDF text strings as pdfjs decodes them (its stringToPDFString): UTF-16 or
 * UTF-8 with a byte-order mark, otherwise PDFDocEncoding; escape sequences
 * (\x1b…\x1b, a language tag) dropped unless asked to keep them. The raw
 * annotation reader uses it so a highlight's /Contents reads as pdfjs read it.
 */

/** PDFDocEncoding codes that differ from Latin-1 (ISO 32000 Annex D). */
const PDF_DOC: ReadonlyMap<number, number> = new Map([
  [24, 0x2d8], [25, 0x2c7], [26, 0x2c6], [27, 0x2d9], [28, 0x2dd], [29, 0x2db], [30, 0x2da], [31, 0x2dc],
  [128, 0x2022], [129, 0x2020], [130, 0x2021], [131, 0x2026], [132, 0x2014], [133, 0x2013], [134, 0x192], [135, 0x2044],
  [136, 0x2039], [137, 0x203a], [138, 0x2212], [139, 0x2030], [140, 0x201e], [141, 0x201c], [142, 0x201d], [143, 0x2018],
  [144, 0x2019], [145, 0x201a], [146, 0x2122], [147, 0xfb01], [148, 0xfb02], [149, 0x141], [150, 0x152], [151, 0x160],
  [152, 0x178], [153, 0x17d], [154, 0x131], [155, 0x142], [156, 0x153], [157, 0x161], [158, 0x17e], [160, 0x20ac],
]);

/** A language or other escape sequence inside a text string (ESC … ESC). */
const ESCAPE_SEQUENCE = new RegExp(`${String.fromCharCode(0x1b)}[^${String.fromCharCode(0x1b)}]*(?:${String.fromCharCode(0x1b)}|$)`, 'g');

/** Decodes a string's bytes (one char per byte, as the raw reader holds them). */
export function pdfText(bytes: string, keepEscapes = false): string {
  let encoding: string | undefined;
  if (bytes.startsWith('\xFE\xFF')) encoding = 'utf-16be';
  else if (bytes.startsWith('\xFF\xFE')) encoding = 'utf-16le';
  else if (bytes.startsWith('\xEF\xBB\xBF')) encoding = 'utf-8';
  if (encoding) {
    const even = encoding === 'utf-8' || bytes.length % 2 === 0 ? bytes : bytes.slice(0, -1);
    try {
      const decoded = new TextDecoder(encoding, { fatal: true }).decode(Buffer.from(even, 'latin1'));
      return keepEscapes ? decoded : decoded.replaceAll(ESCAPE_SEQUENCE, '');
    } catch {
      // Not valid in that encoding: read as PDFDocEncoding, as pdfjs does.
    }
  }
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes.charCodeAt(i);
    if (!keepEscapes && code === 0x1b) {
      while (++i < bytes.length && bytes.charCodeAt(i) !== 0x1b);
      continue;
    }
    const mapped = PDF_DOC.get(code);
    out += mapped ? String.fromCharCode(mapped) : bytes.charAt(i);
  }
  return out;
}

/** pdfjs's link URL: an absolute http(s), ftp, mailto or tel URL (normalised), else undefined. */
export function linkUrl(raw: string): string | undefined {
  if (!raw) return undefined;
  let url = raw;
  if (url.startsWith('www.') && (url.match(/\./g)?.length ?? 0) >= 2) url = `http://${url}`;
  try {
    url = decodeURIComponent(escape(url));
  } catch {
    // Not UTF-8: kept as it is.
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return ['http:', 'https:', 'ftp:', 'mailto:', 'tel:'].includes(parsed.protocol) ? parsed.href : undefined;
}
