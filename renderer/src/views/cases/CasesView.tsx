/** Cases: the list of appellants' cases and a form to start one; a chosen case opens its page. */
import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { invoke } from '../../lib/api.ts';
import { formatPartialDate, plural } from '../../lib/format.ts';
import type { Route } from '../../lib/nav.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { CasePage } from './CasePage.tsx';
import { NewCaseForm } from './NewCaseForm.tsx';

const TRIBUNALS: Record<string, string> = { 'uk-ftt-iac': 'First-tier Tribunal (IAC)', 'uk-ut-iac': 'Upper Tribunal (IAC)', 'us-eoir': 'US Immigration Court' };

export function CasesView({ slug, version, navigate, onChanged }: { slug: string | undefined; version: number; navigate: (r: Route) => void; onChanged: () => void }) {
  const cases = useLoad(() => invoke('cases.list', {}), [version]);
  const [creating, setCreating] = useState(false);
  if (slug) return <CasePage key={slug} slug={slug} version={version} navigate={navigate} onChanged={onChanged} />;
  const list = cases.data ?? [];

  return (
    <section className="view" aria-labelledby="cases-title">
      <header className="view-header">
        <div>
          <h1 id="cases-title">Cases</h1>
          <p className="subtitle">{cases.data ? `${plural(list.length, 'case')} · each holds the client's documents and its bundle` : 'Loading…'}</p>
        </div>
        {!creating && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            <Icon name="plus" /> New case
          </button>
        )}
      </header>
      {creating && (
        <NewCaseForm
          onCancel={() => setCreating(false)}
          onCreated={(newSlug) => {
            setCreating(false);
            onChanged();
            navigate({ view: 'cases', slug: newSlug });
          }}
        />
      )}
      {cases.data && list.length === 0 && !creating ? (
        <EmptyState icon="cases" title="No cases yet" action={<button type="button" className="btn btn-primary" onClick={() => setCreating(true)}><Icon name="plus" /> New case</button>}>
          A case holds one appellant's details, their own documents (statements, letters, the refusal) and the bundle you build for the tribunal.
        </EmptyState>
      ) : (
        <ul className="case-list" aria-label="Cases">
          {list.map((c) => (
            <li key={c.slug}>
              <button type="button" className="case-card" onClick={() => navigate({ view: 'cases', slug: c.slug })}>
                <span className="case-card-title">{c.title}</span>
                <span className="case-card-sub">{c.appellant || 'Appellant not named yet'}</span>
                <span className="case-card-meta">
                  <span>{TRIBUNALS[c.tribunal] ?? c.tribunal}</span>
                  <span>{c.hearingDate ? `Hearing ${formatPartialDate(c.hearingDate)}` : 'No hearing date'}</span>
                  <span>{plural(c.documents, 'document')}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
