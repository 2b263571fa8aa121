/** The reader's list of this source's excerpts; choosing one scrolls the viewer to it. */
import type { ExcerptView } from '../../../../src/api/views.ts';
import type { Tag } from '../../../../src/model/tag.ts';
import { TagChip } from '../../components/TagChip.tsx';

interface Props {
  excerpts: ExcerptView[];
  tags: Tag[];
  activeId: string | undefined;
  onJump: (id: string) => void;
}

export function ExcerptSidebar({ excerpts, tags, activeId, onJump }: Props) {
  const colour = (id: string) => tags.find((t) => t.id === id)?.colour ?? '#cccccc';
  return (
    <aside className="excerpt-sidebar" aria-label="Excerpts in this source">
      <h2 className="panel-title">
        Excerpts <span className="count-pill">{excerpts.length}</span>
      </h2>
      {excerpts.length === 0 ? (
        <p className="muted small sidebar-empty">No excerpts yet. Select a passage in the document, then pick the issue it proves.</p>
      ) : (
        <ol className="excerpt-mini-list">
          {[...excerpts]
            .sort((a, b) => a.page - b.page || a.position.start - b.position.start)
            .map((e) => (
              <li key={e.id}>
                <button type="button" className={`excerpt-mini${e.id === activeId ? ' is-active' : ''}`} onClick={() => onJump(e.id)} style={{ borderLeftColor: colour(e.tags[0] ?? '') }}>
                  <span className="excerpt-mini-meta">
                    p. {e.page}
                    {e.paragraph && (e.paragraph.startsWith('[') ? `, ${e.paragraph}` : `, para ${e.paragraph}`)}
                    {e.anchor.status === 'orphaned' && <span className="badge badge-danger">Lost anchor</span>}
                    {e.anchor.status === 'fuzzy' && <span className="badge badge-warning">Check</span>}
                  </span>
                  <span className="excerpt-mini-quote">{e.quote.exact}</span>
                  <span className="chip-row">
                    {e.tags.map((id, i) => (
                      <TagChip key={id} name={e.tagNames[i] ?? id} colour={colour(id)} />
                    ))}
                  </span>
                </button>
              </li>
            ))}
        </ol>
      )}
    </aside>
  );
}
