/**
 * Excerpt operations over the store: tag a quote (anchored on the source's
 * page text), edit, delete and restore (undo), list with filters, and the
 * tag co-occurrence counts. Excerpts are never dropped silently.
 */
import { excerptFromQuote, rectsForRange } from '../anchor/index.ts';
import { collapseWhitespace } from '../anchor/normalise.ts';
import { InvalidInputError, NotFoundError, QuoteNotFoundError } from '../errors.ts';
import { Excerpt, type Tag } from '../model/index.ts';
import { filterExcerpts, tagMatcher, type ExcerptFilter } from '../search/index.ts';
import type { Workspace } from '../store/index.ts';
import { resolveTags } from './tags.ts';

export interface TagQuoteInput {
  sourceId: string;
  quote: string;
  /** Tag ids or names. */
  tags: string[];
  page?: number;
  note?: string;
  eventDate?: string;
  places?: string[];
  /** Create tags that do not exist yet (the CLI does; the app picks existing ones). */
  createTags?: boolean;
}

export interface TagQuoteResult {
  excerpt: Excerpt;
  createdTags: Tag[];
  /** True when the same passage was already an excerpt and the tags were merged into it. */
  merged: boolean;
}

export function tagQuote(ws: Workspace, input: TagQuoteInput, now: Date = new Date()): Promise<TagQuoteResult> {
  return ws.mutate(() => tagQuoteQueued(ws, input, now));
}

async function tagQuoteQueued(ws: Workspace, input: TagQuoteInput, now: Date): Promise<TagQuoteResult> {
  const meta = await ws.getSource(input.sourceId);
  if (meta.flags.includes('no-text-layer')) {
    throw new InvalidInputError(`"${meta.title}" has no text layer: excerpts cannot be anchored until the file is OCRed; run it through OCR and import the result.`);
  }
  if (input.quote.trim() === '') throw new InvalidInputError(`The quote is empty: give the exact words of the passage in "${meta.title}" to tag.`);
  if (input.tags.length === 0) throw new InvalidInputError('An excerpt needs at least one tag: add --tag "Threat patterns" or similar.');
  const pages = await ws.readText(meta.id);
  const { ids, created } = await resolveTags(ws, input.tags, input.createTags ?? false);
  const fields = {
    tags: ids,
    ...(input.note ? { note: input.note } : {}),
    ...(input.eventDate ? { eventDate: input.eventDate } : {}),
    places: input.places ?? [],
  };
  let fresh: Excerpt;
  try {
    fresh = excerptFromQuote({ sourceId: meta.id, sha256: meta.sha256, pages }, input.quote, fields, now, input.page === undefined ? {} : { page: input.page });
  } catch (e) {
    // Name the source by its title, which is what the caseworker knows it by.
    if (e instanceof QuoteNotFoundError) throw new QuoteNotFoundError(meta.title, input.quote, e.closest);
    throw e;
  }
  const existing = await ws.listExcerpts({ sourceId: meta.id });
  const same = existing.find((e) => e.id === fresh.id);
  if (same) {
    const merged: Excerpt = {
      ...same,
      tags: [...new Set([...same.tags, ...ids])],
      note: input.note ?? same.note,
      eventDate: input.eventDate ?? same.eventDate,
      places: [...new Set([...same.places, ...(input.places ?? [])])],
      updatedAt: now.toISOString(),
    };
    await ws.saveExcerpts(meta.id, existing.map((e) => (e.id === same.id ? merged : e)));
    return { excerpt: merged, createdTags: created, merged: true };
  }
  await ws.saveExcerpts(meta.id, [...existing, fresh]);
  return { excerpt: fresh, createdTags: created, merged: false };
}

export async function findExcerpt(ws: Workspace, id: string): Promise<Excerpt> {
  // The index says which source holds it; the source's own file has the truth.
  const hint = (await ws.index()).excerptById(id);
  const found = hint ? (await ws.listExcerpts({ sourceId: hint.sourceId }).catch(() => [])).find((e) => e.id === id) : undefined;
  if (!found) throw new NotFoundError('excerpt', id, 'run "sanad excerpts" to list them');
  return found;
}

export interface ExcerptPatch {
  tags?: string[];
  note?: string;
  eventDate?: string | null;
  places?: string[];
}

export function updateExcerpt(ws: Workspace, id: string, patch: ExcerptPatch, now: Date = new Date()): Promise<Excerpt> {
  return ws.mutate(() => updateExcerptQueued(ws, id, patch, now));
}

async function updateExcerptQueued(ws: Workspace, id: string, patch: ExcerptPatch, now: Date): Promise<Excerpt> {
  const current = await findExcerpt(ws, id);
  const tags = patch.tags ? (await resolveTags(ws, patch.tags, false)).ids : current.tags;
  const next = Excerpt.parse({
    ...current,
    tags,
    note: patch.note === undefined ? current.note : patch.note || undefined,
    eventDate: patch.eventDate === undefined ? current.eventDate : (patch.eventDate ?? undefined),
    places: patch.places ?? current.places,
    updatedAt: now.toISOString(),
  });
  const list = await ws.listExcerpts({ sourceId: current.sourceId });
  await ws.saveExcerpts(current.sourceId, list.map((e) => (e.id === id ? next : e)));
  return next;
}

/** Deletes and returns the excerpt, so the caller can offer Undo (restoreExcerpt). */
export function deleteExcerpt(ws: Workspace, id: string): Promise<Excerpt> {
  return ws.mutate(() => deleteExcerptQueued(ws, id));
}

async function deleteExcerptQueued(ws: Workspace, id: string): Promise<Excerpt> {
  const current = await findExcerpt(ws, id);
  const list = await ws.listExcerpts({ sourceId: current.sourceId });
  await ws.saveExcerpts(current.sourceId, list.filter((e) => e.id !== id));
  return current;
}

export function restoreExcerpt(ws: Workspace, raw: unknown): Promise<Excerpt> {
  return ws.mutate(() => restoreExcerptQueued(ws, raw));
}

async function restoreExcerptQueued(ws: Workspace, raw: unknown): Promise<Excerpt> {
  const parsed = Excerpt.safeParse(raw);
  if (!parsed.success) throw new InvalidInputError('That excerpt cannot be restored: it is not a complete excerpt record.');
  const excerpt = await checkedForRestore(ws, parsed.data);
  const list = await ws.listExcerpts({ sourceId: excerpt.sourceId });
  if (!list.some((e) => e.id === excerpt.id)) await ws.saveExcerpts(excerpt.sourceId, [...list, excerpt]);
  return excerpt;
}

/**
 * Undo hands back a whole excerpt record from the renderer: check it like a
 * new one (its source, its tags, its quote at its position in the current
 * edition) and recompute its rectangles, so a forged record cannot put a
 * passage the source does not contain into a bundle.
 */
async function checkedForRestore(ws: Workspace, excerpt: Excerpt): Promise<Excerpt> {
  const meta = await ws.getSource(excerpt.sourceId);
  if (excerpt.tags.length === 0) throw new InvalidInputError('That excerpt cannot be restored: it has no tag. Tag the passage again.');
  const known = new Set((await ws.listTags()).map((t) => t.id));
  const gone = excerpt.tags.find((t) => !known.has(t));
  if (gone) throw new NotFoundError('tag', gone, 'it was deleted or merged since the excerpt was removed; tag the passage again');
  // An orphaned excerpt is kept for the record only and never reaches a bundle.
  if (excerpt.anchor.status === 'orphaned') return excerpt;
  const refused = `That excerpt cannot be restored: its quote is not at the position it names on page ${excerpt.page} of "${meta.title}"; tag the passage again.`;
  if (excerpt.anchor.sha256 !== meta.sha256) throw new InvalidInputError(refused);
  const page = (await ws.readText(meta.id)).find((p) => p.page === excerpt.page);
  const { start, end } = excerpt.position;
  if (!page || start >= end || end > page.text.length) throw new InvalidInputError(refused);
  if (collapseWhitespace(page.text.slice(start, end)) !== excerpt.quote.exact) throw new InvalidInputError(refused);
  return { ...excerpt, rects: rectsForRange(page, start, end) };
}

export interface ListExcerptsInput extends ExcerptFilter {
  caseSlug?: string;
}

/** Excerpts narrowed in the index (no file per source is read), then checked by the same filter as ever. */
export async function listExcerpts(ws: Workspace, filter: ListExcerptsInput = {}): Promise<Excerpt[]> {
  if (filter.caseSlug) await ws.getCase(filter.caseSlug);
  const tags = await ws.listTags();
  const hasTag = filter.tag ? tagMatcher(tags, filter.tag) : undefined;
  const index = await ws.index();
  const excerpts = index.excerpts({
    ...(filter.sourceId ? { sourceId: filter.sourceId } : {}),
    ...(filter.caseSlug ? { caseSlug: filter.caseSlug } : {}),
    ...(hasTag ? { tagIds: tags.filter((t) => hasTag(t.id)).map((t) => t.id) } : {}),
    ...(filter.place ? { place: filter.place } : {}),
    ...(filter.query ? { query: filter.query } : {}),
  });
  return filterExcerpts(excerpts, tags, filter).sort((a, b) => a.sourceId.localeCompare(b.sourceId) || a.page - b.page || a.position.start - b.position.start);
}

/** How often each pair of tags is used on the same excerpt (diagonal: uses of the tag). */
export function cooccurrence(tags: Tag[], excerpts: Excerpt[]): { tags: Tag[]; counts: number[][] } {
  const used = tags.filter((t) => excerpts.some((e) => e.tags.includes(t.id)));
  const index = new Map(used.map((t, i) => [t.id, i]));
  const counts = used.map(() => used.map(() => 0));
  for (const e of excerpts) {
    const ids = e.tags.filter((id) => index.has(id));
    for (const a of ids) for (const b of ids) counts[index.get(a)!]![index.get(b)!]! += 1;
  }
  return { tags: used, counts };
}
