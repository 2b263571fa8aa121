/** The bundle editor: sections in order, their items (movable across sections), and the bundle-wide options. */
import type { SourceSummary } from '../../../../src/api/views.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import type { Problems } from './bundleChecks.ts';
import { BundleOptions } from './BundleOptions.tsx';
import { move, moveItem, newKey, nextLetter, type Draft } from './bundleDraft.ts';
import { SectionCard } from './SectionCard.tsx';
import { BundleDnd } from './sortable.tsx';
import { SchedulePages } from './SchedulePages.tsx';

interface Props {
  draft: Draft;
  problems: Problems;
  onChange: (d: Draft) => void;
  sources: SourceSummary[];
  slug: string;
  onImportCaseDocuments: () => void;
}

export function BundleEditor({ draft, problems, onChange, sources, slug, onImportCaseDocuments }: Props) {
  const addSection = () =>
    onChange({ ...draft, sections: [...draft.sections, { id: newKey('s'), letter: nextLetter(draft.sections), title: 'New section', divider: false, items: [] }] });
  const moveTo = (key: string, sectionId: string, index: number) => onChange(moveItem(draft, key, sectionId, index));

  return (
    <div className="bundle-editor">
      <BundleOptions draft={draft} problems={problems} onChange={onChange} />
      <SchedulePages slug={slug} draft={draft} />
      <div className="editor-toolbar">
        <h2 className="section-heading">Sections</h2>
        <span className="row-spacer" />
        <button type="button" className="btn" onClick={onImportCaseDocuments}>
          <Icon name="upload" /> Add client documents
        </button>
        <button type="button" className="btn" onClick={addSection}>
          <Icon name="plus" /> Add section
        </button>
      </div>
      {draft.sections.length === 0 ? (
        <EmptyState icon="cases" title="The bundle is empty" action={<button type="button" className="btn btn-primary" onClick={addSection}><Icon name="plus" /> Add section</button>}>
          Add a section (for example “Country information”), then add sources from the library or the client's own documents.
        </EmptyState>
      ) : (
        <BundleDnd draft={draft} onMoveSection={(from, to) => onChange({ ...draft, sections: move(draft.sections, from, to) })} onMoveItem={moveTo}>
          <ol className="section-list" aria-label="Bundle sections">
            {draft.sections.map((s) => (
              <SectionCard
                key={s.id}
                section={s}
                sections={draft.sections}
                sources={sources}
                problems={problems}
                onChange={(next) => onChange({ ...draft, sections: draft.sections.map((x) => (x.id === s.id ? next : x)) })}
                onRemove={() => onChange({ ...draft, sections: draft.sections.filter((x) => x.id !== s.id) })}
                onMoveItem={(key, sectionId) => moveTo(key, sectionId, Number.MAX_SAFE_INTEGER)}
              />
            ))}
          </ol>
        </BundleDnd>
      )}
    </div>
  );
}
