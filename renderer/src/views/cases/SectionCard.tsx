/** One bundle section: letter, title, divider toggle, its items in order, and adding items. */
import type { SourceSummary } from '../../../../src/api/views.ts';
import { Icon } from '../../components/Icon.tsx';
import { AddItem } from './AddItem.tsx';
import { move, newKey, PART_LABELS, type DraftSection, type KeyedItem } from './bundleDraft.ts';
import { SortableList, SortableRow } from './sortable.tsx';

interface Props {
  section: DraftSection;
  sources: SourceSummary[];
  onChange: (s: DraftSection) => void;
  onRemove: () => void;
}

function itemTitle(k: KeyedItem, sources: SourceSummary[]): string {
  const it = k.item;
  if (it.kind === 'generated') return PART_LABELS[it.part] ?? it.part;
  if (it.kind === 'divider') return `Divider: ${it.title}`;
  return it.title ?? sources.find((s) => s.id === it.sourceId)?.title ?? 'Missing source';
}

export function SectionCard({ section, sources, onChange, onRemove }: Props) {
  const setItem = (key: string, change: (k: KeyedItem) => KeyedItem) => onChange({ ...section, items: section.items.map((k) => (k.key === key ? change(k) : k)) });
  return (
    <SortableRow id={section.id} className="section-card" handleLabel={`Move section ${section.letter}: ${section.title}`}>
      <div className="section-body">
        <div className="section-head">
          <input
            className="letter-input"
            aria-label="Section letter"
            value={section.letter}
            maxLength={2}
            onChange={(e) => {
              const letter = e.target.value.toUpperCase().replace(/[^A-Z]/g, '');
              if (letter) onChange({ ...section, letter });
            }}
          />
          <input className="section-title-input" aria-label={`Title of section ${section.letter}`} value={section.title} onChange={(e) => onChange({ ...section, title: e.target.value || ' ' })} />
          <label className="checkbox small">
            <input type="checkbox" checked={section.divider} onChange={(e) => onChange({ ...section, divider: e.target.checked })} /> Divider page
          </label>
          <button type="button" className="icon-btn danger" aria-label={`Remove section ${section.letter}`} onClick={onRemove}>
            <Icon name="trash" size={15} />
          </button>
        </div>
        {section.items.length === 0 ? (
          <p className="muted small section-empty">No documents in this section yet.</p>
        ) : (
          <SortableList ids={section.items.map((k) => k.key)} label={`items of section ${section.letter}`} onMove={(from, to) => onChange({ ...section, items: move(section.items, from, to) })}>
            <ol className="item-list" aria-label={`Items in section ${section.letter}`}>
              {section.items.map((k, i) => (
                <SortableRow key={k.key} id={k.key} className="item-row" handleLabel={`Move ${itemTitle(k, sources)}`}>
                  <span className="item-index">
                    {section.letter}
                    {i + 1}
                  </span>
                  <span className={`item-title kind-${k.item.kind}`} data-testid="bundle-item-title">
                    {itemTitle(k, sources)}
                  </span>
                  {k.item.kind === 'source' && (
                    <input
                      className="pages-input"
                      aria-label={`Pages of ${itemTitle(k, sources)}`}
                      placeholder="All pages"
                      value={k.item.pages ?? ''}
                      onChange={(e) => setItem(k.key, (x) => (x.item.kind === 'source' ? { ...x, item: { ...x.item, pages: e.target.value.trim() ? e.target.value : undefined } } : x))}
                    />
                  )}
                  <button type="button" className="icon-btn" aria-label={`Remove ${itemTitle(k, sources)}`} onClick={() => onChange({ ...section, items: section.items.filter((x) => x.key !== k.key) })}>
                    <Icon name="close" size={14} />
                  </button>
                </SortableRow>
              ))}
            </ol>
          </SortableList>
        )}
        <AddItem sources={sources} sectionLetter={section.letter} onAdd={(item) => onChange({ ...section, items: [...section.items, { key: newKey('i'), item }] })} />
      </div>
    </SortableRow>
  );
}
