/** Starting a case: a title, a short name (the folder), the appellant, the tribunal. */
import { useState } from 'react';
import { invoke } from '../../lib/api.ts';
import { useNotices } from '../../lib/notices.tsx';

const slugOf = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);

export function NewCaseForm({ onCreated, onCancel }: { onCreated: (slug: string) => void; onCancel: () => void }) {
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [appellant, setAppellant] = useState('');
  const [tribunal, setTribunal] = useState<'uk-ftt-iac' | 'uk-ut-iac' | 'us-eoir'>('uk-ftt-iac');
  const [saving, setSaving] = useState(false);
  const notices = useNotices();
  const effectiveSlug = slugEdited ? slug : slugOf(title);
  const slugError = effectiveSlug && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(effectiveSlug) ? 'Use lower-case letters, digits and hyphens, e.g. "ah-2026".' : '';

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!title.trim() || !effectiveSlug || slugError) return;
    setSaving(true);
    try {
      const c = await invoke('cases.create', { slug: effectiveSlug, title: title.trim(), ...(appellant.trim() ? { appellant: appellant.trim() } : {}), tribunal });
      onCreated(c.slug);
    } catch (err) {
      notices.error(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card new-case" onSubmit={(e) => void submit(e)} aria-label="New case">
      <h2 className="card-title">New case</h2>
      <div className="field-row">
        <div className="field grow">
          <label htmlFor="case-title">Case title</label>
          <input id="case-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. AH v SSHD" autoFocus required />
        </div>
        <div className={`field${slugError ? ' has-error' : ''}`}>
          <label htmlFor="case-slug">Short name</label>
          <input id="case-slug" value={effectiveSlug} onChange={(e) => (setSlugEdited(true), setSlug(e.target.value))} placeholder="ah-2026" aria-invalid={!!slugError} />
          <div className="field-msg">{slugError}</div>
        </div>
      </div>
      <div className="field-row">
        <div className="field grow">
          <label htmlFor="case-appellant">Appellant</label>
          <input id="case-appellant" value={appellant} onChange={(e) => setAppellant(e.target.value)} placeholder="Full name (you can anonymise it later)" />
        </div>
        <div className="field">
          <label htmlFor="case-tribunal">Tribunal</label>
          <select id="case-tribunal" value={tribunal} onChange={(e) => setTribunal(e.target.value as typeof tribunal)}>
            <option value="uk-ftt-iac">UK First-tier Tribunal (IAC)</option>
            <option value="uk-ut-iac">UK Upper Tribunal (IAC)</option>
            <option value="us-eoir">US Immigration Court (EOIR)</option>
          </select>
        </div>
      </div>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={saving || !title.trim() || !!slugError}>
          {saving ? 'Creating…' : 'Create case'}
        </button>
      </div>
    </form>
  );
}
