/** Display helpers: UK legal date style for partial dates, counts, file sizes. */
import { appellantDisplayName } from '../../../src/model/names.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2014" → "2014"; "2014-06" → "June 2014"; "2014-06-29" → "29 June 2014". */
export function formatPartialDate(value: string | undefined): string {
  if (!value) return '';
  const [y, m, d] = value.split('-');
  if (!m) return y ?? value;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
export const DAY_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Shortcut label for the platform: "⌘1" on macOS, "Ctrl+1" elsewhere. */
export function shortcut(key: string): string {
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  return mac ? `⌘${key}` : `Ctrl+${key}`;
}

/** Readable text colour (near-black or white) on a tag colour. */
export function inkOn(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#1f2328' : '#ffffff';
}

/** The appellant as the app's own screens show them: the bundle's rule (initials once anonymised). */
export function appellantLabel(appellant: { name: string; anonymise: boolean }): string {
  return appellantDisplayName({ appellant });
}
