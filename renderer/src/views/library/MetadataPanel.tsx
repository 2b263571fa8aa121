/** Editing a source's metadata, validated as the caseworker types; saves through sources.update. */
import { useState } from 'react';
import type { SourceSummary } from '../../../../src/api/views.ts';
import type { SourceMetaPatch } from '../../../../src/model/source.ts';
import { Icon } from '../../components/Icon.tsx';
import { invoke } from '../../lib/api.ts';
import { DAY_DATE, PARTIAL_DATE } from '../../lib/format.ts';
import { useNotices } from '../../lib/notices.tsx';

const TYPES = ['report', 'news', 'press-release', 'web-page', 'email', 'letter', 'statement', 'translation', 'decision', 'photo', 'other'] as const;
type Fields = Record<'title' | 'author' | 'publisher' | 'published' | 'url' | 'accessed' | 'language' | 'type' | 'neutralCitation' | 'shortName' | 'replacedBy', string>;

function validate(f: Fields): Partial<Record<keyof Fields, string>> {
  const errors: Partial<Record<keyof Fields, string>> = {};
  if (!f.title.trim()) errors.title = 'Give the source a title: it appears in the index and every citation.';
  if (f.published && !PARTIAL_DATE.test(f.published)) errors.published = 'Use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2014-06-29.';
  if (f.accessed && !DAY_DATE.test(f.accessed)) errors.accessed = 'Use YYYY-MM-DD, e.g. 2026-11-21.';
  if (f.url && !/^https?:\/\/\S+\.\S+/.test(f.url)) errors.url = 'Enter the full address, starting with https://';
  if (f.neutralCitation && !/^\[\d{4}\]\s+\S+/.test(f.neutralCitation.trim())) errors.neutralCitation = 'Write it as the tribunal does, e.g. [2014] UKUT 569 (IAC).';
  return errors;
}

export function MetadataPanel({ source, onClose, onSaved, onOpen }: { source: SourceSummary; onClose: () => void; onSaved: () => void; onOpen: () => void }) {
  const [fields, setFields] = useState<Fields>({
    title: source.title,
    author: source.author ?? '',
    publisher: source.publisher ?? '',
    published: source.published ?? '',
    url: source.url ?? '',
    accessed: source.accessed ?? '',
    language: source.language ?? '',
    type: source.type,
    neutralCitation: source.neutralCitation ?? '',
    shortName: source.shortName ?? '',
    replacedBy: source.replacedBy ?? '',
  });
  const [cg, setCg] = useState(source.cg ?? false);
  const [saving, setSaving] = useState(false);
  const [touched, setTouched] = useState(false);
  const notices = useNotices();
  const errors = validate(fields);
  const invalid = Object.keys(errors).length > 0;

  const set = (k: keyof Fields) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setTouched(true);
    setFields({ ...fields, [k]: e.target.value });
  };

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (invalid) return;
    const opt = (v: string) => (v.trim() ? v.trim() : undefined);
    const patch: SourceMetaPatch = {
      title: fields.title.trim(),
      author: opt(fields.author),
      publisher: opt(fields.publisher),
      published: opt(fields.published),
      url: opt(fields.url),
      accessed: opt(fields.accessed),
      language: opt(fields.language),
      type: fields.type as SourceMetaPatch['type'],
      neutralCitation: opt(fields.neutralCitation),
      shortName: opt(fields.shortName),
      ...(cg || source.cg !== undefined ? { cg } : {}),
      replacedBy: opt(fields.replacedBy),
    };
    setSaving(true);
    try {
      await invoke('sources.update', { id: source.id, patch });
      notices.info('Details saved.', 'success');
      setTouched(false);
      onSaved();
    } catch (err) {
      notices.error(err);
    } finally {
      setSaving(false);
    }
  };

  const field = (k: keyof Fields, label: string, hint?: string, type = 'text') => (
    <div className={`field${touched && errors[k] ? ' has-error' : ''}`}>
      <label htmlFor={`meta-${k}`}>{label}</label>
      <input id={`meta-${k}`} type={type} value={fields[k]} onChange={set(k)} aria-invalid={!!errors[k]} aria-describedby={`meta-${k}-msg`} placeholder={hint} />
      <div id={`meta-${k}-msg`} className="field-msg">
        {errors[k] ?? ''}
      </div>
    </div>
  );

  return (
    <aside className="side-panel" aria-label="Source details">
      <form onSubmit={(e) => void save(e)} noValidate>
        <header className="panel-header">
          <h2>Source details</h2>
          <button type="button" className="icon-btn" onClick={onClose} aria-label="Close details">
            <Icon name="close" />
          </button>
        </header>
        <div className="panel-body">
          {field('title', 'Title')}
          <div className="field-row">
            {field('author', 'Author')}
            {field('publisher', 'Publisher', 'e.g. Human Rights Watch')}
          </div>
          <div className="field-row">
            {field('published', 'Published', 'YYYY, YYYY-MM or YYYY-MM-DD')}
            {field('accessed', 'Accessed', 'YYYY-MM-DD')}
          </div>
          {field('url', 'URL', 'https://…', 'url')}
          <div className="field-row">
            {field('language', 'Language', 'e.g. en, ur, ps')}
            <div className="field">
              <label htmlFor="meta-type">Document type</label>
              <select id="meta-type" value={fields.type} onChange={set('type')}>
                {TYPES.map((t) => (
                  <option key={t} value={t}>
                    {t.replace('-', ' ')}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {(fields.type === 'decision' || fields.neutralCitation) && (
            <fieldset className="field-group">
              <legend>Case law</legend>
              <div className="field-row">
                {field('neutralCitation', 'Neutral citation', '[2014] UKUT 569 (IAC)')}
                {field('shortName', 'Cited as', 'AK and SK (Pakistan)')}
              </div>
              <div className="field">
                <label>
                  <input type="checkbox" checked={cg} onChange={(e) => { setTouched(true); setCg(e.target.checked); }} /> Country guidance (CG) decision
                </label>
              </div>
              {cg && field('replacedBy', 'Replaced by', 'the newer CG decision, if any')}
            </fieldset>
          )}
          <dl className="facts">
            <dt>Pages</dt>
            <dd>{source.pages}</dd>
            <dt>Imported from</dt>
            <dd>{source.originalName}</dd>
            <dt>SHA-256</dt>
            <dd className="mono">{source.sha256.slice(0, 16)}…</dd>
          </dl>
        </div>
        <footer className="panel-footer">
          <button type="button" className="btn" onClick={onOpen}>
            Open in reader
          </button>
          <button type="submit" className="btn btn-primary" disabled={saving || invalid || !touched}>
            {saving ? 'Saving…' : 'Save details'}
          </button>
        </footer>
      </form>
    </aside>
  );
}
