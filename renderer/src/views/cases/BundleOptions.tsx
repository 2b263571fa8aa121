/**
 * Bundle-wide options: pagination style, volume size cap, and the
 * supplementary bundle's number, date and the page it continues after. Values
 * are kept as typed; bundleChecks says what is wrong under each field.
 */
import { fieldId, type Problems } from './bundleChecks.ts';
import type { Draft, DraftSupplementary } from './bundleDraft.ts';

function Field({ id, label, problems, hint, children }: { id: string; label: string; problems: Problems; hint?: string; children: React.ReactNode }) {
  const message = problems.get(id);
  return (
    <div className={`field${message ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      <div className={message ? 'field-msg' : 'field-msg field-hint'} id={`${id}-msg`}>
        {message ?? hint ?? ''}
      </div>
    </div>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

export function BundleOptions({ draft, problems, onChange }: { draft: Draft; problems: Problems; onChange: (d: Draft) => void }) {
  const sup = draft.supplementary;
  const setSup = (patch: Partial<DraftSupplementary>) => sup && onChange({ ...draft, supplementary: { ...sup, ...patch } });
  const described = (id: string) => ({ id, 'aria-invalid': problems.has(id), 'aria-describedby': `${id}-msg` });

  return (
    <div className="card options-card" role="group" aria-label="Bundle options">
      <div className="options-row">
        <Field id="opt-pagination" label="Page numbers" problems={problems} hint="Continuous numbers equal the PDF page numbers, index included.">
          <select id="opt-pagination" value={draft.pagination} onChange={(e) => onChange({ ...draft, pagination: e.target.value as Draft['pagination'] })}>
            <option value="continuous">Continuous: 1, 2, 3…</option>
            <option value="section-prefixed">By section: A1, B1…</option>
          </select>
        </Field>
        <Field id={fieldId.cap} label="Volume size cap (MB)" problems={problems} hint="Empty: the tribunal's limit.">
          <input {...described(fieldId.cap)} type="text" inputMode="decimal" placeholder="Tribunal default" value={draft.capText} onChange={(e) => onChange({ ...draft, capText: e.target.value })} />
        </Field>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={!!sup}
            onChange={(e) => {
              const { supplementary: _drop, ...rest } = draft;
              onChange(e.target.checked ? { ...rest, supplementary: { number: '1', date: today(), afterPage: '' } } : rest);
            }}
          />
          Supplementary bundle
        </label>
      </div>
      {sup && (
        <div className="options-row supplementary" role="group" aria-label="Supplementary bundle">
          <Field id={fieldId.supNumber} label="Supplementary bundle number" problems={problems}>
            <input {...described(fieldId.supNumber)} type="text" inputMode="numeric" value={sup.number} onChange={(e) => setSup({ number: e.target.value })} />
          </Field>
          <Field id={fieldId.supDate} label="Date served" problems={problems}>
            <input {...described(fieldId.supDate)} type="date" value={sup.date} onChange={(e) => setSup({ date: e.target.value })} />
          </Field>
          <Field id={fieldId.supAfter} label="Continues after page" problems={problems} hint="The last page of the bundle already served.">
            <input {...described(fieldId.supAfter)} type="text" inputMode="numeric" placeholder="e.g. 240" value={sup.afterPage} onChange={(e) => setSup({ afterPage: e.target.value })} />
          </Field>
        </div>
      )}
    </div>
  );
}
