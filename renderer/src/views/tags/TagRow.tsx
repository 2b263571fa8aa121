/** One tag in the tree, indented by depth, with inline rename, colour and merge. */
import { useState } from 'react';
import type { Tag } from '../../../../src/model/tag.ts';
import { Icon } from '../../components/Icon.tsx';

interface Props {
  tag: Tag;
  all: Tag[];
  onRename: (name: string) => Promise<boolean>;
  onRecolour: (colour: string) => Promise<boolean>;
  onMerge: (into: Tag) => Promise<boolean>;
  onDelete: () => Promise<boolean>;
}

export function TagRow({ tag, all, onRename, onRecolour, onMerge, onDelete }: Props) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(tag.name);
  const [merging, setMerging] = useState(false);
  const depth = tag.name.split('/').length - 1;
  const leaf = tag.name.split('/').pop() ?? tag.name;

  return (
    <li className={`tag-row depth-${Math.min(depth, 3)}`} style={{ paddingLeft: 16 + depth * 24 }}>
      <input type="color" className="colour-dot" value={tag.colour} aria-label={`Colour of ${tag.name}`} onChange={(e) => void onRecolour(e.target.value)} />
      {editing ? (
        <form
          className="rename-form"
          onSubmit={(e) => {
            e.preventDefault();
            void onRename(name.trim()).then((ok) => ok && setEditing(false));
          }}
        >
          <input value={name} onChange={(e) => setName(e.target.value)} aria-label={`New name for ${tag.name}`} autoFocus onKeyDown={(e) => e.key === 'Escape' && setEditing(false)} />
          <button type="submit" className="btn btn-small btn-primary">
            Rename
          </button>
          <button type="button" className="btn btn-small" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <span className={depth === 0 ? 'tag-name issue' : 'tag-name'}>{leaf}</span>
      )}
      {depth === 0 && !editing && <span className="badge">Issue</span>}
      <span className="row-spacer" />
      {merging ? (
        <select
          aria-label={`Merge ${tag.name} into`}
          autoFocus
          defaultValue=""
          onBlur={() => setMerging(false)}
          onChange={(e) => {
            const into = all.find((t) => t.id === e.target.value);
            if (into) void onMerge(into);
            setMerging(false);
          }}
        >
          <option value="" disabled>
            Merge into…
          </option>
          {all
            .filter((t) => t.id !== tag.id)
            .map((t) => (
              <option key={t.id} value={t.id}>
                {t.name.replaceAll('/', ' › ')}
              </option>
            ))}
        </select>
      ) : (
        !editing && (
          <span className="row-actions">
            <button type="button" className="btn btn-small btn-ghost" onClick={() => (setName(tag.name), setEditing(true))} aria-label={`Rename ${tag.name}`}>
              <Icon name="edit" size={14} /> Rename
            </button>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setMerging(true)} aria-label={`Merge ${tag.name} into another tag`}>
              Merge
            </button>
            <button type="button" className="icon-btn danger" onClick={() => void onDelete()} aria-label={`Delete ${tag.name}`}>
              <Icon name="trash" size={15} />
            </button>
          </span>
        )
      )}
    </li>
  );
}
