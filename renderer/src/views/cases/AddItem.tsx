/** Adding to a section: a source from the library or the case's documents, a generated part, or a divider. */
import { useState } from 'react';
import type { SourceSummary } from '../../../../src/api/views.ts';
import type { BundleItem, GeneratedPart } from '../../../../src/model/bundle.ts';
import { familyIds, familyOrder } from '../../../../src/model/family.ts';
import { Icon } from '../../components/Icon.tsx';
import { PART_LABELS } from './bundleDraft.ts';

/** `onAdd` gets one item, or an e-mail followed by its attachments (they go into the bundle together). */
export function AddItem({ sources, sectionLetter, onAdd }: { sources: SourceSummary[]; sectionLetter: string; onAdd: (items: BundleItem[]) => void }) {
  const [value, setValue] = useState('');
  const caseDocs = sources.filter((s) => s.scope.kind === 'case');
  const library = sources.filter((s) => s.scope.kind !== 'case');
  const add = () => {
    if (value.startsWith('source:')) onAdd(familyIds(value.slice(7), sources).map((sourceId) => ({ kind: 'source', sourceId })));
    else if (value.startsWith('part:')) onAdd([{ kind: 'generated', part: value.slice(5) as GeneratedPart }]);
    else if (value === 'divider') onAdd([{ kind: 'divider', title: 'Divider' }]);
    setValue('');
  };
  return (
    <div className="add-item">
      <select aria-label={`Add to section ${sectionLetter}`} value={value} onChange={(e) => setValue(e.target.value)}>
        <option value="">Add a document or part…</option>
        {caseDocs.length > 0 && (
          <optgroup label="Client documents">
            {familyOrder(caseDocs).map(({ source: s, depth }) => (
              <option key={s.id} value={`source:${s.id}`}>
                {depth > 0 ? `${'\u00a0\u00a0'.repeat(depth)}↳ ` : ''}
                {s.title}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label="Library">
          {familyOrder(library).map(({ source: s, depth }) => (
            <option key={s.id} value={`source:${s.id}`}>
              {depth > 0 ? `${'\u00a0\u00a0'.repeat(depth)}↳ ` : ''}
              {s.title}
            </option>
          ))}
        </optgroup>
        <optgroup label="Generated parts">
          {Object.entries(PART_LABELS).map(([part, label]) => (
            <option key={part} value={`part:${part}`}>
              {label}
            </option>
          ))}
          <option value="divider">Divider page</option>
        </optgroup>
      </select>
      <button type="button" className="btn btn-small" disabled={!value} onClick={add}>
        <Icon name="plus" size={14} /> Add
      </button>
    </div>
  );
}
