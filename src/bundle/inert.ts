/**
 * The bundle is inert: nothing in it can run, launch, submit, play or carry a
 * file. Source pages are copied whole, so whatever a source hung on them
 * (page and field /AA, JavaScript and Launch actions, file attachments,
 * media, XFA, file: links) would reach the tribunal. makeInert keeps only
 * what a bundle needs — internal links (explicit destinations) and
 * http(s)/mailto links — and drops everything else, then deletes the objects
 * nothing refers to any more (pdf-lib writes every object it holds).
 * findActiveContent reports the same things without changing anything; it is
 * what verification uses, on every object of the file.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFStream, PDFString, type PDFContext, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';

/** Keys that only ever hold something active (or a file) and are never needed in a bundle. */
export const ACTIVE_KEYS = ['AA', 'OpenAction', 'JS', 'JavaScript', 'EmbeddedFiles', 'EF', 'XFA', 'RichMediaContent', 'RichMediaSettings', 'Sound', 'Movie'];
/** Annotation types that play, launch or carry something. */
export const ACTIVE_ANNOTATIONS = new Set(['FileAttachment', 'Sound', 'Movie', 'Screen', 'RichMedia', '3D']);
/** The only actions a bundle keeps. */
export const KEPT_ACTIONS = new Set(['GoTo', 'URI']);

const SAFE_URI = /^(https?:\/\/|mailto:)/i;

function text(o: PDFObject | undefined): string | undefined {
  return o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : o instanceof PDFName ? o.decodeText() : undefined;
}

/** True for a URI a caseworker may click in a filed bundle (web and e-mail only). */
export function isSafeUri(uri: string): boolean {
  // Readers ignore control characters and spaces inside a scheme ("java\tscript:").
  const squeezed = [...uri].filter((c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) !== 0x7f).join('');
  return SAFE_URI.test(squeezed);
}

/** Why an action dict is not allowed, or undefined when it is. */
export function activeAction(ctx: PDFContext, action: PDFDict): string | undefined {
  const kind = text(action.get(PDFName.of('S'))) ?? '?';
  if (!KEPT_ACTIONS.has(kind)) return `a ${kind} action`;
  if (kind === 'URI') {
    const uri = text(ctx.lookup(action.get(PDFName.of('URI')))) ?? '';
    if (!isSafeUri(uri)) return `a link to "${uri.slice(0, 40)}"`;
  }
  if (kind === 'GoTo' && !(ctx.lookup(action.get(PDFName.of('D'))) instanceof PDFArray)) return 'a link to a named destination';
  if (action.get(PDFName.of('Next')) !== undefined) return 'a chain of actions';
  return undefined;
}

function dictOf(o: PDFObject | undefined): PDFDict | undefined {
  return o instanceof PDFDict ? o : o instanceof PDFStream ? o.dict : undefined;
}

/** What is active about one dictionary itself (not its children). */
export function activeInDict(ctx: PDFContext, dict: PDFDict): string[] {
  const found: string[] = [];
  for (const key of ACTIVE_KEYS) if (dict.get(PDFName.of(key)) !== undefined) found.push(`/${key}`);
  const type = text(dict.get(PDFName.of('Type')));
  const subtype = text(dict.get(PDFName.of('Subtype')));
  if (type === 'EmbeddedFile') found.push('an embedded file');
  if (subtype && ACTIVE_ANNOTATIONS.has(subtype) && (type === 'Annot' || dict.get(PDFName.of('Rect')) !== undefined)) found.push(`a ${subtype} annotation`);
  // Structure elements have /S too (/P, /H1, /Link…), never an action type.
  const s = text(dict.get(PDFName.of('S')));
  if (s && ACTION_TYPES.has(s) && type !== 'StructElem') {
    const why = activeAction(ctx, dict);
    if (why) found.push(why);
  }
  const dest = dict.get(PDFName.of('Dest'));
  if (dest !== undefined && !(ctx.lookup(dest) instanceof PDFArray)) found.push('a link to a named destination');
  return found;
}

/** Every action type in PDF 2.0. */
export const ACTION_TYPES = new Set([
  'GoTo', 'GoToR', 'GoToE', 'GoToDp', 'Launch', 'Thread', 'URI', 'Sound', 'Movie', 'Hide', 'Named', 'SubmitForm', 'ResetForm',
  'ImportData', 'SetOCGState', 'Rendition', 'Trans', 'GoTo3DView', 'JavaScript', 'RichMediaExecute',
]);

/** Removes what is active from one dictionary (in place). */
function scrubDict(ctx: PDFContext, dict: PDFDict): void {
  for (const key of ACTIVE_KEYS) dict.delete(PDFName.of(key));
  const action = ctx.lookupMaybe(dict.get(PDFName.of('A')), PDFDict);
  if (action) {
    action.delete(PDFName.of('Next'));
    if (activeAction(ctx, action)) dict.delete(PDFName.of('A'));
  }
  const dest = dict.get(PDFName.of('Dest'));
  if (dest !== undefined && !(ctx.lookup(dest) instanceof PDFArray)) dict.delete(PDFName.of('Dest'));
  const annots = ctx.lookupMaybe(dict.get(PDFName.of('Annots')), PDFArray);
  for (let i = (annots?.size() ?? 0) - 1; annots && i >= 0; i--) {
    const annot = ctx.lookupMaybe(annots.get(i), PDFDict);
    if (!annot) continue;
    const subtype = text(annot.get(PDFName.of('Subtype')));
    scrubDict(ctx, annot);
    const deadLink = subtype === 'Link' && annot.get(PDFName.of('A')) === undefined && annot.get(PDFName.of('Dest')) === undefined;
    if ((subtype && ACTIVE_ANNOTATIONS.has(subtype)) || deadLink) annots.remove(i);
  }
}

/** Visits every object reachable from the trailer, depth first, calling `visit` on each dictionary before its children. */
function walk(doc: PDFDocument, visit: (dict: PDFDict) => void): Set<PDFRef> {
  const ctx = doc.context;
  const reached = new Set<PDFRef>();
  const stack: PDFObject[] = [];
  const roots = [ctx.trailerInfo.Root, ctx.trailerInfo.Info].filter((o): o is PDFObject => o !== undefined);
  stack.push(...roots);
  while (stack.length > 0) {
    let o = stack.pop()!;
    if (o instanceof PDFRef) {
      if (reached.has(o)) continue;
      reached.add(o);
      const target = ctx.lookup(o);
      if (target === undefined) continue;
      o = target;
    }
    const dict = dictOf(o);
    if (dict) {
      visit(dict);
      for (const [, value] of dict.entries()) stack.push(value);
    } else if (o instanceof PDFArray) {
      for (const value of o.asArray()) stack.push(value);
    }
  }
  return reached;
}

/**
 * Makes an assembled bundle inert (in place): drops every active entry,
 * action, annotation and attachment, then every object left unreferenced.
 */
export function makeInert(doc: PDFDocument): void {
  const ctx = doc.context;
  const reached = walk(doc, (dict) => scrubDict(ctx, dict));
  for (const [ref] of ctx.enumerateIndirectObjects()) if (!reached.has(ref)) ctx.delete(ref);
}

/** Everything active in the document, as "object 12 0 R has a JavaScript action" lines (at most `limit`). */
export function findActiveContent(doc: PDFDocument, limit = 20): string[] {
  const ctx = doc.context;
  const found: string[] = [];
  const visit = (where: string, o: PDFObject, depth: number) => {
    if (found.length >= limit || depth > 64) return;
    const dict = dictOf(o);
    if (dict) {
      for (const why of activeInDict(ctx, dict)) found.push(`${where} holds ${why}`);
      for (const [, value] of dict.entries()) if (!(value instanceof PDFRef)) visit(where, value, depth + 1);
    } else if (o instanceof PDFArray) {
      for (const value of o.asArray()) if (!(value instanceof PDFRef)) visit(where, value, depth + 1);
    }
  };
  for (const [ref, object] of ctx.enumerateIndirectObjects()) visit(`object ${ref.objectNumber}`, object, 0);
  for (const root of [ctx.trailerInfo.Root, ctx.trailerInfo.Info]) if (root && !(root instanceof PDFRef)) visit('the trailer', root, 0);
  return found.slice(0, limit);
}
