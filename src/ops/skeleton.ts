/**
 * Puts the skeleton argument into the bundle: in section A after the cover and index,
 * marked with the role "skeleton" so its bundle references become links.
 */
import { InvalidInputError } from '../errors.ts';
import type { BundleDefinition, BundleItem } from '../model/index.ts';
import type { Workspace } from '../store/index.ts';

export async function addSkeleton(ws: Workspace, slug: string, sourceId: string): Promise<BundleDefinition> {
  const meta = await ws.getSource(sourceId);
  if (meta.flags.includes('no-text-layer')) {
    throw new InvalidInputError(`"${meta.title}" has no text layer, so its bundle references cannot be found: import the Word file or a text PDF of the skeleton argument.`);
  }
  const bundle = await ws.getBundle(slug);
  const first = bundle.sections[0];
  if (!first) throw new InvalidInputError(`The bundle of case "${slug}" has no sections: add section A first.`);
  const sections = bundle.sections.map((s) => ({
    ...s,
    items: s.items.filter((i) => !(i.kind === 'source' && i.sourceId === sourceId)).map((i): BundleItem => (i.kind === 'source' && i.role === 'skeleton' ? { kind: 'source', sourceId: i.sourceId, ...(i.pages ? { pages: i.pages } : {}), ...(i.title ? { title: i.title } : {}) } : i)),
  }));
  const items = sections[0]!.items;
  let at = 0;
  while (at < items.length && items[at]!.kind === 'generated' && ['cover', 'index'].includes((items[at] as { part: string }).part)) at++;
  sections[0] = { ...sections[0]!, items: [...items.slice(0, at), { kind: 'source', sourceId, role: 'skeleton', title: meta.title }, ...items.slice(at)] };
  const next: BundleDefinition = { ...bundle, sections };
  await ws.saveBundle(slug, next);
  return next;
}
