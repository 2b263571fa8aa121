/**
 * The library table: one row per source; click selects, double-click or Enter
 * opens the reader. An e-mail and its attachments form one family: the
 * attachments follow their e-mail, indented, each saying what it came with.
 * A large library comes a page of rows at a time (sources.page): the next
 * page is asked for when the end of the table scrolls into view (or on "Show
 * more"), so opening a library of thousands of sources costs the same as one
 * of a hundred.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { SourceSummary } from '../../../../src/api/views.ts';
import { familyOrder } from '../../../../src/model/family.ts';
import { formatPartialDate } from '../../lib/format.ts';
import { OcrBadge } from '../../components/OcrBadge.tsx';

interface Props {
  sources: SourceSummary[];
  /** Rows not loaded yet (0 when the table holds them all). */
  more: number;
  /** Loads the next page; ignored while one is loading. */
  onMore: () => void;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
}

/** Rows asked for at first, and added each time the end of the table comes into view. */
export const ROWS_PER_PAGE = 100;

export function SourcesTable({ sources, more, onMore, selectedId, onSelect, onOpen }: Props) {
  const rows = useMemo(() => familyOrder(sources), [sources]);
  const titleOf = useMemo(() => new Map(sources.map((s) => [s.id, s.title])), [sources]);
  const withAttachments = useMemo(() => new Set(sources.map((s) => s.parent).filter((p): p is string => !!p)), [sources]);
  const moreButton = useRef<HTMLButtonElement>(null);
  const onMoreRef = useRef(onMore);
  onMoreRef.current = onMore;
  const hasMore = more > 0;
  useEffect(() => {
    const el = moreButton.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) onMoreRef.current();
    }, { rootMargin: '400px' });
    seen.observe(el);
    return () => seen.disconnect();
  }, [hasMore, sources]);
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
          {rows.map(({ source: s, depth }) => (
            <tr
              key={s.id}
              className={[s.id === selectedId ? 'is-selected' : '', depth > 0 ? 'is-attachment' : ''].filter(Boolean).join(' ') || undefined}
              data-depth={depth}
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
              <td className="cell-title" style={depth > 0 ? { paddingLeft: `${12 + depth * 22}px` } : undefined}>
                {depth > 0 && (
                  <span className="attachment-mark" aria-hidden="true">
                    ↳
                  </span>
                )}
                <span className="title-text">{s.title}</span>
                {s.format === 'email' && withAttachments.has(s.id) && <span className="badge">E-mail with attachments</span>}
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
                <span className="cell-sub">
                  {s.originalName}
                  {s.parent && titleOf.has(s.parent) ? ` · attachment of “${titleOf.get(s.parent)}”` : ''}
                </span>
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
      {hasMore && (
        <div className="table-more">
          <button type="button" ref={moreButton} className="btn btn-small" onClick={() => onMore()}>
            Show more ({more} more {more === 1 ? 'source' : 'sources'})
          </button>
        </div>
      )}
    </div>
  );
}
