/**
 * Importing sources: from the file dialog or files dropped on the window, with
 * progress from the core's import.progress events.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ImportOutcome } from '../../../src/api/views.ts';
import { invoke, onEvent } from './api.ts';
import { useNotices } from './notices.tsx';
import { plural } from './format.ts';

export interface ImportProgress {
  file: string;
  stage: string;
  done: number;
  total: number;
}

export function useImport(onImported: (outcomes: ImportOutcome[]) => void) {
  const [progress, setProgress] = useState<ImportProgress | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const notices = useNotices();

  useEffect(() => onEvent('import.progress', (p) => setProgress(p)), []);

  const importPaths = useCallback(
    async (paths: string[]) => {
      if (paths.length === 0) return;
      setBusy(true);
      setProgress({ file: '', stage: 'Starting', done: 0, total: paths.length });
      try {
        const outcomes = await invoke('sources.import', { paths });
        const fresh = outcomes.filter((o) => !o.duplicate).length;
        const dupes = outcomes.length - fresh;
        if (fresh === 0) notices.info(`${plural(dupes, 'file')} already in the library: nothing new imported.`);
        else notices.info(`Imported ${plural(fresh, 'source')}${dupes ? `; ${plural(dupes, 'file')} already in the library` : ''}.`, 'success');
        for (const w of outcomes.flatMap((o) => o.warnings)) notices.info(w);
        onImported(outcomes);
      } catch (e) {
        notices.error(e);
      } finally {
        setBusy(false);
        setProgress(undefined);
      }
    },
    [notices, onImported],
  );

  const importFromDialog = useCallback(async () => {
    try {
      await importPaths(await invoke('dialog.openFiles', {}));
    } catch (e) {
      notices.error(e);
    }
  }, [importPaths, notices]);

  return { progress, busy, importPaths, importFromDialog };
}

/**
 * Absolute paths of files dropped on the window. File.path is gone from
 * Electron, so the preload answers through webUtils.getPathForFile; a file
 * with no path on disk (e.g. dragged out of another app's memory) gives none.
 */
export function droppedPaths(event: DragEvent | React.DragEvent): string[] {
  const files = Array.from(event.dataTransfer?.files ?? []);
  return files.map((f) => window.sanad.pathForFile(f)).filter((p) => typeof p === 'string' && p.length > 0);
}
