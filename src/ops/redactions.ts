/**
 * Redaction operations shared by the CLI and the app: redact by text (every
 * occurrence, or on one page), by a selected range, by area; list; unredact
 * (returning the record so the app can undo); redact a protected name in
 * every document of a case's bundle at once.
 */
import { InvalidInputError, NotFoundError, QuoteNotFoundError } from '../errors.ts';
import { Redaction, RedactionReason, REASON_LABELS, type RedactionReason as Reason } from '../model/index.ts';
import type { AnchorTarget } from '../anchor/index.ts';
import { closestPassage } from '../anchor/match.ts';
import { areaRedaction, textRedactionFromRange, textRedactions, type RedactionFields } from '../redact/mark.ts';
import type { Workspace } from '../store/index.ts';

export { parseRect } from '../redact/mark.ts';

/** A reason as typed: an id ("anonymity-order"), its words ("anonymity order"), or free text (reason "other"). */
export function parseReason(value: string | undefined): { reason: Reason; reasonText?: string } {
  if (value === undefined || value.trim() === '') return { reason: 'other' };
  const v = value.trim();
  const key = v.toLowerCase().replace(/[\s_]+/g, '-');
  if (RedactionReason.safeParse(key).success) return { reason: key as Reason };
  for (const [id, label] of Object.entries(REASON_LABELS)) if (label.toLowerCase() === v.toLowerCase()) return { reason: id as Reason };
  if (key === 'third-party-data') return { reason: 'third-party' };
  const other = /^other\s*[:\-–]\s*(.+)$/i.exec(v);
  return { reason: 'other', reasonText: other ? other[1]!.trim() : v };
}

async function targetOf(ws: Workspace, sourceId: string): Promise<AnchorTarget> {
  const meta = await ws.getSource(sourceId);
  return { sourceId: meta.id, sha256: meta.sha256, pages: await ws.readText(meta.id), title: meta.title };
}

/** Adds to the source's list as one queued change of the workspace (no interleaved read–modify–write). */
function addAll(ws: Workspace, sourceId: string, created: Redaction[]): Promise<{ created: Redaction[]; existing: Redaction[] }> {
  return ws.mutate(async () => {
    const list = await ws.listRedactions({ sourceId });
    const ids = new Set(list.map((r) => r.id));
    const fresh = created.filter((r) => !ids.has(r.id));
    const existing = created.filter((r) => ids.has(r.id));
    if (fresh.length > 0) await ws.saveRedactions(sourceId, [...list, ...fresh]);
    return { created: fresh, existing };
  });
}

export interface RedactTextInput extends RedactionFields {
  sourceId: string;
  text: string;
  page?: number;
}

/** Redacts every occurrence of the text (or those on one page); QuoteNotFoundError when there is none. */
export async function redactText(ws: Workspace, input: RedactTextInput, now: Date = new Date()): Promise<{ created: Redaction[]; existing: Redaction[] }> {
  const target = await targetOf(ws, input.sourceId);
  const found = textRedactions(target, input.text, input, now, input.page === undefined ? {} : { page: input.page });
  if (found.length === 0) {
    const pages = input.page === undefined ? target.pages : target.pages.filter((p) => p.page === input.page);
    throw new QuoteNotFoundError(target.title ?? target.sourceId, input.text, closestPassage(pages, input.text));
  }
  return addAll(ws, input.sourceId, found);
}

/** Redacts a selected range of one page's text (the reader's selection). */
export async function redactRange(ws: Workspace, input: RedactionFields & { sourceId: string; page: number; start: number; end: number }, now: Date = new Date()): Promise<Redaction> {
  const target = await targetOf(ws, input.sourceId);
  const r = textRedactionFromRange(target, input.page, input.start, input.end, input, now);
  await addAll(ws, input.sourceId, [r]);
  return r;
}

/** Redacts an area: rect in points from the top-left corner of the visible page. */
export async function redactArea(ws: Workspace, input: RedactionFields & { sourceId: string; page: number; rect: { x: number; y: number; w: number; h: number } }, now: Date = new Date()): Promise<Redaction> {
  const target = await targetOf(ws, input.sourceId);
  const r = areaRedaction(target, input.page, input.rect, input, now);
  await addAll(ws, input.sourceId, [r]);
  return r;
}

export async function listRedactions(ws: Workspace, filter: { sourceId?: string; caseSlug?: string } = {}): Promise<Redaction[]> {
  if (filter.sourceId) return ws.listRedactions({ sourceId: filter.sourceId });
  return ws.listRedactions(filter.caseSlug ? { caseSlug: filter.caseSlug } : { all: true });
}

export async function findRedaction(ws: Workspace, id: string): Promise<Redaction> {
  const found = (await ws.listRedactions({ all: true })).find((r) => r.id === id);
  if (!found) throw new NotFoundError('redaction', id, 'run "sanad redactions" to list them');
  return found;
}

/** Removes and returns the redaction, so the caller can offer Undo (restoreRedaction). */
export function unredact(ws: Workspace, id: string): Promise<Redaction> {
  return ws.mutate(async () => {
    const current = await findRedaction(ws, id);
    const list = await ws.listRedactions({ sourceId: current.sourceId });
    await ws.saveRedactions(current.sourceId, list.filter((r) => r.id !== id));
    return current;
  });
}

export async function restoreRedaction(ws: Workspace, raw: unknown): Promise<Redaction> {
  const parsed = Redaction.safeParse(raw);
  if (!parsed.success) throw new InvalidInputError('That redaction cannot be restored: it is not a complete redaction record.');
  await ws.getSource(parsed.data.sourceId);
  await addAll(ws, parsed.data.sourceId, [parsed.data]);
  return parsed.data;
}

/** Redacts every occurrence of `text` in every document of the case's bundle ("redact all" for a protected name). */
export async function redactInCase(ws: Workspace, slug: string, text: string, fields: RedactionFields, now: Date = new Date()): Promise<Redaction[]> {
  const bundle = await ws.getBundle(slug);
  const ids = [...new Set(bundle.sections.flatMap((s) => s.items.flatMap((i) => (i.kind === 'source' ? [i.sourceId] : []))))];
  const created: Redaction[] = [];
  for (const id of ids) {
    const target = await targetOf(ws, id);
    const found = textRedactions(target, text, fields, now);
    if (found.length > 0) created.push(...(await addAll(ws, id, found)).created);
  }
  return created;
}
