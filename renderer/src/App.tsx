/**
 * The application shell: sidebar, the current view, notices, window-wide drag
 * and drop for imports, and the commands that both the keyboard shortcuts and
 * the application menu (Electron's `menu` event) carry out.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MenuCommand } from '../../src/api/contract.ts';
import type { ImportOutcome } from '../../src/api/views.ts';
import { Sidebar } from './components/Sidebar.tsx';
import { Notices } from './components/Notices.tsx';
import { invoke, onEvent } from './lib/api.ts';
import { raise } from './lib/commands.ts';
import { AREAS, areaOf, type Route } from './lib/nav.ts';
import { useNotices } from './lib/notices.tsx';
import { useLoad } from './lib/useLoad.ts';
import { droppedPaths, useImport } from './lib/useImport.ts';
import { deferredView } from './lib/deferredView.tsx';
import { LibraryView } from './views/library/LibraryView.tsx';
import { warmPdfjs } from './pdf/loadPdfjs.ts';

// The library is the first screen; the other views are chunks of their own (the bundle editor's
// drag and drop among them), fetched while the library is on screen and idle (warmViews).
const ReaderView = deferredView(() => import('./views/reader/ReaderView.tsx').then((m) => m.ReaderView));
const ExcerptsView = deferredView(() => import('./views/excerpts/ExcerptsView.tsx').then((m) => m.ExcerptsView));
const CasesView = deferredView(() => import('./views/cases/CasesView.tsx').then((m) => m.CasesView));
const TagsView = deferredView(() => import('./views/tags/TagsView.tsx').then((m) => m.TagsView));

function warmViews(): void {
  for (const view of [ReaderView, ExcerptsView, CasesView, TagsView]) view.warm();
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Ctrl/Cmd + key → the same command as the application menu item. */
function commandForKey(key: string, shift: boolean): MenuCommand | undefined {
  const area = AREAS.find((a) => a.key === key);
  if (area) return `view.${area.area}`;
  const k = key.toLowerCase();
  if (k === 'o') return 'import';
  if (k === 'f') return 'find';
  if (k === 'b') return 'build';
  if (k === 'z' && !shift) return 'undo';
  return undefined;
}

export function App() {
  const [route, setRoute] = useState<Route>({ view: 'library' });
  const [version, setVersion] = useState(0);
  const [dragging, setDragging] = useState(false);
  const notices = useNotices();
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const info = useLoad(() => invoke('workspace.info', {}), [version]);
  // Files the core could not read (a hand-broken source.json) are named once each; the rest of the library works.
  const reported = useRef(new Set<string>());
  useEffect(() => {
    for (const p of info.data?.problems ?? []) {
      if (reported.current.has(p.message)) continue;
      reported.current.add(p.message);
      notices.error(new Error(p.message));
    }
  }, [info.data, notices]);
  // The other views and pdf.js (library, viewer, worker) load once the first screen has its rows
  // (or has been left), while it is idle: not when they are opened, and not in the first rows' way.
  const [firstShown, setFirstShown] = useState(false);
  const onLibraryShown = useCallback(() => setFirstShown(true), []);
  const warm = firstShown || route.view !== 'library';
  useEffect(() => {
    if (!warm) return;
    const id = window.requestIdleCallback(
      () => {
        warmViews();
        warmPdfjs();
      },
      { timeout: 5000 },
    );
    return () => window.cancelIdleCallback(id);
  }, [warm]);
  const onImported = useCallback((_: ImportOutcome[]) => bump(), [bump]);
  const importer = useImport(onImported);

  /** One place for what shortcuts and the application menu do. */
  const run = useCallback(
    (command: MenuCommand) => {
      if (command.startsWith('view.')) {
        const area = AREAS.find((a) => `view.${a.area}` === command);
        if (area) setRoute({ view: area.area });
      } else if (command === 'import') void importer.importFromDialog();
      else if (command === 'find') {
        // The viewer opens its find bar; elsewhere the view's search field takes the focus.
        if (!raise('find')) document.querySelector<HTMLInputElement>('main input[type="search"]')?.focus();
      } else if (command === 'build') {
        if (!raise('build')) notices.info('Open a case (Cases) to build its bundle.');
      } else if (command === 'undo') void notices.undoLast().then((undone) => undone && bump());
    },
    [importer, notices, bump],
  );
  const runRef = useRef(run);
  runRef.current = run;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod || e.altKey) return;
      const command = commandForKey(e.key, e.shiftKey);
      // A text field undoes its own typing.
      if (!command || (command === 'undo' && isTyping(e.target))) return;
      // Handled here, so the menu accelerator (Electron) does not run it a second time.
      e.preventDefault();
      runRef.current(command);
    };
    window.addEventListener('keydown', onKey);
    // The application menu (Electron): undo while a text field has focus is that field's own.
    const offMenu = onEvent('menu', ({ command }) => {
      if (command === 'undo' && isTyping(document.activeElement)) return;
      runRef.current(command);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      offMenu();
    };
  }, []);

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const paths = droppedPaths(e);
    if (paths.length) void importer.importPaths(paths);
    else if (e.dataTransfer.files.length) notices.info('Those files could not be read from where they were dragged: save them to a folder first, or use Import (Ctrl+O).');
  };
  const onDragOver = (e: React.DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  return (
    <div
      className="app"
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <Sidebar current={areaOf(route)} info={info.data} onSelect={(area) => setRoute({ view: area })} />
      <main className="main" id="main">
        {route.view === 'library' && <LibraryView version={version} importer={importer} onChanged={bump} navigate={setRoute} onShown={onLibraryShown} />}
        {route.view === 'reader' && <ReaderView key={route.sourceId} sourceId={route.sourceId} excerptId={route.excerptId} navigate={setRoute} onChanged={bump} />}
        {route.view === 'excerpts' && <ExcerptsView version={version} navigate={setRoute} onChanged={bump} />}
        {route.view === 'cases' && <CasesView slug={route.slug} version={version} navigate={setRoute} onChanged={bump} />}
        {route.view === 'tags' && <TagsView version={version} onChanged={bump} />}
      </main>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-card">Drop reports, Word files, e-mails (.eml, .msg), WhatsApp exports or photos to add them to the library</div>
        </div>
      )}
      <Notices />
    </div>
  );
}
