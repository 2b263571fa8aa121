/**
 * How large a file Sanad will import. A caseworker's largest real inputs
 * (scanned bundles, long reports) are a few hundred MB; a multi-GB file is a
 * mistake or an attack, and reading it whole would exhaust memory before any
 * check could refuse it. SANAD_MAX_INPUT_MB overrides the default.
 */
export const DEFAULT_MAX_INPUT_BYTES = 1024 * 1048576;

export function maxInputBytes(): number {
  const mb = Number(process.env.SANAD_MAX_INPUT_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1048576) : DEFAULT_MAX_INPUT_BYTES;
}
