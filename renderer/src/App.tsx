/**
 * The application shell: sidebar, the current view, notices, window-wide drag
 * and drop for imports, and the global keyboard shortcuts.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ImportOutcome } from '../../src/api/views.ts';
import { Sidebar } from './components/Sidebar.tsx';
import { Notices } from './components/Notices.tsx';
import { invoke } from './lib/api.ts';
import { raise } from './lib/commands.ts';
import { AREAS, areaOf, type Route } from './lib/nav.ts';
import { useNotices } from './lib/notices.tsx';
import { useLoad } from './lib/useLoad.ts';
import { droppedPaths, useImport } from './lib/useImport.ts';
import { LibraryView } from './views/library/LibraryView.tsx';
import { ReaderView } from './views/reader/ReaderView.tsx';
import { ExcerptsView } from './views/excerpts/ExcerptsView.tsx';
import { TagsView } from './views/tags/TagsView.tsx';
import { CasesView } from './views/cases/CasesView.tsx';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function App() {
  const [route, setRoute] = useState<Route>({ view: 'library' });
  const [version, setVersion] = useState(0);
  const [dragging, setDragging] = useState(false);
  const notices = useNotices();
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const info = useLoad(() => invoke('workspace.info', {}), [version]);
  const onImported = useCallback((_: ImportOutcome[]) => bump(), [bump]);
  const importer = useImport(onImported);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod || e.altKey) return;
      const area = AREAS.find((a) => a.key === e.key);
      if (area) {
        e.preventDefault();
        setRoute({ view: area.area });
      } else if (e.key.toLowerCase() === 'o') {
        e.preventDefault();
        void importer.importFromDialog();
      } else if (e.key.toLowerCase() === 'f') {
        e.preventDefault();
        raise('find');
      } else if (e.key.toLowerCase() === 'b') {
        e.preventDefault();
        raise('build');
      } else if (e.key.toLowerCase() === 'z' && !e.shiftKey && !isTyping(e.target)) {
        e.preventDefault();
        void notices.undoLast().then((undone) => undone && bump());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [importer, notices, bump]);

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const paths = droppedPaths(e);
    if (paths.length) void importer.importPaths(paths);
    else if (e.dataTransfer.files.length) notices.info('Drop the files on the window again, or use Import (Ctrl+O) to choose them.');
  };

  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <Sidebar current={areaOf(route)} info={info.data} onSelect={(area) => setRoute({ view: area })} />
      <main className="main" id="main">
        {route.view === 'library' && <LibraryView version={version} importer={importer} onChanged={bump} navigate={setRoute} />}
        {route.view === 'reader' && <ReaderView key={route.sourceId} sourceId={route.sourceId} excerptId={route.excerptId} navigate={setRoute} onChanged={bump} />}
        {route.view === 'excerpts' && <ExcerptsView version={version} navigate={setRoute} onChanged={bump} />}
        {route.view === 'cases' && <CasesView slug={route.slug} version={version} navigate={setRoute} onChanged={bump} />}
        {route.view === 'tags' && <TagsView version={version} onChanged={bump} />}
      </main>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-card">Drop reports, articles, e-mails or photos to add them to the library</div>
        </div>
      )}
      <Notices />
    </div>
  );
}
