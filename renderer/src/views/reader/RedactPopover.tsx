/** Redaction mode's popover: the reason for redacting the selected words or the drawn box. */
import { useEffect, useRef, useState } from 'react';
import type { RedactionReason } from '../../../../src/model/redaction.ts';

export const REASONS: Array<{ id: RedactionReason; label: string }> = [
  { id: 'anonymity-order', label: 'Anonymity order' },
  { id: 'third-party', label: 'Third-party data' },
  { id: 'irrelevant', label: 'Irrelevant' },
  { id: 'privilege', label: 'Privilege' },
  { id: 'other', label: 'Other…' },
];

interface Props {
  /** What will be redacted, in words ("“Liaquat Ali” on page 2", "a box on page 1"). */
  what: string;
  anchor: { x: number; y: number };
  onRedact: (reason: RedactionReason, reasonText: string | undefined) => Promise<void>;
  onClose: () => void;
}

export function RedactPopover({ what, anchor, onRedact, onClose }: Props) {
  const [reason, setReason] = useState<RedactionReason>('anonymity-order');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const submit = async () => {
    setBusy(true);
    try {
      await onRedact(reason, text.trim() || undefined);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="popover redact-popover" role="dialog" aria-label="Redact" style={{ left: Math.max(8, Math.min(anchor.x - 160, window.innerWidth - 388)), top: Math.max(8, Math.min(anchor.y + 8, window.innerHeight - 280)) }}>
      <p className="popover-title">Redact {what}</p>
      <p className="muted small">Removed from the bundle only (the original is kept); the box shows the reason.</p>
      <label className="field">
        <span>Reason</span>
        <select ref={first} value={reason} onChange={(e) => setReason(e.target.value as RedactionReason)}>
          {REASONS.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      {reason === 'other' && (
        <label className="field">
          <span>Shown on the box</span>
          <input value={text} maxLength={60} placeholder="e.g. family address" onChange={(e) => setText(e.target.value)} />
        </label>
      )}
      <div className="popover-actions">
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn btn-danger" disabled={busy || (reason === 'other' && !text.trim())} onClick={() => void submit()}>
          Redact
        </button>
      </div>
    </div>
  );
}
