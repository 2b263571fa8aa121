/** What needs attention before the bundle is filed; each warning says what to do. */
import type { CaseWarning } from '../../../../src/api/views.ts';
import { Icon } from '../../components/Icon.tsx';

export function WarningsPanel({ warnings, onOpenSource }: { warnings: CaseWarning[] | undefined; onOpenSource: (id: string) => void }) {
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
