/** Where the caseworker is: one of the four areas, plus the reader and a case page. */
export type Route =
  | { view: 'library' }
  | { view: 'reader'; sourceId: string; excerptId?: string }
  | { view: 'excerpts' }
  | { view: 'cases'; slug?: string }
  | { view: 'tags' };

export type Area = 'library' | 'excerpts' | 'cases' | 'tags';

export const AREAS: ReadonlyArray<{ area: Area; label: string; key: string }> = [
  { area: 'library', label: 'Library', key: '1' },
  { area: 'excerpts', label: 'Excerpts', key: '2' },
  { area: 'cases', label: 'Cases', key: '3' },
  { area: 'tags', label: 'Tags', key: '4' },
];

export function areaOf(route: Route): Area {
  return route.view === 'reader' ? 'library' : route.view;
}
