/** One bundle section: letter, title, divider toggle, its items in order, and adding items. */
import type { SourceSummary } from '../../../../src/api/views.ts';
import { Icon } from '../../components/Icon.tsx';
import { AddItem } from './AddItem.tsx';
import { fieldId, type Problems } from './bundleChecks.ts';
import { newKey, type DraftSection, type KeyedItem } from './bundleDraft.ts';
import { ItemRow } from './ItemRow.tsx';
import { ItemsZone, SortableRow } from './sortable.tsx';

interface Props {
  section: DraftSection;
  /** Every section, for the "Move to section" menus. */
  sections: DraftSection[];
  sources: SourceSummary[];
  problems: Problems;
  onChange: (s: DraftSection) => void;
  onRemove: () => void;
  onMoveItem: (key: string, toSectionId: string) => void;
}

function FieldMessage({ id, problems }: { id: string; problems: Problems }) {
  const message = problems.get(id);
  return message ? (
    <div className="field-msg" id={`${id}-msg`}>
      {message}
    </div>
  ) : null;
}

export function SectionCard({ section, sections, sources, problems, onChange, onRemove, onMoveItem }: Props) {
  const setItem = (key: string, change: (k: KeyedItem) => KeyedItem) => onChange({ ...section, items: section.items.map((k) => (k.key === key ? change(k) : k)) });
  const letterId = fieldId.letter(section.id);
  const titleId = fieldId.title(section.id);
  const name = `section ${section.letter || '?'}`;
  return (
    <SortableRow id={section.id} kind="section" sectionId={section.id} className="section-card" handleLabel={`Move section ${section.letter}: ${section.title}`}>
      <div className="section-body">
        <div className="section-head">
          <input
            id={letterId}
            className={`letter-input${problems.has(letterId) ? ' is-invalid' : ''}`}
            aria-label={`Letter of ${name}`}
            aria-invalid={problems.has(letterId)}
            aria-describedby={problems.has(letterId) ? `${letterId}-msg` : undefined}
            value={section.letter}
            maxLength={2}
            onChange={(e) => onChange({ ...section, letter: e.target.value.toUpperCase().replace(/[^A-Z]/g, '') })}
          />
          <input
            id={titleId}
            className={`section-title-input${problems.has(titleId) ? ' is-invalid' : ''}`}
            aria-label={`Title of ${name}`}
            aria-invalid={problems.has(titleId)}
            aria-describedby={problems.has(titleId) ? `${titleId}-msg` : undefined}
            value={section.title}
            placeholder="Section title"
            onChange={(e) => onChange({ ...section, title: e.target.value })}
          />
          <label className="checkbox small" title="Print a page with the section letter and title before its documents">
            <input type="checkbox" checked={section.divider} onChange={(e) => onChange({ ...section, divider: e.target.checked })} /> Divider page
          </label>
          <button type="button" className="icon-btn danger" aria-label={`Remove ${name}`} title={`Remove ${name}`} onClick={onRemove}>
            <Icon name="trash" size={15} />
          </button>
        </div>
        <FieldMessage id={letterId} problems={problems} />
        <FieldMessage id={titleId} problems={problems} />
        <ItemsZone sectionId={section.id} keys={section.items.map((k) => k.key)}>
          {section.items.length === 0 ? (
            <p className="muted small section-empty">No documents in this section yet: add one below, or drag one here from another section.</p>
          ) : (
            <ol className="item-list" aria-label={`Items in section ${section.letter}`}>
              {section.items.map((k, i) => (
                <ItemRow
                  key={k.key}
                  entry={k}
                  index={i}
                  section={section}
                  sections={sections}
                  sources={sources}
                  problems={problems}
                  onChange={(next) => setItem(k.key, () => next)}
                  onRemove={() => onChange({ ...section, items: section.items.filter((x) => x.key !== k.key) })}
                  onMoveTo={(sectionId) => onMoveItem(k.key, sectionId)}
                />
              ))}
            </ol>
          )}
        </ItemsZone>
        <AddItem sources={sources} sectionLetter={section.letter} onAdd={(items) => {
            const present = new Set(section.items.flatMap((i) => (i.item.kind === 'source' ? [i.item.sourceId] : [])));
            const fresh = items.filter((item) => item.kind !== 'source' || !present.has(item.sourceId));
            onChange({ ...section, items: [...section.items, ...fresh.map((item) => ({ key: newKey('i'), item }))] });
          }} />
      </div>
    </SortableRow>
  );
}

