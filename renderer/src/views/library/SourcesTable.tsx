/** The library table: one row per source; click selects, double-click or Enter opens the reader. */
import type { SourceSummary } from '../../../../src/api/views.ts';
import { formatPartialDate } from '../../lib/format.ts';
import { OcrBadge } from '../../components/OcrBadge.tsx';

interface Props {
  sources: SourceSummary[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
}

export function SourcesTable({ sources, selectedId, onSelect, onOpen }: Props) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Sources">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Publisher</th>
            <th scope="col">Published</th>
            <th scope="col" className="num">Pages</th>
            <th scope="col" className="num">Excerpts</th>
            <th scope="col"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr
              key={s.id}
              className={s.id === selectedId ? 'is-selected' : undefined}
              aria-selected={s.id === selectedId}
              tabIndex={0}
              onClick={() => onSelect(s.id)}
              onDoubleClick={() => onOpen(s.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') onOpen(s.id);
                if (e.key === ' ') {
                  e.preventDefault();
                  onSelect(s.id);
                }
              }}
            >
              <td className="cell-title">
                <span className="title-text">{s.title}</span>
                {s.stale && (
                  <span
                    className="badge badge-warning"
                    title="Published long before the hearing: the tribunal may give it less weight. Look for a newer edition and import it, or explain in the skeleton argument why it is still current."
                  >
                    Stale
                  </span>
                )}
                <OcrBadge source={s} />
                {s.scope.kind === 'case' && <span className="badge">Case document</span>}
                <span className="cell-sub">{s.originalName}</span>
              </td>
              <td>{s.publisher ?? s.author ?? <span className="muted">—</span>}</td>
              <td className="nowrap">{s.published ? formatPartialDate(s.published) : <span className="muted">Undated</span>}</td>
              <td className="num">{s.pages}</td>
              <td className="num">{s.excerptCount > 0 ? <span className="count-pill">{s.excerptCount}</span> : <span className="muted">0</span>}</td>
              <td className="num">
                <button type="button" className="btn btn-small" onClick={(e) => (e.stopPropagation(), onOpen(s.id))} aria-label={`Open ${s.title} in the reader`}>
                  Open
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
