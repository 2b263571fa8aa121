/** Adding to a section: a source from the library or the case's documents, a generated part, or a divider. */
import { useState } from 'react';
import type { SourceSummary } from '../../../../src/api/views.ts';
import type { BundleItem, GeneratedPart } from '../../../../src/model/bundle.ts';
import { Icon } from '../../components/Icon.tsx';
import { PART_LABELS } from './bundleDraft.ts';

export function AddItem({ sources, sectionLetter, onAdd }: { sources: SourceSummary[]; sectionLetter: string; onAdd: (item: BundleItem) => void }) {
  const [value, setValue] = useState('');
  const caseDocs = sources.filter((s) => s.scope.kind === 'case');
  const library = sources.filter((s) => s.scope.kind !== 'case');
  const add = () => {
    if (value.startsWith('source:')) onAdd({ kind: 'source', sourceId: value.slice(7) });
    else if (value.startsWith('part:')) onAdd({ kind: 'generated', part: value.slice(5) as GeneratedPart });
    else if (value === 'divider') onAdd({ kind: 'divider', title: 'Divider' });
    setValue('');
  };
  return (
    <div className="add-item">
      <select aria-label={`Add to section ${sectionLetter}`} value={value} onChange={(e) => setValue(e.target.value)}>
        <option value="">Add a document or part…</option>
        {caseDocs.length > 0 && (
          <optgroup label="Client documents">
            {caseDocs.map((s) => (
              <option key={s.id} value={`source:${s.id}`}>
                {s.title}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label="Library">
          {library.map((s) => (
            <option key={s.id} value={`source:${s.id}`}>
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
