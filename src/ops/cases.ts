/**
 * Case operations: create a case with the bundle its tribunal profile
 * expects, update details, and add sources to the bundle's sections.
 */
import { InvalidInputError, NotFoundError } from '../errors.ts';
import {
  BundleDefinition,
  CaseFile,
  PROFILES,
  type BundleItem,
  type BundleSection,
  type GeneratedPart,
  type SourceMeta,
  type TribunalId,
  slugify,
} from '../model/index.ts';
import { familyIds } from '../model/family.ts';
import type { Workspace } from '../store/index.ts';

export interface NewCaseInput {
  slug: string;
  title: string;
  appellant?: string;
  anonymise?: boolean;
  reference?: string;
  tribunal?: TribunalId;
  hearing?: string;
}

const generated = (parts: GeneratedPart[]): BundleItem[] => parts.map((part) => ({ kind: 'generated', part }));

/** The sections a new bundle starts with, following the tribunal profile. */
export function defaultBundle(tribunal: TribunalId): BundleDefinition {
  const p = PROFILES[tribunal];
  const us = tribunal === 'us-eoir';
  const sections: BundleSection[] = [
    { id: 'sec-a', letter: 'A', title: us ? 'Table of contents and schedules' : 'Index and schedules', divider: false, items: generated(p.frontMatter) },
    { id: 'sec-b', letter: 'B', title: us ? "Respondent's documents" : "Appellant's documents", divider: p.exhibitTabs, items: [] },
    { id: 'sec-c', letter: 'C', title: 'Country information', divider: p.exhibitTabs, items: [] },
    { id: 'sec-d', letter: 'D', title: us ? 'Source integrity and service' : 'Source integrity', divider: false, items: generated(p.backMatter) },
  ];
  return BundleDefinition.parse({ schemaVersion: 1, pagination: p.pagination, sections });
}

export async function createCase(ws: Workspace, input: NewCaseInput, now: Date = new Date()): Promise<CaseFile> {
  const tribunal = input.tribunal ?? (await ws.readWorkspaceFile()).settings.defaultTribunal;
  const parsed = CaseFile.safeParse({
    schemaVersion: 1,
    slug: input.slug,
    title: input.title,
    appellant: { name: input.appellant ?? '', anonymise: input.anonymise ?? false },
    references: input.reference ? [{ label: 'Appeal reference', value: input.reference }] : [],
    tribunal,
    ...(input.hearing ? { hearingDate: input.hearing } : {}),
    createdAt: now.toISOString(),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidInputError(`The case details are not valid (${issue?.path.join('.') || 'case'}: ${issue?.message}): correct them and try again.`);
  }
  await ws.createCase(parsed.data, defaultBundle(tribunal));
  return parsed.data;
}

function findSection(sections: BundleSection[], name: string): BundleSection | undefined {
  const n = name.trim().toLowerCase();
  return sections.find((s) => s.letter.toLowerCase() === n || s.title.toLowerCase() === n);
}

/** A, B, … Z, AA, AB … */
export function sectionLetter(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : String.fromCharCode(64 + Math.floor(index / 26)) + String.fromCharCode(65 + (index % 26));
}

/** Index of the last item of `parent`'s family already in `items`, or -1. */
function lastOfFamily(items: BundleSection['items'], parent: string, sources: SourceMeta[]): number {
  const family = new Set(familyIds(parent, sources));
  let at = -1;
  items.forEach((item, i) => {
    if (item.kind === 'source' && family.has(item.sourceId)) at = i;
  });
  return at;
}

/**
 * Adds sources to a case's bundle. An e-mail's attachments come with it,
 * right after it. Without a section name, the case's own
 * documents go to the second section and library sources to the third (the
 * profile's default order); a name that matches no section creates one before
 * the back matter.
 */
export function addSourcesToCase(ws: Workspace, slug: string, sourceIds: string[], sectionName?: string): Promise<BundleDefinition> {
  return ws.mutate(() => addSourcesToCaseQueued(ws, slug, sourceIds, sectionName));
}

async function addSourcesToCaseQueued(ws: Workspace, slug: string, sourceIds: string[], sectionName?: string): Promise<BundleDefinition> {
  await ws.getCase(slug);
  const bundle = await ws.getBundle(slug);
  const sections = bundle.sections.map((s) => ({ ...s, items: [...s.items] }));
  // An e-mail brings its attachments, right after it (those of another case stay out).
  const everything = await ws.listSources({ caseSlug: slug });
  const expanded = [...new Set(sourceIds.flatMap((id) => (everything.some((s) => s.id === id) ? familyIds(id, everything) : [id])))];
  for (const id of expanded) {
    const meta = await ws.getSource(id);
    if (meta.scope.kind === 'case' && meta.scope.slug !== slug) {
      throw new InvalidInputError(`"${meta.title}" is a document of case ${meta.scope.slug}, not of ${slug}: import it into this case instead.`);
    }
    if (sections.some((s) => s.items.some((i) => i.kind === 'source' && i.sourceId === id))) continue;
    let target: BundleSection | undefined;
    if (sectionName) {
      target = findSection(sections, sectionName);
      if (!target) {
        target = { id: `sec-${slugify(sectionName)}`, letter: 'A', title: sectionName.trim(), divider: false, items: [] };
        const isBackMatter = (s: BundleSection) =>
          s.items.length > 0 && s.items.every((i) => i.kind === 'generated' && (i.part === 'integrity' || i.part === 'certificate-of-service'));
        const at = sections.findIndex(isBackMatter);
        sections.splice(at >= 0 ? at : sections.length, 0, target);
        // A new section goes before the back matter: letters follow the order again.
        sections.forEach((s, i) => (s.letter = sectionLetter(i)));
      }
    } else {
      target = sections[meta.scope.kind === 'case' ? 1 : 2] ?? sections[sections.length - 1];
    }
    if (!target) throw new NotFoundError('section', sectionName ?? '', 'add a section to the bundle first');
    // An attachment goes right after its e-mail (or after the attachment before it) when that is in this section.
    const parentAt = meta.parent ? lastOfFamily(target.items, meta.parent, everything) : -1;
    if (parentAt >= 0) target.items.splice(parentAt + 1, 0, { kind: 'source', sourceId: id });
    else target.items.push({ kind: 'source', sourceId: id });
  }
  const next = BundleDefinition.parse({ ...bundle, sections });
  await ws.saveBundle(slug, next);
  return next;
}
