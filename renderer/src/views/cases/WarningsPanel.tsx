/** What needs attention before the bundle is filed; each warning says what to do. */
import type { CaseWarning } from '../../../../src/api/views.ts';
import { Icon } from '../../components/Icon.tsx';

interface Props {
  warnings: CaseWarning[] | undefined;
  onOpenSource: (id: string) => void;
  /** "Redact all" for a protected name still printed in the bundle's documents. */
  onRedactAll?: (term: string) => void;
}

export function WarningsPanel({ warnings, onOpenSource, onRedactAll }: Props) {
  return (
    <aside className="card warnings-panel" aria-label="Warnings">
      <h2 className="card-title">
        Before you build {warnings && warnings.length > 0 && <span className="count-pill warn">{warnings.length}</span>}
      </h2>
      {!warnings ? null : warnings.length === 0 ? (
        <p className="all-clear">
          <Icon name="check" /> Nothing needs attention.
        </p>
      ) : (
        <ul className="warning-list">
          {warnings.map((w, i) => (
            <li key={`${w.code}-${i}`} className={`warning warning-${w.code}`}>
              <Icon name="warning" />
              <div>
                <p>{w.message}</p>
                {w.code === 'protected-name' && w.term && onRedactAll && (
                  <button type="button" className="btn btn-small btn-danger" onClick={() => onRedactAll(w.term!)}>
                    Redact all “{w.term}”
                  </button>
                )}
                {w.sourceId && (
                  <button type="button" className="link-btn" onClick={() => onOpenSource(w.sourceId!)}>
                    Open the source
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
