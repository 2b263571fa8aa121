/** Tags: the issue tree; create, rename (a "Parent/Child" name nests), recolour, merge, delete. */
import { useState } from 'react';
import type { Tag } from '../../../../src/model/tag.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { invoke } from '../../lib/api.ts';
import { plural } from '../../lib/format.ts';
import { useNotices } from '../../lib/notices.tsx';
import { useLoad } from '../../lib/useLoad.ts';
import { TagRow } from './TagRow.tsx';

const PALETTE = ['#f4a261', '#8ecae6', '#ffd166', '#95d5b2', '#e5989b', '#cdb4db', '#a3c4f3', '#ffadad'];

export function TagsView({ version, onChanged }: { version: number; onChanged: () => void }) {
  const tags = useLoad(() => invoke('tags.list', {}), [version]);
  const [name, setName] = useState('');
  const [colour, setColour] = useState(PALETTE[0]!);
  const notices = useNotices();
  const list = [...(tags.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  const run = async (action: () => Promise<unknown>, done?: string) => {
    try {
      await action();
      if (done) notices.info(done, 'success');
      void tags.reload();
      onChanged();
      return true;
    } catch (e) {
      notices.error(e);
      return false;
    }
  };

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    if (await run(() => invoke('tags.create', { name: name.trim(), colour }), `Tag “${name.trim()}” created.`)) setName('');
  };

  return (
    <section className="view" aria-labelledby="tags-title">
      <header className="view-header">
        <div>
          <h1 id="tags-title">Tags</h1>
          <p className="subtitle">Top-level tags are the disputed issues of the schedule. {tags.data ? plural(list.length, 'tag') : ''}</p>
        </div>
      </header>
      <form className="card inline-form" onSubmit={(e) => void create(e)}>
        <div className="field grow">
          <label htmlFor="new-tag-name">New tag</label>
          <input id="new-tag-name" value={name} onChange={(e) => setName(e.target.value)} placeholder='e.g. "Internal relocation risk/Quetta" to nest under an issue' />
        </div>
        <div className="field">
          <label htmlFor="new-tag-colour">Colour</label>
          <input id="new-tag-colour" type="color" value={colour} onChange={(e) => setColour(e.target.value)} className="colour-input" />
        </div>
        <button type="submit" className="btn btn-primary" disabled={!name.trim()}>
          <Icon name="plus" /> Create tag
        </button>
      </form>
      {tags.data && list.length === 0 ? (
        <EmptyState icon="tags" title="No tags">
          Create a tag for each disputed issue (for example “Internal relocation risk”), then nest the details under it.
        </EmptyState>
      ) : (
        <ul className="tag-tree" aria-label="Tags">
          {list.map((t) => (
            <TagRow
              key={t.id}
              tag={t}
              all={list}
              onRename={(newName) => run(() => invoke('tags.update', { id: t.id, name: newName }), 'Tag renamed.')}
              onRecolour={(c) => run(() => invoke('tags.update', { id: t.id, colour: c }))}
              onMerge={(into: Tag) => run(() => invoke('tags.merge', { from: t.id, into: into.id }), `Merged into “${into.name}”.`)}
              onDelete={() => run(() => invoke('tags.delete', { id: t.id }), 'Tag deleted.')}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
