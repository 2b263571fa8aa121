/**
 * Cleans HTML from imported files (Markdown output, saved web pages, e-mail
 * bodies) before it is printed: nothing may run, nothing may be fetched, and
 * Arabic-script paragraphs must lay out right to left. The printer already
 * runs with JavaScript off and the network blocked; this removes the
 * elements anyway so the rendition shows only what the reader saw as text.
 */
import { JSDOM, VirtualConsole } from 'jsdom';

/** Elements removed with everything inside them. */
const DROP = [
  'script', 'noscript', 'template', 'style', 'link', 'meta', 'base', 'title', 'head',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param',
  'video', 'audio', 'source', 'track', 'canvas', 'svg', 'math', 'map',
  'form', 'input', 'button', 'select', 'textarea', 'dialog', 'nav', 'aside', 'footer',
];

/** Blocks that get dir="auto" so each paragraph takes the direction of its own text. */
const BLOCKS = ['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'td', 'th', 'dd', 'dt', 'pre', 'figcaption', 'div', 'section', 'article'];

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

/** Returns body HTML safe to print: no active content, no remote images, RTL-aware blocks. */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  const dom = parseHtml(`<!doctype html><html><body>${html}</body></html>`);
  const doc = dom.window.document;
  const drop = options.keepSectioning ? DROP.filter((t) => !['nav', 'aside', 'footer'].includes(t)) : DROP;
  for (const el of Array.from(doc.body.querySelectorAll(drop.join(',')))) el.remove();
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim().toLowerCase();
      const remote = /url\s*\(|expression\s*\(|@import/.test(value);
      if (
        name.startsWith('on') ||
        ['srcset', 'background', 'poster', 'formaction', 'ping', 'class', 'id'].includes(name) ||
        (name === 'style' && remote) ||
        ((name === 'href' || name === 'src' || name === 'xlink:href') && /^(javascript|vbscript):/.test(value))
      ) {
        el.removeAttribute(attr.name);
      }
    }
    if (BLOCKS.includes(el.localName) && !el.hasAttribute('dir')) el.setAttribute('dir', 'auto');
  }
  for (const img of Array.from(doc.body.querySelectorAll('img'))) {
    const src = img.getAttribute('src') ?? '';
    if (!/^data:image\/(png|jpeg|gif|webp);/i.test(src)) {
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
  }
  const out = doc.body.innerHTML;
  dom.window.close();
  return out;
}
