/** One item of a bundle section: drag handle, number, title, page range, "Move to section", remove. */
import type { SourceSummary } from '../../../../src/api/views.ts';
import { Icon } from '../../components/Icon.tsx';
import { fieldId, type Problems } from './bundleChecks.ts';
import { PART_LABELS, type DraftSection, type KeyedItem } from './bundleDraft.ts';
import { SortableRow } from './sortable.tsx';

export function itemTitle(k: KeyedItem, sources: SourceSummary[]): string {
  const it = k.item;
  if (it.kind === 'generated') return PART_LABELS[it.part] ?? it.part;
  if (it.kind === 'divider') return `Divider: ${it.title}`;
  return it.title ?? sources.find((s) => s.id === it.sourceId)?.title ?? 'Missing source';
}

interface Props {
  entry: KeyedItem;
  index: number;
  section: DraftSection;
  sections: DraftSection[];
  sources: SourceSummary[];
  problems: Problems;
  onChange: (k: KeyedItem) => void;
  onRemove: () => void;
  onMoveTo: (sectionId: string) => void;
}

export function ItemRow({ entry: k, index, section, sections, sources, problems, onChange, onRemove, onMoveTo }: Props) {
  const title = itemTitle(k, sources);
  const pagesId = fieldId.pages(k.key);
  const pagesProblem = problems.get(pagesId);
  const others = sections.filter((s) => s.id !== section.id);
  return (
    <SortableRow id={k.key} kind="item" sectionId={section.id} className={`item-row${pagesProblem ? ' has-problem' : ''}`} handleLabel={`Move ${title}`}>
      <span className="item-index">
        {section.letter}
        {index + 1}
      </span>
      <span className={`item-title kind-${k.item.kind}`} data-testid="bundle-item-title" title={title}>
        {title}
      </span>
      {k.item.kind === 'source' && (
        <input
          id={pagesId}
          className={`pages-input${pagesProblem ? ' is-invalid' : ''}`}
          aria-label={`Pages of ${title}`}
          aria-invalid={!!pagesProblem}
          title={pagesProblem ?? 'Pages to include, e.g. 1-3, 7, 10-'}
          placeholder="All pages"
          value={k.item.pages ?? ''}
          onChange={(e) => k.item.kind === 'source' && onChange({ ...k, item: { ...k.item, pages: e.target.value.trim() ? e.target.value : undefined } })}
        />
      )}
      {k.item.kind === 'source' && (
        <label className="skeleton-toggle" title="The skeleton argument: its bundle references ([AB/45], p. 45, E7) become links to those pages">
          <input
            type="checkbox"
            checked={k.item.role === 'skeleton'}
            onChange={(e) => {
              if (k.item.kind !== 'source') return;
              const { role: _role, ...rest } = k.item;
              onChange({ ...k, item: e.target.checked ? { ...rest, role: 'skeleton' } : rest });
            }}
          />{' '}
          Skeleton
        </label>
      )}
      {others.length > 0 && (
        <select className="move-select" aria-label={`Move ${title} to section`} value="" onChange={(e) => e.target.value && onMoveTo(e.target.value)}>
          <option value="">Move to…</option>
          {others.map((s) => (
            <option key={s.id} value={s.id}>
              Section {s.letter}: {s.title}
            </option>
          ))}
        </select>
      )}
      <button type="button" className="icon-btn" aria-label={`Remove ${title}`} title={`Remove ${title} from the bundle`} onClick={onRemove}>
        <Icon name="close" size={14} />
      </button>
      {pagesProblem && (
        <div className="field-msg item-msg" id={`${pagesId}-msg`}>
          {pagesProblem}
        </div>
      )}
    </SortableRow>
  );
}
