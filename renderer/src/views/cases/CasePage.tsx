/** One case: details (autosaved), the bundle editor, warnings, and building the bundle. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BuildReportView } from '../../../../src/api/views.ts';
import type { CaseFile } from '../../../../src/model/case.ts';
import { Icon } from '../../components/Icon.tsx';
import { invoke } from '../../lib/api.ts';
import { appellantLabel } from '../../lib/format.ts';
import type { Route } from '../../lib/nav.ts';
import { useNotices } from '../../lib/notices.tsx';
import { useLoad } from '../../lib/useLoad.ts';
import { BuildPanel } from './BuildPanel.tsx';
import { BuiltBundle } from './BuiltBundle.tsx';
import { BundleEditor } from './BundleEditor.tsx';
import { draftProblems, problemSummary } from './bundleChecks.ts';
import { fromDraft, toDraft, type Draft } from './bundleDraft.ts';
import { CaseDetailsForm } from './CaseDetailsForm.tsx';
import { saveLabel, useAutosave } from './useAutosave.ts';
import { WarningsPanel } from './WarningsPanel.tsx';

interface Props {
  slug: string;
  version: number;
  navigate: (r: Route) => void;
  onChanged: () => void;
}

export function CasePage({ slug, version, navigate, onChanged }: Props) {
  const loaded = useLoad(() => invoke('cases.get', { slug }), [slug]);
  const library = useLoad(() => invoke('sources.list', { caseSlug: slug }), [slug, version]);
  const warnings = useLoad(() => invoke('cases.warnings', { slug }), [slug, version]);
  const [caseFile, setCaseFile] = useState<CaseFile | undefined>(undefined);
  const [draft, setDraft] = useState<Draft | undefined>(undefined);
  const [report, setReport] = useState<BuildReportView | undefined>(undefined);
  const [tab, setTab] = useState<'bundle' | 'details'>('bundle');
  const notices = useNotices();

  useEffect(() => {
    if (loaded.data && !draft) {
      setCaseFile(loaded.data.case);
      setDraft(toDraft(loaded.data.bundle));
    }
  }, [loaded.data, draft]);

  const bundleSave = useAutosave(async (d: Draft) => {
    await invoke('cases.saveBundle', { slug, bundle: fromDraft(d) });
    void warnings.reload();
  });
  const problems = useMemo(() => (draft ? draftProblems(draft) : new Map<string, string>()), [draft]);
  const changeDraft = useCallback(
    (d: Draft) => {
      setDraft(d);
      // A draft the core would refuse is not sent; its fields say what to fix.
      if (draftProblems(d).size === 0) bundleSave.schedule(d);
      else bundleSave.cancel();
    },
    [bundleSave],
  );
  const beforeBuild = useCallback(async () => {
    if (problems.size > 0) {
      notices.info(`${problemSummary(problems).replace('Not saved: fix', 'Before building, fix')}`);
      const first = [...problems.keys()][0];
      if (first) document.getElementById(first)?.focus();
      return false;
    }
    return bundleSave.flush();
  }, [problems, bundleSave, notices]);

  const importCaseDocuments = async () => {
    try {
      const paths = await invoke('dialog.openFiles', {});
      if (!paths.length) return;
      await invoke('sources.import', { paths, caseSlug: slug });
      notices.info('Client documents added to this case.', 'success');
      void library.reload();
      onChanged();
    } catch (e) {
      notices.error(e);
    }
  };

  if (!caseFile || !draft) return <section className="view" aria-busy="true" />;
  if (report) return <BuiltBundle report={report} title={caseFile.title} onBack={() => setReport(undefined)} />;

  return (
    <section className="view case-page" aria-labelledby="case-title">
      <header className="view-header">
        <div>
          <button type="button" className="btn btn-ghost crumb" onClick={() => navigate({ view: 'cases' })}>
            <Icon name="back" /> Cases
          </button>
          <h1 id="case-title">{caseFile.title}</h1>
          <p className="subtitle">
            <span data-testid="case-appellant">
              {caseFile.appellant.name ? (caseFile.appellant.anonymise ? `${appellantLabel(caseFile.appellant)} · anonymised` : caseFile.appellant.name) : 'Appellant not named yet'}
            </span>
            <span className={`save-state${problems.size ? ' is-invalid' : ''}`} aria-live="polite">
              {problems.size ? problemSummary(problems) : saveLabel(bundleSave.state)}
            </span>
          </p>
        </div>
        <BuildPanel slug={slug} beforeBuild={beforeBuild} onBuilt={(r) => (setReport(r), void warnings.reload())} />
      </header>
      <div className="segmented tabs" role="tablist" aria-label="Case sections">
        <button type="button" role="tab" aria-selected={tab === 'bundle'} className={tab === 'bundle' ? 'is-active' : ''} onClick={() => setTab('bundle')}>
          Bundle
        </button>
        <button type="button" role="tab" aria-selected={tab === 'details'} className={tab === 'details' ? 'is-active' : ''} onClick={() => setTab('details')}>
          Case details
        </button>
      </div>
      <div className="case-columns">
        <div className="case-main">
          {tab === 'details' ? (
            <CaseDetailsForm caseFile={caseFile} onSaved={(c) => (setCaseFile(c), onChanged(), void warnings.reload())} />
          ) : (
            <BundleEditor draft={draft} problems={problems} onChange={changeDraft} sources={library.data ?? []} slug={slug} onImportCaseDocuments={() => void importCaseDocuments()} />
          )}
        </div>
        <WarningsPanel
          warnings={warnings.data}
          onOpenSource={(id) => navigate({ view: 'reader', sourceId: id })}
          onRedactAll={(term) =>
            void invoke('redactions.redactInCase', { slug, text: term, reason: 'anonymity-order' }).then(
              (made) => (notices.info(`Redacted ${made.length} occurrence${made.length === 1 ? '' : 's'} of “${term}”.`, 'success'), void warnings.reload()),
              (e: unknown) => notices.error(e),
            )
          }
        />
      </div>
    </section>
  );
}
