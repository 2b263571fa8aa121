/** One excerpt in the list: quote, source and page, tags, note; copy citation, open, delete. */
import type { ExcerptView } from '../../../../src/api/views.ts';
import type { Tag } from '../../../../src/model/tag.ts';
import { Icon } from '../../components/Icon.tsx';
import { TagChip } from '../../components/TagChip.tsx';
import { invoke } from '../../lib/api.ts';
import { formatPartialDate } from '../../lib/format.ts';
import { useNotices } from '../../lib/notices.tsx';
import { useState } from 'react';

type CiteStyle = 'both' | 'oscola' | 'bundle';
const STYLE_LABELS: Record<CiteStyle, string> = { both: 'Citation and bundle page', oscola: 'OSCOLA (full)', bundle: 'Bundle page only' };

/** "p. 14, para 2.4.5", "p. 9, [34]". */
export function pinpointLabel(e: { page: number; paragraph?: string | undefined }): string {
  if (!e.paragraph) return `p. ${e.page}`;
  return e.paragraph.startsWith('[') ? `p. ${e.page}, ${e.paragraph}` : `p. ${e.page}, para ${e.paragraph}`;
}

export function ExcerptCard({ excerpt: e, tags, onOpen, onDelete }: { excerpt: ExcerptView; tags: Tag[]; onOpen: () => void; onDelete: () => void }) {
  const notices = useNotices();
  const colour = (id: string) => tags.find((t) => t.id === id)?.colour ?? '#cccccc';

  const [style, setStyle] = useState<CiteStyle>('both');
  const copy = async () => {
    try {
      const cited = await invoke('excerpts.cite', { id: e.id, style });
      await invoke('clipboard.writeText', { text: cited.text });
      notices.info(cited.bundlePage === undefined && style !== 'oscola' ? 'Citation copied without a bundle page: build the case to add one.' : 'Citation copied: paste it into the skeleton argument.', 'success');
    } catch (err) {
      notices.error(err);
    }
  };

  return (
    <li className="excerpt-card" style={{ borderLeftColor: colour(e.tags[0] ?? '') }}>
      <blockquote className="excerpt-quote">{e.quote.exact}</blockquote>
      {e.note && <p className="excerpt-note">{e.note}</p>}
      <div className="excerpt-meta">
        <span className="excerpt-source">
          {e.sourceTitle}, {pinpointLabel(e)}
        </span>
        {e.eventDate && <span className="meta-item">Event: {formatPartialDate(e.eventDate)}</span>}
        {e.places.length > 0 && <span className="meta-item">{e.places.join(', ')}</span>}
        {e.anchor.status === 'orphaned' && (
          <span className="badge badge-danger" title="The passage was not found in the current edition of the source: open it and tag the passage again, then delete this one.">
            Lost anchor
          </span>
        )}
      </div>
      <div className="excerpt-foot">
        <span className="chip-row">
          {e.tags.map((id, i) => (
            <TagChip key={id} name={e.tagNames[i] ?? id} colour={colour(id)} full />
          ))}
        </span>
        <span className="card-actions">
          <select className="select-small" aria-label="Citation style" value={style} onChange={(ev) => setStyle(ev.target.value as CiteStyle)}>
            {(Object.keys(STYLE_LABELS) as CiteStyle[]).map((k) => (
              <option key={k} value={k}>
                {STYLE_LABELS[k]}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-small" onClick={() => void copy()}>
            <Icon name="copy" size={14} /> Copy citation
          </button>
          <button type="button" className="btn btn-small" onClick={onOpen}>
            Open
          </button>
          <button type="button" className="icon-btn danger" aria-label={`Delete excerpt from ${e.sourceTitle}, page ${e.page}`} onClick={onDelete}>
            <Icon name="trash" size={15} />
          </button>
        </span>
      </div>
    </li>
  );
}
