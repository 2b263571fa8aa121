/**
 * A case is one appellant: details, the client's own documents (stored inside
 * the case folder so the whole case can be deleted) and its bundle definition.
 */
import { z } from 'zod';
import { DayDate } from './dates.ts';
import { TRIBUNAL_IDS } from './vocabulary.ts';

export const TribunalId = z.enum(TRIBUNAL_IDS);
export type TribunalId = z.infer<typeof TribunalId>;

export const CaseSlug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a case name is lower-case letters, digits and hyphens, e.g. "ah-2026"');

export const Reference = z.object({ label: z.string().min(1), value: z.string().min(1) });
export type Reference = z.infer<typeof Reference>;

export const CaseFile = z.object({
  schemaVersion: z.literal(1),
  slug: CaseSlug,
  title: z.string().min(1),
  appellant: z.object({
    name: z.string().default(''),
    /** Show initials only in every generated page. */
    anonymise: z.boolean().default(false),
  }),
  respondent: z.string().default('Secretary of State for the Home Department'),
  references: z.array(Reference).default([]),
  tribunal: TribunalId.default('uk-ftt-iac'),
  hearingDate: DayDate.optional(),
  /** The date printed on the bundle; builds use it (never the clock) so output is reproducible. */
  bundleDate: DayDate.optional(),
  representative: z
    .object({
      name: z.string(),
      firm: z.string().optional(),
      address: z.string().optional(),
      phone: z.string().optional(),
      email: z.string().optional(),
    })
    .optional(),
  /**
   * Further names and numbers to protect (aliases, family members, addresses,
   * phone numbers): the build warns for every bundle page that still shows one.
   */
  protect: z.array(z.string().min(1)).optional(),
  /** Sources published more than this many months before the hearing are flagged stale. */
  stalenessMonths: z.number().int().positive().default(24),
  createdAt: z.string(),
});
export type CaseFile = z.infer<typeof CaseFile>;

export { appellantDisplayName, initialsOf } from './names.ts';
