/** Excerpts: every tagged passage, filtered by tag, source, event date, place and text; and the tag × tag grid. */
import { useState } from 'react';
import type { ExcerptFilter } from '../../../../src/api/contract.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { invoke } from '../../lib/api.ts';
import { plural } from '../../lib/format.ts';
import type { Route } from '../../lib/nav.ts';
import { useNotices } from '../../lib/notices.tsx';
import { useLoad } from '../../lib/useLoad.ts';
import { CooccurrenceGrid } from './CooccurrenceGrid.tsx';
import { ExcerptCard } from './ExcerptCard.tsx';
import { ExcerptFilters, type FilterState } from './ExcerptFilters.tsx';

const EMPTY: FilterState = { tag: '', sourceId: '', from: '', to: '', place: '', query: '' };

function toFilter(f: FilterState): ExcerptFilter {
  const out: ExcerptFilter = {};
  if (f.tag) out.tag = f.tag;
  if (f.sourceId) out.sourceId = f.sourceId;
  if (/^\d{4}(-\d{2}){0,2}$/.test(f.from)) out.from = f.from;
  if (/^\d{4}(-\d{2}){0,2}$/.test(f.to)) out.to = f.to;
  if (f.place.trim()) out.place = f.place.trim();
  if (f.query.trim()) out.query = f.query.trim();
  return out;
}

export function ExcerptsView({ version, navigate, onChanged }: { version: number; navigate: (r: Route) => void; onChanged: () => void }) {
  const [filters, setFilters] = useState<FilterState>(EMPTY);
  const [tab, setTab] = useState<'list' | 'grid'>('list');
  const notices = useNotices();
  const key = JSON.stringify(toFilter(filters));
  const excerpts = useLoad(() => invoke('excerpts.list', toFilter(filters)), [key, version]);
  const tags = useLoad(() => invoke('tags.list', {}), [version]);
  const sources = useLoad(() => invoke('sources.list', {}), [version]);
  const grid = useLoad(() => (tab === 'grid' ? invoke('excerpts.cooccurrence', {}) : Promise.resolve(undefined)), [tab, version]);
  const filtered = key !== '{}';

  const remove = async (id: string) => {
    try {
      const deleted = await invoke('excerpts.delete', { id });
      void excerpts.reload();
      onChanged();
      notices.undoable('Excerpt deleted.', async () => {
        await invoke('excerpts.restore', { excerpt: deleted });
        void excerpts.reload();
        onChanged();
      });
    } catch (e) {
      notices.error(e);
    }
  };

  return (
    <section className="view" aria-labelledby="excerpts-title">
      <header className="view-header">
        <div>
          <h1 id="excerpts-title">Excerpts</h1>
          <p className="subtitle">{excerpts.data ? `${plural(excerpts.data.length, 'excerpt')}${filtered ? ' match these filters' : ' across the library'}` : 'Loading…'}</p>
        </div>
        <div className="segmented" role="tablist" aria-label="Excerpts display">
          <button type="button" role="tab" aria-selected={tab === 'list'} className={tab === 'list' ? 'is-active' : ''} onClick={() => setTab('list')}>
            List
          </button>
          <button type="button" role="tab" aria-selected={tab === 'grid'} className={tab === 'grid' ? 'is-active' : ''} onClick={() => setTab('grid')}>
            Co-occurrence
          </button>
        </div>
      </header>
      {tab === 'list' ? (
        <>
          <ExcerptFilters value={filters} onChange={setFilters} tags={tags.data ?? []} sources={sources.data ?? []} onClear={() => setFilters(EMPTY)} />
          {excerpts.data && excerpts.data.length === 0 ? (
            filtered ? (
              <EmptyState icon="search" title="No excerpts match" action={<button type="button" className="btn" onClick={() => setFilters(EMPTY)}>Clear filters</button>}>
                Try a broader tag, remove the date range, or search for fewer words.
              </EmptyState>
            ) : (
              <EmptyState icon="excerpts" title="No excerpts yet" action={<button type="button" className="btn btn-primary" onClick={() => navigate({ view: 'library' })}>Go to the library</button>}>
                Open a source from the library, select a passage that proves a disputed issue, and tag it. It will appear here, ready for the schedule.
              </EmptyState>
            )
          ) : (
            <ol className="excerpt-list" aria-label="Excerpts">
              {(excerpts.data ?? []).map((e) => (
                <ExcerptCard key={e.id} excerpt={e} tags={tags.data ?? []} onOpen={() => navigate({ view: 'reader', sourceId: e.sourceId, excerptId: e.id })} onDelete={() => void remove(e.id)} />
              ))}
            </ol>
          )}
        </>
      ) : (
        grid.data && <CooccurrenceGrid tags={grid.data.tags} counts={grid.data.counts} onPick={(tag) => (setFilters({ ...EMPTY, tag }), setTab('list'))} />
      )}
    </section>
  );
}
