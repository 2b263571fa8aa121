/** A tag shown as a coloured chip; the last segment of its name, full path on hover. */
import { inkOn } from '../lib/format.ts';

export function TagChip({ name, colour, full = false }: { name: string; colour: string; full?: boolean }) {
  const short = full ? name.replaceAll('/', ' › ') : (name.split('/').pop() ?? name);
  return (
    <span className="tag-chip" style={{ background: colour, color: inkOn(colour) }} title={name}>
      {short}
    </span>
  );
}
