/** Toasts in the bottom-right corner: errors, confirmations, and Undo after a delete. */
import { useNotices } from '../lib/notices.tsx';
import { shortcut } from '../lib/format.ts';
import { Icon } from './Icon.tsx';

export function Notices() {
  const { notices, dismiss, undoLast } = useNotices();
  return (
    <div className="notices" role="region" aria-label="Notifications">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
          {n.tone === 'error' && <Icon name="warning" />}
          <span className="notice-message">{n.message}</span>
          {n.undo && (
            <button type="button" className="btn btn-small btn-ghost-inverse" onClick={() => void undoLast()} title={`Undo (${shortcut('Z')})`}>
              Undo
            </button>
          )}
          <button type="button" className="icon-btn notice-close" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            <Icon name="close" size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
