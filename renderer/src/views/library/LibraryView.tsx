/** Library: every source with its metadata, import by dialog or drop, and a metadata editor. */
import { useEffect, useState } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { invoke } from '../../lib/api.ts';
import { plural, shortcut } from '../../lib/format.ts';
import type { Route } from '../../lib/nav.ts';
import { useLoad } from '../../lib/useLoad.ts';
import type { useImport } from '../../lib/useImport.ts';
import { MetadataPanel } from './MetadataPanel.tsx';
import { ROWS_PER_PAGE, SourcesTable } from './SourcesTable.tsx';

interface Props {
  version: number;
  importer: ReturnType<typeof useImport>;
  onChanged: () => void;
  navigate: (route: Route) => void;
  /** Called once the first page of rows has been answered (the app then loads its other views). */
  onShown?: () => void;
}

export function LibraryView({ version, importer, onChanged, navigate, onShown }: Props) {
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const [filter, setFilter] = useState('');
  const q = filter.trim();
  // The table asks the core for a page at a time; a new filter starts again from the first page.
  const [limit, setLimit] = useState(ROWS_PER_PAGE);
  const sources = useLoad(() => invoke('sources.page', { ...(q ? { filter: q } : {}), limit }), [version, q, limit]);
  const list = sources.data?.sources ?? [];
  const total = sources.data?.total ?? 0;
  const more = Math.max(0, (sources.data?.matching ?? 0) - list.length);
  const selected = list.find((s) => s.id === selectedId);
  const answered = sources.data !== undefined || !sources.loading;
  useEffect(() => {
    if (answered) onShown?.();
  }, [answered, onShown]);

  return (
    <div className="view-with-panel">
      <section className="view-body" aria-labelledby="library-title">
        <header className="view-header">
          <div>
            <h1 id="library-title">Library</h1>
            <p className="subtitle">{sources.data ? `${plural(total, 'source')} of country information, shared by every case` : 'Loading…'}</p>
          </div>
          <div className="header-actions">
            <label className="search-field">
              <Icon name="search" />
              <input
                type="search"
                placeholder="Filter by title or publisher"
                aria-label="Filter sources"
                value={filter}
                onChange={(e) => {
                  setFilter(e.target.value);
                  setLimit(ROWS_PER_PAGE);
                }}
              />
            </label>
            <button type="button" className="btn btn-primary" onClick={() => void importer.importFromDialog()} disabled={importer.busy} title={`Import (${shortcut('O')})`}>
              <Icon name="upload" /> Import
            </button>
          </div>
        </header>
        {importer.progress && (
          <div className="card import-progress">
            <ProgressBar
              label={`Importing ${importer.progress.file ? importer.progress.file.split(/[\\/]/).pop() : ''}`}
              done={importer.progress.done}
              total={importer.progress.total}
              detail={importer.progress.stage === 'ocr' ? `Recognising text (OCR) · page ${importer.progress.done} of ${importer.progress.total}` : `${importer.progress.stage} · ${importer.progress.done} of ${importer.progress.total}`}
            />
          </div>
        )}
        {sources.data && total === 0 ? (
          <EmptyState
            icon="library"
            title="Your library is empty"
            action={
              <button type="button" className="btn btn-primary" onClick={() => void importer.importFromDialog()}>
                <Icon name="upload" /> Import sources
              </button>
            }
          >
            Add country reports, news articles, saved web pages, e-mails or photos of letters. Drag files onto this window or press {shortcut('O')}. Everything stays on
            this computer.
          </EmptyState>
        ) : (
          <SourcesTable
            sources={list}
            more={more}
            onMore={() => {
              if (!sources.loading) setLimit(list.length + ROWS_PER_PAGE);
            }}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onOpen={(id) => navigate({ view: 'reader', sourceId: id })}
          />
        )}
      </section>
      {selected && (
        <MetadataPanel
          key={selected.id}
          source={selected}
          onClose={() => setSelectedId(undefined)}
          onOpen={() => navigate({ view: 'reader', sourceId: selected.id })}
          onSaved={() => {
            void sources.reload();
            onChanged();
          }}
        />
      )}
    </div>
  );
}
