/** Case details, autosaved through cases.update a moment after each change. */
import { useState } from 'react';
import type { CaseFile } from '../../../../src/model/case.ts';
import { Icon } from '../../components/Icon.tsx';
import { invoke } from '../../lib/api.ts';
import { saveLabel, useAutosave } from './useAutosave.ts';

type Patch = {
  title: string;
  appellant: { name: string; anonymise: boolean };
  references: Array<{ label: string; value: string }>;
  tribunal: CaseFile['tribunal'];
  hearingDate: string;
  bundleDate: string;
};

const PROFILE_HINTS: Record<string, string> = {
  'uk-ftt-iac': 'A4 pages; schedule of at most 12 pages without permission.',
  'uk-ut-iac': 'A4 pages; CE-File accepts files up to 50 MB, so larger bundles are split into volumes.',
  'us-eoir': 'Letter pages, exhibit tabs and a certificate of service; files up to 25 MB.',
};

export function CaseDetailsForm({ caseFile, onSaved }: { caseFile: CaseFile; onSaved: (c: CaseFile) => void }) {
  const [form, setForm] = useState<Patch>({
    title: caseFile.title,
    appellant: caseFile.appellant,
    references: caseFile.references,
    tribunal: caseFile.tribunal,
    hearingDate: caseFile.hearingDate ?? '',
    bundleDate: caseFile.bundleDate ?? '',
  });
  const autosave = useAutosave(async (p: Patch) => {
    const saved = await invoke('cases.update', {
      slug: caseFile.slug,
      patch: {
        ...(p.title.trim() ? { title: p.title.trim() } : {}),
        appellant: p.appellant,
        references: p.references.filter((r) => r.label.trim() && r.value.trim()),
        tribunal: p.tribunal,
        hearingDate: p.hearingDate || null,
        bundleDate: p.bundleDate || null,
      },
    });
    onSaved(saved);
  }, 700);
  const update = (next: Patch) => {
    setForm(next);
    autosave.schedule(next);
  };
  const setRef = (i: number, key: 'label' | 'value', v: string) => update({ ...form, references: form.references.map((r, j) => (j === i ? { ...r, [key]: v } : r)) });

  return (
    <form className="card details-form" onSubmit={(e) => e.preventDefault()} aria-label="Case details">
      <div className="card-head">
        <h2 className="card-title">Case details</h2>
        <span className="save-state" aria-live="polite">
          {saveLabel(autosave.state)}
        </span>
      </div>
      <div className="field">
        <label htmlFor="cd-title">Case title</label>
        <input id="cd-title" value={form.title} onChange={(e) => update({ ...form, title: e.target.value })} />
        <div className="field-msg">{form.title.trim() ? '' : 'A case needs a title.'}</div>
      </div>
      <div className="field-row">
        <div className="field grow">
          <label htmlFor="cd-appellant">Appellant's full name</label>
          <input id="cd-appellant" value={form.appellant.name} onChange={(e) => update({ ...form, appellant: { ...form.appellant, name: e.target.value } })} />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={form.appellant.anonymise} onChange={(e) => update({ ...form, appellant: { ...form.appellant, anonymise: e.target.checked } })} />
          Anonymise (initials only in the bundle)
        </label>
      </div>
      <div className="field-row">
        <div className="field grow">
          <label htmlFor="cd-tribunal">Tribunal profile</label>
          <select id="cd-tribunal" value={form.tribunal} onChange={(e) => update({ ...form, tribunal: e.target.value as Patch['tribunal'] })}>
            <option value="uk-ftt-iac">UK First-tier Tribunal (IAC)</option>
            <option value="uk-ut-iac">UK Upper Tribunal (IAC)</option>
            <option value="us-eoir">US Immigration Court (EOIR)</option>
          </select>
          <p className="field-msg field-hint">{PROFILE_HINTS[form.tribunal]}</p>
        </div>
        <div className="field">
          <label htmlFor="cd-hearing">Hearing date</label>
          <input id="cd-hearing" type="date" value={form.hearingDate} onChange={(e) => update({ ...form, hearingDate: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="cd-bundle-date">Bundle date</label>
          <input id="cd-bundle-date" type="date" value={form.bundleDate} onChange={(e) => update({ ...form, bundleDate: e.target.value })} />
        </div>
      </div>
      <fieldset className="references">
        <legend>References</legend>
        {form.references.map((r, i) => (
          <div className="field-row ref-row" key={i}>
            <input aria-label={`Reference ${i + 1} label`} value={r.label} placeholder="e.g. Appeal number" onChange={(e) => setRef(i, 'label', e.target.value)} />
            <input aria-label={`Reference ${i + 1} value`} value={r.value} placeholder="e.g. PA/01234/2026" onChange={(e) => setRef(i, 'value', e.target.value)} />
            <button type="button" className="icon-btn" aria-label={`Remove reference ${i + 1}`} onClick={() => update({ ...form, references: form.references.filter((_, j) => j !== i) })}>
              <Icon name="close" />
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-small" onClick={() => setForm({ ...form, references: [...form.references, { label: '', value: '' }] })}>
          <Icon name="plus" size={14} /> Add reference
        </button>
      </fieldset>
    </form>
  );
}
