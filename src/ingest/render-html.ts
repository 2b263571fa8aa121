/**
 * Saved web pages: Readability extracts the main article (no menus, ads or
 * scripts) and the page's own metadata (title, byline, publication date,
 * canonical URL, language) is kept so a citation can be written from it.
 * jsdom parses the page with scripts off and no resource loading.
 */
import { Readability } from '@mozilla/readability';
import { decodeText, isoDay, type DeclaredMetadata, type Rendition } from './rendition.ts';
import { parseHtml, sanitizeHtml } from './sanitize.ts';

/** The charset a saved page declares in its first bytes, if any. */
function declaredCharset(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
}

function absoluteHttpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** datePublished from JSON-LD blocks, searched through arrays and @graph. */
function jsonLdDate(scripts: string[]): string | undefined {
  const visit = (node: unknown): string | undefined => {
    if (Array.isArray(node)) return node.map(visit).find((v) => v !== undefined);
    if (typeof node !== 'object' || node === null) return undefined;
    const rec = node as Record<string, unknown>;
    if (typeof rec.datePublished === 'string') return rec.datePublished;
    return visit(rec['@graph']);
  };
  for (const text of scripts) {
    try {
      const found = visit(JSON.parse(text));
      if (found) return found;
    } catch {
      // Broken JSON-LD is common on saved pages; ignore it.
    }
  }
  return undefined;
}

/** "Headline | Site" → "Headline" when the site is known (the publisher is kept separately). */
function withoutSiteName(title: string | undefined, siteName: string | undefined): string | undefined {
  if (!title || !siteName) return title;
  for (const sep of [' | ', ' - ', ' – ', ' — ', ' :: ']) {
    if (title.endsWith(`${sep}${siteName}`)) return title.slice(0, -(sep.length + siteName.length)).trim() || title;
  }
  return title;
}

export function renderHtml(bytes: Uint8Array): Rendition {
  const dom = parseHtml(decodeText(bytes, declaredCharset(bytes)));
  const doc = dom.window.document;
  const attr = (selector: string, name: string) => doc.querySelector(selector)?.getAttribute(name)?.trim() || undefined;

  const url = absoluteHttpUrl(attr('link[rel~="canonical"]', 'href')) ?? absoluteHttpUrl(attr('meta[property="og:url"]', 'content'));
  const declaredDate =
    isoDay(attr('meta[property="article:published_time"]', 'content')) ??
    isoDay(jsonLdDate(Array.from(doc.querySelectorAll('script[type="application/ld+json"]'), (s) => s.textContent ?? ''))) ??
    isoDay(attr('time[datetime]', 'datetime')) ??
    isoDay(attr('meta[name="date"]', 'content'));
  const lang = doc.documentElement.getAttribute('lang')?.trim() || undefined;
  if (url && !doc.querySelector('base[href]')) {
    // Relative links in the article resolve against the page's own address.
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    doc.head.prepend(base);
  }
  const fallbackTitle = doc.title.trim() || undefined;
  const fallbackBody = doc.body?.innerHTML ?? '';

  const article = new Readability(doc, { charThreshold: 100 }).parse();
  const byline = article?.byline?.trim().replace(/^by\s+/i, '') || undefined;
  const siteName = article?.siteName?.trim() || undefined;
  const title = withoutSiteName(article?.title?.trim() || fallbackTitle, siteName);
  const published = declaredDate ?? isoDay(article?.publishedTime);
  const html = sanitizeHtml(article?.content ?? fallbackBody);
  dom.window.close();

  const declared: DeclaredMetadata = {
    type: 'web-page',
    ...(title ? { title } : {}),
    ...(byline ? { author: byline } : {}),
    ...(siteName ? { publisher: siteName } : {}),
    ...(published ? { published } : {}),
    ...(url ? { url } : {}),
    ...(lang ? { language: lang } : {}),
  };
  return {
    template: 'rendition-html',
    data: { kind: 'saved web page, main article', title: title ?? '', byline, siteName, published, url, lang, html },
    declared,
  };
}
