/**
 * E-mail families: an e-mail (or chat) and the attachments imported from it
 * (`parent` on each attachment). Shared, zod-free, by the bundle operations
 * (adding an e-mail adds its attachments right after it) and the app's
 * library (attachments indented under their e-mail).
 */

export interface FamilyMember {
  id: string;
  parent?: string | undefined;
  importedAt?: string;
  title?: string;
}

function siblingsOrder(a: FamilyMember, b: FamilyMember): number {
  return (a.importedAt ?? '').localeCompare(b.importedAt ?? '') || (a.title ?? '').localeCompare(b.title ?? '', 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Children of each id, in import order. */
function childrenMap<T extends FamilyMember>(sources: readonly T[]): Map<string, T[]> {
  const ids = new Set(sources.map((s) => s.id));
  const children = new Map<string, T[]>();
  for (const s of sources) {
    if (s.parent && ids.has(s.parent) && s.parent !== s.id) {
      const list = children.get(s.parent) ?? [];
      list.push(s);
      children.set(s.parent, list);
    }
  }
  for (const list of children.values()) list.sort(siblingsOrder);
  return children;
}

/** `id` followed by its attachments, theirs after each of them (depth-first). */
export function familyIds(id: string, sources: readonly FamilyMember[]): string[] {
  const children = childrenMap(sources);
  const out: string[] = [];
  const visit = (at: string) => {
    if (out.includes(at)) return;
    out.push(at);
    for (const c of children.get(at) ?? []) visit(c.id);
  };
  visit(id);
  return out;
}

/**
 * The sources in their given order, except that each attachment follows its
 * e-mail (depth-first) with its depth; an attachment whose e-mail is not in
 * the list stands on its own at depth 0.
 */
export function familyOrder<T extends FamilyMember>(sources: readonly T[]): Array<{ source: T; depth: number }> {
  const children = childrenMap(sources);
  const placed = new Set<string>();
  const out: Array<{ source: T; depth: number }> = [];
  const ids = new Set(sources.map((s) => s.id));
  const visit = (s: T, depth: number) => {
    if (placed.has(s.id)) return;
    placed.add(s.id);
    out.push({ source: s, depth });
    for (const c of children.get(s.id) ?? []) visit(c, depth + 1);
  };
  for (const s of sources) if (!s.parent || !ids.has(s.parent) || s.parent === s.id) visit(s, 0);
  for (const s of sources) visit(s, 0); // cycles (never made by Sanad) still show every source
  return out;
}
