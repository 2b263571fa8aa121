/**
 * Tags are hierarchical labels ("Internal relocation risk/Karachi"). The first
 * segment of a tag's name is the disputed issue it belongs to in the schedule.
 */
import { z } from 'zod';

export const TAG_SEPARATOR = '/';

export const Colour = z.string().regex(/^#[0-9a-f]{6}$/i, 'expected a colour as #rrggbb');

export const Tag = z.object({
  /** Stable id (survives renames): "t-" + slug of the name it was created with. */
  id: z.string().regex(/^t-[a-z0-9-]+$/),
  /** Full path, segments joined by "/". */
  name: z.string().min(1).refine((n) => n.split(TAG_SEPARATOR).every((s) => s.trim().length > 0 && s === s.trim()), {
    message: 'tag segments must be non-empty and not start or end with spaces',
  }),
  colour: Colour,
  description: z.string().optional(),
});
export type Tag = z.infer<typeof Tag>;

export const TagsFile = z.object({
  schemaVersion: z.literal(1),
  tags: z.array(Tag),
});
export type TagsFile = z.infer<typeof TagsFile>;

/** The disputed issue a tag belongs to: the first segment of its name. */
export function issueOf(tagName: string): string {
  return tagName.split(TAG_SEPARATOR)[0] ?? tagName;
}

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'x';
}

export function tagIdFor(name: string): string {
  return `t-${slugify(name)}`;
}

/** Default tags of a new workspace (product brief), with colours readable as highlights. */
export const DEFAULT_TAGS: ReadonlyArray<{ name: string; colour: string }> = [
  { name: 'Threat patterns', colour: '#f4a261' },
  { name: 'Threat patterns/Targeted killings', colour: '#f4a261' },
  { name: 'Threat patterns/Bombings', colour: '#f4a261' },
  { name: 'Threat patterns/Threat letters', colour: '#f4a261' },
  { name: 'Threat patterns/E-mailed threats', colour: '#f4a261' },
  { name: 'Threat patterns/Kidnapping', colour: '#f4a261' },
  { name: 'Internal relocation risk', colour: '#8ecae6' },
  { name: 'Internal relocation risk/Karachi', colour: '#8ecae6' },
  { name: 'Internal relocation risk/Lahore', colour: '#8ecae6' },
  { name: 'Internal relocation risk/Islamabad', colour: '#8ecae6' },
  { name: 'Internal relocation risk/Reach of perpetrators', colour: '#8ecae6' },
  { name: 'Internal relocation risk/State protection', colour: '#8ecae6' },
  { name: 'Karachi-traced threats', colour: '#ffd166' },
  { name: 'Sufficiency of protection', colour: '#95d5b2' },
  { name: 'Perpetrators', colour: '#e5989b' },
  { name: 'Credibility', colour: '#cdb4db' },
];
