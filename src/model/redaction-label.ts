/**
 * The words a redaction carries (on its box in the bundle, in the log, in the
 * app's list). Kept apart from redaction.ts's schemas, which need zod, so the
 * renderer can show them without loading zod on its first screen.
 */

export const REDACTION_REASONS = ['anonymity-order', 'third-party', 'irrelevant', 'privilege', 'other'] as const;

/** The reasons a redaction can give (redaction.ts's RedactionReason validates them). */
export type RedactionReasonName = (typeof REDACTION_REASONS)[number];

/** The words shown on the box ("Redacted: anonymity order") and in the log. */
export const REASON_LABELS: Record<RedactionReasonName, string> = {
  'anonymity-order': 'anonymity order',
  'third-party': 'third-party data',
  irrelevant: 'irrelevant',
  privilege: 'privilege',
  other: 'other',
};

/** "Redacted: anonymity order", or the free-text reason when one was given. */
export function redactionLabel(r: { reason: RedactionReasonName; reasonText?: string | undefined }): string {
  const text = r.reasonText?.trim();
  if (text) return `Redacted: ${text}`;
  return r.reason === 'other' ? 'Redacted' : `Redacted: ${REASON_LABELS[r.reason]}`;
}
