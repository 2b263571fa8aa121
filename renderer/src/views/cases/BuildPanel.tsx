/** The Build button (Ctrl/Cmd+B), its progress bar from build.progress, and Cancel. */
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
  const [progress, setProgress] = useState<{ stage: string; done: number; total: number } | undefined>(undefined);
  const notices = useNotices();

  useEffect(() => onEvent('build.progress', (p) => p.slug === slug && setProgress(p)), [slug]);

  const build = async () => {
    if (building) return;
    setBuilding(true);
    setProgress({ stage: 'Saving', done: 0, total: 1 });
    try {
      if (!(await beforeBuild())) return;
      const report = await invoke('bundle.build', { slug });
      onBuilt(report);
    } catch (e) {
      notices.error(e);
    } finally {
      setBuilding(false);
      setProgress(undefined);
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
          <button type="button" className="btn" onClick={() => void invoke('bundle.cancel', { slug }).catch(notices.error)}>
            Cancel
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
