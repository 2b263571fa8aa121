/**
 * Type-ahead tag picker: filters tags as you type (any part of the path),
 * Enter picks the highlighted one, and a name that matches nothing can be
 * created on the spot ("Parent/Child" nests it).
 */
import { useState } from 'react';
import type { Tag } from '../../../src/model/tag.ts';
import { TagChip } from './TagChip.tsx';

interface Props {
  tags: Tag[];
  selected: string[];
  onChange: (ids: string[]) => void;
  onCreate: (name: string) => Promise<Tag | undefined>;
  autoFocus?: boolean;
}

export function TagPicker({ tags, selected, onChange, onCreate, autoFocus }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const q = query.trim().toLowerCase();
  const matches = tags.filter((t) => !selected.includes(t.id) && (!q || t.name.toLowerCase().includes(q))).slice(0, 8);
  const exact = tags.some((t) => t.name.toLowerCase() === q);
  const options: Array<{ kind: 'tag'; tag: Tag } | { kind: 'create'; name: string }> = [
    ...matches.map((tag) => ({ kind: 'tag' as const, tag })),
    ...(q && !exact ? [{ kind: 'create' as const, name: query.trim() }] : []),
  ];

  const choose = async (i: number) => {
    const option = options[i];
    if (!option) return;
    if (option.kind === 'tag') onChange([...selected, option.tag.id]);
    else {
      const tag = await onCreate(option.name);
      if (tag) onChange([...selected, tag.id]);
    }
    setQuery('');
    setActive(0);
  };

  return (
    <div className="tag-picker">
      {selected.length > 0 && (
        <ul className="chip-list" aria-label="Chosen tags">
          {selected.map((id) => {
            const tag = tags.find((t) => t.id === id);
            return (
              <li key={id}>
                <TagChip name={tag?.name ?? id} colour={tag?.colour ?? '#cccccc'} full />
                <button type="button" className="chip-remove" aria-label={`Remove tag ${tag?.name ?? id}`} onClick={() => onChange(selected.filter((s) => s !== id))}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <input
        type="text"
        role="combobox"
        aria-label="Tag"
        aria-expanded={options.length > 0}
        aria-controls="tag-options"
        aria-activedescendant={options.length ? `tag-opt-${active}` : undefined}
        placeholder={selected.length ? 'Add another tag…' : 'Type to find or create a tag'}
        value={query}
        autoFocus={autoFocus}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, options.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && query.trim()) {
            e.preventDefault();
            void choose(active);
          }
        }}
      />
      {(q || selected.length === 0) && options.length > 0 && (
        <ul className="tag-options" id="tag-options" role="listbox" aria-label="Matching tags">
          {options.map((o, i) => (
            <li
              key={o.kind === 'tag' ? o.tag.id : 'create'}
              id={`tag-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              onMouseDown={(e) => (e.preventDefault(), void choose(i))}
              onMouseEnter={() => setActive(i)}
            >
              {o.kind === 'tag' ? (
                <>
                  <span className="swatch" style={{ background: o.tag.colour }} aria-hidden="true" />
                  <span>{o.tag.name.replaceAll('/', ' › ')}</span>
                </>
              ) : (
                <span>
                  Create tag <strong>“{o.name}”</strong>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
