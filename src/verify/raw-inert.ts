/**
 * The inert check on the raw reader: every object the cross-reference
 * points at (object streams included) is read and judged by the same rules
 * the assembler applies (bundle/inert.ts), with the same words as
 * findActiveContent — without loading the whole file into pdf-lib. Values
 * are followed through references where pdf-lib's check took them as
 * written (an action type or URI held in another object is still judged).
 */
import { PDFHexString } from '@cantoo/pdf-lib';
import { ACTION_TYPES, ACTIVE_ANNOTATIONS, ACTIVE_KEYS, KEPT_ACTIONS, isSafeUri } from '../bundle/inert.ts';
import { isDict, isStream, nameOf, PdfRef, PdfString, type PdfDict, type PdfValue, type RawPdf } from './raw-pdf.ts';

/** A name's text, or a string's as pdf-lib decodes it (UTF-16 with a mark, else PDFDocEncoding). */
function text(raw: RawPdf, v: PdfValue | undefined): string | undefined {
  const r = raw.resolve(v);
  if (r instanceof PdfString) return PDFHexString.of(Buffer.from(r.bytes, 'latin1').toString('hex')).decodeText();
  return nameOf(r);
}

function activeAction(raw: RawPdf, action: PdfDict): string | undefined {
  const kind = text(raw, action.get('S')) ?? '?';
  if (!KEPT_ACTIONS.has(kind)) return `a ${kind} action`;
  if (kind === 'URI') {
    const uri = text(raw, action.get('URI')) ?? '';
    if (!isSafeUri(uri)) return `a link to "${uri.slice(0, 40)}"`;
  }
  if (kind === 'GoTo' && !Array.isArray(raw.resolve(action.get('D')))) return 'a link to a named destination';
  if (action.has('Next')) return 'a chain of actions';
  return undefined;
}

/** bundle/inert.ts's activeInDict on a raw dictionary. */
function activeInDict(raw: RawPdf, dict: PdfDict): string[] {
  const found: string[] = [];
  for (const key of ACTIVE_KEYS) if (dict.has(key)) found.push(`/${key}`);
  const type = text(raw, dict.get('Type'));
  const subtype = text(raw, dict.get('Subtype'));
  if (type === 'EmbeddedFile') found.push('an embedded file');
  if (subtype && ACTIVE_ANNOTATIONS.has(subtype) && (type === 'Annot' || dict.has('Rect'))) found.push(`a ${subtype} annotation`);
  const s = text(raw, dict.get('S'));
  if (s && ACTION_TYPES.has(s) && type !== 'StructElem') {
    const why = activeAction(raw, dict);
    if (why) found.push(why);
  }
  if (dict.has('Dest') && !Array.isArray(raw.resolve(dict.get('Dest')))) found.push('a link to a named destination');
  return found;
}

/**
 * Everything active in the file, as findActiveContent words it (at most
 * `limit`), object by object in number order. A generator so the caller can
 * let other work in between objects; throws RawPdfError on an object it
 * cannot read.
 */
export function* rawActiveContent(raw: RawPdf, found: string[], limit = 20): Generator<void, string[]> {
  const visit = (where: string, o: PdfValue, depth: number) => {
    if (found.length >= limit || depth > 64) return;
    const dict = isDict(o) ? o : isStream(o) ? o.dict : undefined;
    if (dict) {
      for (const why of activeInDict(raw, dict)) found.push(`${where} holds ${why}`);
      for (const value of dict.values()) if (!(value instanceof PdfRef)) visit(where, value, depth + 1);
    } else if (Array.isArray(o)) {
      for (const value of o) if (!(value instanceof PdfRef)) visit(where, value, depth + 1);
    }
  };
  let n = 0;
  for (const num of raw.objectNumbers()) {
    const object = raw.get(num);
    // pdf-lib never holds object and cross-reference streams as objects: their contents are what is judged.
    const type = isStream(object) ? nameOf(object.dict.get('Type')) : undefined;
    if (type !== 'ObjStm' && type !== 'XRef') visit(`object ${num}`, object, 0);
    if (++n % 500 === 0) yield;
  }
  for (const key of ['Root', 'Info']) {
    const root = raw.trailer.get(key);
    if (root !== undefined && !(root instanceof PdfRef)) visit('the trailer', root, 0);
  }
  return found.slice(0, limit);
}
