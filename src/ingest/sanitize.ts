/**
 * Cleans HTML from imported files (Markdown output, saved web pages, e-mail
 * bodies; the Word and Outlook importers reuse it) before it is printed into
 * a rendition that may end up in a tribunal bundle. An allowlist, not a
 * blocklist: DOMPurify (a well-kept sanitiser) over jsdom keeps only the
 * text-bearing tags and the few attributes listed below, then:
 * - no `style`, `class` or `id` from the source (CSS can fetch: url(),
 *   image-set(), escaped forms), no event handlers, no forms or frames;
 * - a link stays clickable only if it is http(s) or mailto and does not point
 *   at this machine or a private network; any other link becomes its plain text;
 * - an image stays only as an embedded data: PNG/JPEG/GIF/WebP; a remote one
 *   becomes "[image: alt]".
 * Arabic-script paragraphs lay out right to left (dir="auto" on blocks).
 * The printer also runs with JavaScript off and every request blocked.
 */
import createDOMPurify, { type Config } from 'dompurify';
import { JSDOM, VirtualConsole } from 'jsdom';

/** A jsdom window that never runs scripts and never loads anything. */
export function parseHtml(html: string, url?: string): JSDOM {
  return new JSDOM(html, {
    ...(url ? { url } : {}),
    virtualConsole: new VirtualConsole(),
    // No runScripts and no resources option: jsdom then runs no script and
    // fetches nothing (no images, styles, frames). Keep it that way.
  });
}

export interface SanitizeOptions {
  /** Keep <nav>, <aside>, <footer> (e-mail bodies use them for layout). */
  keepSectioning?: boolean;
}

const TEXT_TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'kbd', 'samp', 'var',
  'em', 'strong', 'b', 'i', 'u', 's', 'small', 'sub', 'sup', 'mark', 'q', 'cite', 'abbr', 'dfn', 'time', 'del', 'ins',
  'span', 'div', 'section', 'article', 'header', 'main', 'address', 'figure', 'figcaption',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'colgroup', 'col',
  'a', 'img',
];
const SECTIONING = ['nav', 'aside', 'footer'];
const ATTRIBUTES = ['href', 'src', 'alt', 'title', 'dir', 'lang', 'colspan', 'rowspan', 'scope', 'start', 'reversed', 'datetime'];
/** Dropped with everything inside them (the others not allowed keep their text). */
const DROP_WITH_CONTENT = ['script', 'style', 'noscript', 'template', 'title', 'head', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'video', 'audio', 'canvas', 'svg', 'math', 'map', 'form', 'button', 'select', 'textarea', 'dialog', 'portal', 'fencedframe', 'datalist', 'option'];

/** Blocks that get dir="auto" so each paragraph takes the direction of its own text. */
const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'td', 'th', 'dd', 'dt', 'pre', 'figcaption', 'div', 'section', 'article']);

const EMBEDDED_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$/i;

/** Host names and addresses of this machine or a private network: no link in a bundle should lead there. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === '' || host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  if (!host.includes('.') && !host.includes(':')) return true; // a bare machine name on the local network
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (host.includes(':')) return host === '::' || host === '::1' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || host.startsWith('::ffff:');
  return false;
}

/** A link that may stay clickable in a bundle: http(s) to a public host, or mailto. */
export function isSafeLink(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false; // relative, or not a URL at all
  }
  if (url.protocol === 'mailto:') return true;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return !isLocalHost(url.hostname);
}

/** Returns body HTML safe to print: allowlisted tags and attributes, safe links, embedded images only. */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  const dom = parseHtml('<!doctype html><html><body></body></html>');
  const purify = createDOMPurify(dom.window as unknown as Parameters<typeof createDOMPurify>[0]);
  const config: Config = {
    ALLOWED_TAGS: options.keepSectioning ? [...TEXT_TAGS, ...SECTIONING] : TEXT_TAGS,
    ALLOWED_ATTR: ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    // Every URL is checked again below; this keeps DOMPurify from passing anything else.
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|data:image\/(?:png|jpeg|gif|webp);base64,)/i,
    ADD_URI_SAFE_ATTR: [],
    FORBID_CONTENTS: options.keepSectioning ? DROP_WITH_CONTENT : [...DROP_WITH_CONTENT, ...SECTIONING],
    KEEP_CONTENT: true,
    WHOLE_DOCUMENT: false,
    RETURN_DOM_FRAGMENT: true,
  };
  const fragment = purify.sanitize(html, config) as unknown as DocumentFragment;
  const doc = dom.window.document;

  for (const a of Array.from(fragment.querySelectorAll('a'))) {
    const href = a.getAttribute('href');
    if (href !== null && isSafeLink(href.trim())) continue;
    a.replaceWith(...Array.from(a.childNodes)); // the link's words stay, as plain text
  }
  for (const img of Array.from(fragment.querySelectorAll('img'))) {
    if (EMBEDDED_IMAGE.test(img.getAttribute('src') ?? '')) continue;
    const alt = img.getAttribute('alt')?.trim();
    if (alt) {
      const note = doc.createElement('span');
      note.className = 'muted';
      note.textContent = `[image: ${alt}]`;
      img.replaceWith(note);
    } else {
      img.remove();
    }
  }
  for (const el of Array.from(fragment.querySelectorAll('*'))) {
    if (BLOCKS.has(el.localName) && !el.hasAttribute('dir')) el.setAttribute('dir', 'auto');
  }
  const holder = doc.createElement('div');
  holder.append(fragment);
  const out = holder.innerHTML;
  dom.window.close();
  return out;
}
