/**
 * Groups excerpts by disputed issue in a stable order: issues that are
 * default tags come first, in the order DEFAULT_TAGS lists them; any other
 * issue follows, alphabetically. Excerpts keep their label order within an issue.
 */
import { DEFAULT_TAGS, issueOf } from '../../model/tag.ts';
import type { ExcerptEntry } from './context.ts';

const DEFAULT_ISSUE_ORDER: string[] = [];
for (const tag of DEFAULT_TAGS) {
  const issue = issueOf(tag.name);
  if (!DEFAULT_ISSUE_ORDER.includes(issue)) DEFAULT_ISSUE_ORDER.push(issue);
}

/** Sort key comparison for two issue names. */
export function compareIssues(a: string, b: string): number {
  const ia = DEFAULT_ISSUE_ORDER.indexOf(a);
  const ib = DEFAULT_ISSUE_ORDER.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

export function groupByIssue(excerpts: ExcerptEntry[]): Array<{ issue: string; excerpts: ExcerptEntry[] }> {
  const groups = new Map<string, ExcerptEntry[]>();
  for (const e of excerpts) {
    const list = groups.get(e.issue);
    if (list) list.push(e);
    else groups.set(e.issue, [e]);
  }
  return [...groups.keys()].sort(compareIssues).map((issue) => ({ issue, excerpts: groups.get(issue) ?? [] }));
}
