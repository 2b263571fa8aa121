/**
 * The closed word lists and the partial-date check, free of zod and date-fns
 * so the command line can show its help and check options without loading
 * either (the schemas in this folder are built from these same lists).
 */

export const DOCUMENT_TYPES = [
  'report',
  'news',
  'press-release',
  'web-page',
  'email',
  'letter',
  'statement',
  'translation',
  'decision',
  'photo',
  'other',
] as const;

export const TRIBUNAL_IDS = ['uk-ftt-iac', 'uk-ut-iac', 'us-eoir'] as const;

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day. */
export function isPartialDate(value: string): boolean {
  const m = PARTIAL.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysIn(year, month);
}
