/** Tag × tag co-occurrence: how many excerpts carry both tags; darker cells mean more overlap. */
import type { Tag } from '../../../../src/model/tag.ts';
import { EmptyState } from '../../components/EmptyState.tsx';

export function CooccurrenceGrid({ tags, counts, onPick }: { tags: Tag[]; counts: number[][]; onPick: (tagId: string) => void }) {
  const max = Math.max(1, ...counts.flat());
  const used = tags.map((_, i) => (counts[i] ?? []).some((n) => n > 0));
  const rows = tags.map((t, i) => ({ t, i })).filter(({ i }) => used[i]);
  if (rows.length === 0) {
    return (
      <EmptyState icon="tags" title="Nothing to compare yet">
        Once passages carry more than one tag, this grid shows which issues the evidence proves together — useful for spotting the strongest passages.
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap grid-wrap">
      <table className="cooc" aria-label="Tag co-occurrence">
        <thead>
          <tr>
            <th scope="col" />
            {rows.map(({ t }) => (
              <th key={t.id} scope="col" className="cooc-col">
                <span>{t.name.split('/').pop()}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ t, i }) => (
            <tr key={t.id}>
              <th scope="row">
                <button type="button" className="link-btn" onClick={() => onPick(t.id)}>
                  <span className="swatch" style={{ background: t.colour }} aria-hidden="true" />
                  {t.name.replaceAll('/', ' › ')}
                </button>
              </th>
              {rows.map(({ t: u, i: j }) => {
                const n = counts[i]?.[j] ?? 0;
                return (
                  <td key={u.id} className={`cooc-cell${i === j ? ' diag' : ''}`} style={{ background: n ? `rgba(37, 99, 235, ${0.08 + (0.6 * n) / max})` : undefined, color: n / max > 0.6 ? '#fff' : undefined }} title={`${t.name} and ${u.name}: ${n}`}>
                    {n || ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
