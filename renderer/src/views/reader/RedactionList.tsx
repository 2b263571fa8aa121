/** The reader's list of this source's redactions: jump to one, or remove it (with Undo). */
import type { Redaction } from '../../../../src/model/redaction.ts';
import { redactionLabel } from '../../../../src/model/redaction-label.ts';

interface Props {
  redactions: Redaction[];
  onJump: (r: Redaction) => void;
  onRemove: (r: Redaction) => void;
}

export function RedactionList({ redactions, onJump, onRemove }: Props) {
  return (
    <section className="redaction-list" aria-label="Redactions in this source">
      <h2 className="panel-title">
        Redactions <span className="count-pill">{redactions.length}</span>
      </h2>
      {redactions.length === 0 ? (
        <p className="muted small sidebar-empty">None. Turn on Redact, then select words or draw a box over a photo or signature.</p>
      ) : (
        <ol className="excerpt-mini-list">
          {[...redactions]
            .sort((a, b) => a.page - b.page)
            .map((r) => (
              <li key={r.id} className="redaction-item">
                <button type="button" className="excerpt-mini redaction-mini" onClick={() => onJump(r)}>
                  <span className="excerpt-mini-meta">
                    p. {r.page} · {redactionLabel(r)}
                    {r.anchor.status === 'orphaned' && <span className="badge badge-danger">Lost anchor</span>}
                    {(r.anchor.status === 'fuzzy' || r.anchor.status === 'position') && <span className="badge badge-warning">Check</span>}
                  </span>
                  <span className="excerpt-mini-quote">{r.kind === 'text' ? r.quote.exact : `Area ${Math.round(r.area.w)} × ${Math.round(r.area.h)} pt`}</span>
                </button>
                <button type="button" className="link-btn" aria-label={`Remove redaction on page ${r.page}`} onClick={() => onRemove(r)}>
                  Remove
                </button>
              </li>
            ))}
        </ol>
      )}
    </section>
  );
}
