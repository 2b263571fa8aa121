/**
 * Tag operations: resolve what a user typed to a tag, create, rename (which
 * also nests: "Parent/Child"), recolour, merge and delete. Renaming a parent
 * renames its children; excerpts refer to tag ids, so they follow.
 */
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { Colour, Tag, TAG_SEPARATOR, tagIdFor } from '../model/index.ts';
import type { Workspace } from '../store/index.ts';

const PALETTE = ['#f4a261', '#8ecae6', '#ffd166', '#95d5b2', '#e5989b', '#cdb4db', '#a3c4f3', '#f7b267', '#b8e0d2', '#eac4d5'];

export function findTag(tags: Tag[], ref: string): Tag | undefined {
  return tags.find((t) => t.id === ref) ?? tags.find((t) => t.name.toLowerCase() === ref.trim().toLowerCase());
}

function normaliseName(name: string): string {
  return name
    .split(TAG_SEPARATOR)
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .join(TAG_SEPARATOR);
}

function uniqueId(tags: Tag[], name: string): string {
  const base = tagIdFor(name);
  let id = base;
  for (let n = 2; tags.some((t) => t.id === id); n++) id = `${base}-${n}`;
  return id;
}

export function createTag(ws: Workspace, name: string, colour?: string): Promise<Tag> {
  return ws.mutate(() => createTagQueued(ws, name, colour));
}

async function createTagQueued(ws: Workspace, name: string, colour?: string): Promise<Tag> {
  const tags = await ws.listTags();
  const clean = normaliseName(name);
  if (!clean) throw new InvalidInputError('A tag needs a name: type one, e.g. "Internal relocation risk/Karachi".');
  if (findTag(tags, clean)) throw new InvalidInputError(`A tag called "${clean}" already exists: pick it instead of creating it.`);
  const parent = tags.find((t) => clean.startsWith(t.name + TAG_SEPARATOR));
  const tag = Tag.parse({ id: uniqueId(tags, clean), name: clean, colour: colour ?? parent?.colour ?? PALETTE[tags.length % PALETTE.length] });
  await ws.saveTags([...tags, tag]);
  return tag;
}

/** Resolves tag ids or names; unknown names are created when `create` is set, else rejected. */
export async function resolveTags(ws: Workspace, refs: string[], create: boolean): Promise<{ ids: string[]; created: Tag[] }> {
  const ids: string[] = [];
  const created: Tag[] = [];
  for (const ref of refs) {
    const tags = await ws.listTags();
    const found = findTag(tags, ref);
    if (found) {
      ids.push(found.id);
    } else if (create) {
      const tag = await createTag(ws, ref);
      created.push(tag);
      ids.push(tag.id);
    } else {
      throw new NotFoundError('tag', ref, 'pick one from the tag list or create it first');
    }
  }
  return { ids: [...new Set(ids)], created };
}

export function updateTag(ws: Workspace, id: string, patch: { name?: string; colour?: string }): Promise<Tag> {
  return ws.mutate(() => updateTagQueued(ws, id, patch));
}

async function updateTagQueued(ws: Workspace, id: string, patch: { name?: string; colour?: string }): Promise<Tag> {
  const tags = await ws.listTags();
  const tag = tags.find((t) => t.id === id);
  if (!tag) throw new NotFoundError('tag', id, 'reload the tag list');
  let next = tags;
  if (patch.name !== undefined) {
    const name = normaliseName(patch.name);
    const clash = findTag(tags, name);
    if (!name) throw new InvalidInputError('A tag needs a name.');
    if (clash && clash.id !== id) throw new InvalidInputError(`A tag called "${name}" already exists: merge the two instead.`);
    const oldPrefix = tag.name + TAG_SEPARATOR;
    next = next.map((t) =>
      t.id === id ? { ...t, name } : t.name.startsWith(oldPrefix) ? { ...t, name: name + TAG_SEPARATOR + t.name.slice(oldPrefix.length) } : t,
    );
  }
  if (patch.colour !== undefined) {
    const colour = Colour.parse(patch.colour);
    next = next.map((t) => (t.id === id ? { ...t, colour } : t));
  }
  await ws.saveTags(next);
  return next.find((t) => t.id === id)!;
}

/** Moves every excerpt from one tag to another, then removes the first. */
export function mergeTags(ws: Workspace, fromId: string, intoId: string): Promise<Tag[]> {
  return ws.mutate(() => mergeTagsQueued(ws, fromId, intoId));
}

async function mergeTagsQueued(ws: Workspace, fromId: string, intoId: string): Promise<Tag[]> {
  const tags = await ws.listTags();
  if (!tags.some((t) => t.id === fromId)) throw new NotFoundError('tag', fromId, 'reload the tag list');
  if (!tags.some((t) => t.id === intoId)) throw new NotFoundError('tag', intoId, 'reload the tag list');
  if (fromId === intoId) return tags;
  await retagExcerpts(ws, (ids) => (ids.includes(fromId) ? [...new Set(ids.map((i) => (i === fromId ? intoId : i)))] : ids));
  const next = tags.filter((t) => t.id !== fromId);
  await ws.saveTags(next);
  return next;
}

/** Deletes a tag that no excerpt uses (a used tag must be merged into another first). */
export function deleteTag(ws: Workspace, id: string): Promise<Tag[]> {
  return ws.mutate(() => deleteTagQueued(ws, id));
}

async function deleteTagQueued(ws: Workspace, id: string): Promise<Tag[]> {
  const tags = await ws.listTags();
  const tag = tags.find((t) => t.id === id);
  if (!tag) throw new NotFoundError('tag', id, 'reload the tag list');
  const used = (await ws.index()).excerpts({ tagIds: [id] }).length;
  if (used > 0) throw new InvalidInputError(`"${tag.name}" is used by ${used} excerpt(s): merge it into another tag instead of deleting it.`);
  if (tags.some((t) => t.name.startsWith(tag.name + TAG_SEPARATOR))) {
    throw new InvalidInputError(`"${tag.name}" has sub-tags: delete or move them first.`);
  }
  const next = tags.filter((t) => t.id !== id);
  await ws.saveTags(next);
  return next;
}

async function retagExcerpts(ws: Workspace, change: (ids: string[]) => string[]): Promise<void> {
  const all = await ws.listExcerpts({ all: true });
  const bySource = new Map<string, typeof all>();
  for (const e of all) bySource.set(e.sourceId, [...(bySource.get(e.sourceId) ?? []), e]);
  for (const [sourceId, list] of bySource) {
    const changed = list.map((e) => ({ ...e, tags: change(e.tags) }));
    if (changed.some((e, i) => e.tags.join() !== list[i]!.tags.join())) await ws.saveExcerpts(sourceId, changed);
  }
}
