/**
 * Word (.docx) renditions through mammoth: headings, paragraphs with Word's
 * own numbers (computed in `docx-numbering.ts`, since mammoth drops them),
 * bulleted lists, tables, footnotes, embedded images (as data: URLs), bold,
 * italic and underline. The HTML goes through the same sanitiser as every
 * other imported HTML. mammoth never reads linked files (externalFileAccess off).
 */
import { zipSync } from 'fflate';
import mammoth from 'mammoth';
import { InvalidInputError } from '../../errors.ts';
import { decodeText, isoDay, type DeclaredMetadata, type Rendition } from '../rendition.ts';
import { sanitizeHtml } from '../sanitize.ts';
import { labelNumberedParagraphs } from './docx-numbering.ts';
import { readZip } from './zip.ts';

const STYLE_MAP = [
  "p[style-name='Title'] => h1.doc-title:fresh",
  "p[style-name='Subtitle'] => p.doc-subtitle:fresh",
  'u => u',
  "r[style-name='Strong'] => strong",
];

/** dc:title, dc:creator and dcterms:created of docProps/core.xml. */
function coreProperties(xml: string | undefined): DeclaredMetadata {
  if (!xml) return {};
  const tag = (name: string) => {
    const m = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
    return m?.[1]?.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").trim() || undefined;
  };
  const title = tag('dc:title');
  const author = tag('dc:creator');
  const created = isoDay(tag('dcterms:created'));
  return { ...(title ? { title } : {}), ...(author ? { author } : {}), ...(created ? { published: created } : {}) };
}

function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
}

export async function renderDocx(name: string, bytes: Uint8Array): Promise<Rendition> {
  const entries = readZip(name, bytes);
  const documentXml = entries.get('word/document.xml');
  if (!documentXml) throw new InvalidInputError(`${name} is not a Word document (it has no word/document.xml): open it in Word or LibreOffice, save it as .docx or PDF, and import that.`, name);
  const text = (entry: string) => {
    const data = entries.get(entry);
    return data ? decodeText(data) : undefined;
  };
  const numbered = labelNumberedParagraphs(decodeText(documentXml), text('word/numbering.xml'), text('word/styles.xml'));
  entries.set('word/document.xml', new TextEncoder().encode(numbered.xml));
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(zipSync(Object.fromEntries(entries), { level: 0 })) },
      { styleMap: STYLE_MAP, externalFileAccess: false, ignoreEmptyParagraphs: true },
    );
    html = result.value;
  } catch (error) {
    throw new InvalidInputError(`${name} could not be read as a Word document (${(error as Error).message}): open it in Word or LibreOffice, save it again as .docx or PDF, and import that.`, name);
  }
  const declared: DeclaredMetadata = coreProperties(text('docProps/core.xml'));
  if (!declared.title) {
    const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];
    const title = heading ? textOf(heading) : '';
    if (title) declared.title = title.slice(0, 200);
  }
  return {
    template: 'rendition-docx',
    data: { kind: 'Word document', html: sanitizeHtml(html), numberedParagraphs: numbered.labelled },
    declared,
  };
}
