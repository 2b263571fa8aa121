/**
 * Excerpt operations over the store: tag a quote (anchored on the source's
 * page text), edit, delete and restore (undo), list with filters, and the
 * tag co-occurrence counts. Excerpts are never dropped silently.
 */
import { excerptFromQuote } from '../anchor/index.ts';
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

export async function tagQuote(ws: Workspace, input: TagQuoteInput, now: Date = new Date()): Promise<TagQuoteResult> {
  const meta = await ws.getSource(input.sourceId);
  if (meta.flags.includes('no-text-layer')) {
    throw new InvalidInputError(`"${meta.title}" has no text layer: excerpts cannot be anchored until the file is OCRed; run it through OCR and import the result.`);
  }
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

export async function updateExcerpt(ws: Workspace, id: string, patch: ExcerptPatch, now: Date = new Date()): Promise<Excerpt> {
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
export async function deleteExcerpt(ws: Workspace, id: string): Promise<Excerpt> {
  const current = await findExcerpt(ws, id);
  const list = await ws.listExcerpts({ sourceId: current.sourceId });
  await ws.saveExcerpts(current.sourceId, list.filter((e) => e.id !== id));
  return current;
}

export async function restoreExcerpt(ws: Workspace, raw: unknown): Promise<Excerpt> {
  const parsed = Excerpt.safeParse(raw);
  if (!parsed.success) throw new InvalidInputError('That excerpt cannot be restored: it is not a complete excerpt record.');
  const excerpt = parsed.data;
  await ws.getSource(excerpt.sourceId);
  const list = await ws.listExcerpts({ sourceId: excerpt.sourceId });
  if (!list.some((e) => e.id === excerpt.id)) await ws.saveExcerpts(excerpt.sourceId, [...list, excerpt]);
  return excerpt;
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
