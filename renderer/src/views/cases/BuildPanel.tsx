/**
 * The Build button (Ctrl/Cmd+B), its progress bar from build.progress, and
 * Cancel: a cancelled build is a calm notice, never an error, and shows no
 * half-built result (the core writes nothing until the build has finished).
 */
import { useEffect, useRef, useState } from 'react';
import type { BuildReportView } from '../../../../src/api/views.ts';
import { Icon } from '../../components/Icon.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { invoke, onEvent } from '../../lib/api.ts';
import { onCommand } from '../../lib/commands.ts';
import { shortcut } from '../../lib/format.ts';
import { useNotices } from '../../lib/notices.tsx';

interface Props {
  slug: string;
  beforeBuild: () => Promise<boolean>;
  onBuilt: (report: BuildReportView) => void;
}

export function BuildPanel({ slug, beforeBuild, onBuilt }: Props) {
  const [building, setBuilding] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [progress, setProgress] = useState<{ stage: string; done: number; total: number } | undefined>(undefined);
  const notices = useNotices();
  /** Cancel pressed before the core started building (while saving): the build never starts. */
  const cancelRequested = useRef(false);
  const cancelledNotice = () => notices.info('Build cancelled. Nothing was written; build again when ready.');

  useEffect(() => onEvent('build.progress', (p) => p.slug === slug && setProgress(p)), [slug]);

  const build = async () => {
    if (building) return;
    setBuilding(true);
    cancelRequested.current = false;
    setProgress({ stage: 'Saving', done: 0, total: 1 });
    try {
      if (!(await beforeBuild())) return;
      if (cancelRequested.current) return cancelledNotice();
      const report = await invoke('bundle.build', { slug });
      onBuilt(report);
    } catch (e) {
      if ((e as { code?: unknown }).code === 'ABORTED') cancelledNotice();
      else notices.error(e);
    } finally {
      setBuilding(false);
      setCancelling(false);
      setProgress(undefined);
    }
  };
  const cancel = async () => {
    setCancelling(true);
    cancelRequested.current = true;
    try {
      await invoke('bundle.cancel', { slug });
    } catch (e) {
      setCancelling(false);
      notices.error(e);
    }
  };
  const buildRef = useRef(build);
  buildRef.current = build;
  useEffect(() => onCommand('build', () => void buildRef.current()), []);

  return (
    <div className="build-panel">
      {building && progress ? (
        <>
          <ProgressBar label="Building bundle" done={progress.done} total={progress.total} detail={progress.stage} />
          <button type="button" className="btn" onClick={() => void cancel()} disabled={cancelling}>
            {cancelling ? 'Cancelling…' : 'Cancel build'}
          </button>
        </>
      ) : (
        <button type="button" className="btn btn-primary btn-large" onClick={() => void build()} title={`Build the bundle (${shortcut('B')})`}>
          <Icon name="build" /> Build bundle
        </button>
      )}
    </div>
  );
}
