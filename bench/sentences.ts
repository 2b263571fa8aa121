/**
 * Deterministic, distinct sentences for generated benchmark PDFs. Each one
 * carries its own file/page/line mark, so a quote names exactly one place and
 * an anchoring or verification step can be checked against where it was drawn.
 */

const PLACES = ['Quetta', 'Karachi', 'Lahore', 'Islamabad', 'Peshawar', 'Hyderabad', 'Sukkur', 'Gwadar'];
const EVENTS = ['threat letters', 'targeted shootings', 'bomb attacks', 'kidnappings', 'e-mailed threats', 'raids'];
const ACTORS = ['local monitors', 'community elders', 'press reports', 'police records', 'hospital staff', 'observers'];
const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'];

/**
 * The sentence drawn on line `line` of page `page` of file `file` (all 0- or
 * 1-based as the caller likes; only distinctness matters). About 12–16 words,
 * under 90 characters so it fits one line of an A4 page at 10.5 pt Helvetica.
 */
export function sentenceFor(file: number, page: number, line: number): string {
  const k = file * 7919 + page * 104729 + line * 31;
  const place = PLACES[k % PLACES.length]!;
  const event = EVENTS[(k >> 3) % EVENTS.length]!;
  const actor = ACTORS[(k >> 5) % ACTORS.length]!;
  const month = MONTHS[(k >> 7) % MONTHS.length]!;
  const mark = `F${pad(file)}-P${pad(page)}-L${pad(line)}`;
  return `Item ${mark}: ${actor} recorded ${event} in ${place} during ${month} ${2008 + (k % 15)}.`;
}

function pad(n: number): string {
  return String(n).padStart(3, '0');
}
