/**
 * The bundle editor's working copy: the saved definition with a stable key on
 * every item (drag and drop needs ids the model does not store), and pure
 * operations on it. Converted back to a BundleDefinition when saved.
 */
import type { BundleDefinition, BundleItem, BundleSection } from '../../../../src/model/bundle.ts';

export interface KeyedItem {
  key: string;
  item: BundleItem;
}
export interface DraftSection extends Omit<BundleSection, 'items'> {
  items: KeyedItem[];
}
export interface Draft extends Omit<BundleDefinition, 'sections'> {
  sections: DraftSection[];
}

let counter = 0;
export const newKey = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function toDraft(def: BundleDefinition): Draft {
  return { ...def, sections: def.sections.map((s) => ({ ...s, items: s.items.map((item) => ({ key: newKey('i'), item })) })) };
}

export function fromDraft(draft: Draft): BundleDefinition {
  return { ...draft, sections: draft.sections.map((s) => ({ ...s, items: s.items.map((k) => k.item) })) };
}

export function move<T>(list: T[], from: number, to: number): T[] {
  const copy = [...list];
  const [moved] = copy.splice(from, 1);
  if (moved !== undefined) copy.splice(to, 0, moved);
  return copy;
}

/** The next unused section letter: A, B, … Z, then AA. */
export function nextLetter(sections: DraftSection[]): string {
  const used = new Set(sections.map((s) => s.letter));
  for (let i = 0; i < 26 * 27; i++) {
    const letter = i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26));
    if (!used.has(letter)) return letter;
  }
  return 'ZZ';
}

export function updateSection(draft: Draft, id: string, change: (s: DraftSection) => DraftSection): Draft {
  return { ...draft, sections: draft.sections.map((s) => (s.id === id ? change(s) : s)) };
}

export const PART_LABELS: Record<string, string> = {
  cover: 'Cover sheet',
  index: 'Index',
  schedule: 'Country information evidence schedule',
  chronology: 'Chronology of incidents',
  integrity: 'Source integrity list (SHA-256)',
  'certificate-of-service': 'Certificate of service',
};
