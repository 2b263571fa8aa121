/** The filter bar over the excerpt list. */
import type { SourceSummary } from '../../../../src/api/views.ts';
import type { Tag } from '../../../../src/model/tag.ts';
import { Icon } from '../../components/Icon.tsx';

export interface FilterState {
  tag: string;
  sourceId: string;
  from: string;
  to: string;
  place: string;
  query: string;
}

interface Props {
  value: FilterState;
  onChange: (v: FilterState) => void;
  onClear: () => void;
  tags: Tag[];
  sources: SourceSummary[];
}

export function ExcerptFilters({ value, onChange, onClear, tags, sources }: Props) {
  const set = (k: keyof FilterState) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => onChange({ ...value, [k]: e.target.value });
  const any = Object.values(value).some(Boolean);
  return (
    <div className="filter-bar" role="group" aria-label="Filter excerpts">
      <label className="search-field grow">
        <Icon name="search" />
        <input type="search" aria-label="Search quotes and notes" placeholder="Search quotes and notes" value={value.query} onChange={set('query')} />
      </label>
      <select aria-label="Tag" value={value.tag} onChange={set('tag')}>
        <option value="">All tags</option>
        {tags.map((t) => (
          <option key={t.id} value={t.id}>
            {'\u00a0\u00a0'.repeat(t.name.split('/').length - 1)}
            {t.name.split('/').pop()}
          </option>
        ))}
      </select>
      <select aria-label="Source" value={value.sourceId} onChange={set('sourceId')} className="source-select">
        <option value="">All sources</option>
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
      <input className="date-input" aria-label="Events from (YYYY, YYYY-MM or YYYY-MM-DD)" placeholder="From" value={value.from} onChange={set('from')} />
      <input className="date-input" aria-label="Events to (YYYY, YYYY-MM or YYYY-MM-DD)" placeholder="To" value={value.to} onChange={set('to')} />
      <input className="place-input" aria-label="Place" placeholder="Place" value={value.place} onChange={set('place')} />
      {any && (
        <button type="button" className="btn btn-ghost" onClick={onClear}>
          Clear
        </button>
      )}
    </div>
  );
}
