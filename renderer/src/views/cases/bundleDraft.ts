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
/** Supplementary-bundle fields as typed (checked by draftProblems before saving). */
export interface DraftSupplementary {
  number: string;
  date: string;
  afterPage: string;
}
export interface Draft extends Omit<BundleDefinition, 'sections' | 'supplementary' | 'volumeCapMB'> {
  sections: DraftSection[];
  supplementary?: DraftSupplementary;
  /** Volume size cap in MB as typed; empty for the tribunal's limit. */
  capText: string;
}

let counter = 0;
export const newKey = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function toDraft(def: BundleDefinition): Draft {
  const { supplementary: sup, volumeCapMB, ...rest } = def;
  return {
    ...rest,
    ...(sup ? { supplementary: { number: String(sup.number), date: sup.date, afterPage: String(sup.afterPage) } } : {}),
    capText: volumeCapMB === undefined ? '' : String(volumeCapMB),
    sections: def.sections.map((s) => ({ ...s, items: s.items.map((item) => ({ key: newKey('i'), item })) })),
  };
}

/** The definition to save; call only when draftProblems(draft) is empty. */
export function fromDraft(draft: Draft): BundleDefinition {
  const { supplementary: sup, capText, ...rest } = draft;
  return {
    ...rest,
    ...(sup ? { supplementary: { number: Number(sup.number), date: sup.date, afterPage: Number(sup.afterPage) } } : {}),
    ...(capText.trim() ? { volumeCapMB: Number(capText) } : {}),
    sections: draft.sections.map((s) => ({ ...s, title: s.title.trim(), items: s.items.map((k) => k.item) })),
  };
}

/**
 * Moves an item to another place, in its own section or another one: before
 * the item at `toIndex` of the target section (the end when out of range).
 */
export function moveItem(draft: Draft, key: string, toSectionId: string, toIndex: number): Draft {
  const from = draft.sections.find((s) => s.items.some((k) => k.key === key));
  const moving = from?.items.find((k) => k.key === key);
  if (!from || !moving || !draft.sections.some((s) => s.id === toSectionId)) return draft;
  const sections = draft.sections.map((s) => (s.id === from.id ? { ...s, items: s.items.filter((k) => k.key !== key) } : s));
  return {
    ...draft,
    sections: sections.map((s) => {
      if (s.id !== toSectionId) return s;
      const items = [...s.items];
      items.splice(Math.max(0, Math.min(toIndex, items.length)), 0, moving);
      return { ...s, items };
    }),
  };
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
