/** Bundle-wide options: pagination style, supplementary bundle details, volume size cap. */
import type { Draft } from './bundleDraft.ts';
import { DAY_DATE } from '../../lib/format.ts';

export function BundleOptions({ draft, onChange }: { draft: Draft; onChange: (d: Draft) => void }) {
  const sup = draft.supplementary;
  return (
    <div className="card options-card" role="group" aria-label="Bundle options">
      <div className="field">
        <label htmlFor="opt-pagination">Page numbers</label>
        <select id="opt-pagination" value={draft.pagination} onChange={(e) => onChange({ ...draft, pagination: e.target.value as Draft['pagination'] })}>
          <option value="continuous">Continuous (1, 2, 3… equal to PDF pages)</option>
          <option value="section-prefixed">By section (A1, B1…)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="opt-cap">Volume size cap (MB)</label>
        <input
          id="opt-cap"
          type="number"
          min={1}
          placeholder="Tribunal default"
          value={draft.volumeCapMB ?? ''}
          onChange={(e) => onChange({ ...draft, volumeCapMB: Number(e.target.value) > 0 ? Number(e.target.value) : undefined })}
        />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={!!sup}
          onChange={(e) => onChange({ ...draft, supplementary: e.target.checked ? { number: 1, date: new Date().toISOString().slice(0, 10), afterPage: 0 } : undefined })}
        />
        Supplementary bundle
      </label>
      {sup && (
        <div className="field-row supplementary">
          <div className="field">
            <label htmlFor="opt-sup-n">Number</label>
            <input id="opt-sup-n" type="number" min={1} value={sup.number} onChange={(e) => onChange({ ...draft, supplementary: { ...sup, number: Math.max(1, Number(e.target.value) || 1) } })} />
          </div>
          <div className={`field${DAY_DATE.test(sup.date) ? '' : ' has-error'}`}>
            <label htmlFor="opt-sup-date">Date</label>
            <input id="opt-sup-date" type="date" value={sup.date} onChange={(e) => e.target.value && onChange({ ...draft, supplementary: { ...sup, date: e.target.value } })} />
          </div>
          <div className="field">
            <label htmlFor="opt-sup-after">Continues after page</label>
            <input id="opt-sup-after" type="number" min={0} value={sup.afterPage} onChange={(e) => onChange({ ...draft, supplementary: { ...sup, afterPage: Math.max(0, Number(e.target.value) || 0) } })} />
          </div>
        </div>
      )}
    </div>
  );
}
