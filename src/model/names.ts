/**
 * How the appellant is named on every generated page and in the app: initials
 * once the case is anonymised. Free of zod and Node so the renderer can use
 * the same rule as the bundle.
 */

/** Initials for an anonymised appellant: "Ali Hussain Changezi" → "A.H.C."; words without letters are skipped. */
export function initialsOf(name: string): string {
  const parts = name.split(/\s+/).filter((p) => /\p{L}/u.test(p));
  return parts.length ? parts.map((p) => `${Array.from(p.replace(/^\P{L}+/u, ''))[0]!.toUpperCase()}.`).join('') : 'the Appellant';
}

/** The appellant's name as every generated page must show it. */
export function appellantDisplayName(c: { appellant: { name: string; anonymise: boolean } }): string {
  return c.appellant.anonymise ? initialsOf(c.appellant.name) : c.appellant.name || 'the Appellant';
}
