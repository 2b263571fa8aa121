/** The popover that appears over a text selection: tags, note, event date, places → excerpts.create. */
import { useEffect, useRef, useState } from 'react';
import type { Tag } from '../../../../src/model/tag.ts';
import { TagPicker } from '../../components/TagPicker.tsx';
import { invoke } from '../../lib/api.ts';
import { PARTIAL_DATE } from '../../lib/format.ts';
import { useNotices } from '../../lib/notices.tsx';
import type { TextSelection } from '../../pdf/PdfViewer.tsx';

interface Props {
  sourceId: string;
  selection: TextSelection;
  tags: Tag[];
  onTagsChanged: () => void;
  onCreated: () => void;
  onClose: () => void;
}

export function TagPopover({ sourceId, selection, tags, onTagsChanged, onCreated, onClose }: Props) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [eventDate, setEventDate] = useState('');
  const [places, setPlaces] = useState('');
  const [saving, setSaving] = useState(false);
  const notices = useNotices();
  const ref = useRef<HTMLDivElement>(null);
  const dateInvalid = eventDate.trim() !== '' && !PARTIAL_DATE.test(eventDate.trim());

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const save = async () => {
    if (chosen.length === 0 || dateInvalid) return;
    setSaving(true);
    try {
      await invoke('excerpts.create', {
        sourceId,
        page: selection.page,
        quote: selection.text,
        tags: chosen,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(eventDate.trim() ? { eventDate: eventDate.trim() } : {}),
        ...(places.trim() ? { places: places.split(',').map((p) => p.trim()).filter(Boolean) } : {}),
      });
      window.getSelection()?.removeAllRanges();
      notices.info('Excerpt saved.', 'success');
      onCreated();
    } catch (e) {
      notices.error(e);
    } finally {
      setSaving(false);
    }
  };

  const left = Math.min(Math.max(selection.anchor.x - 180, 12), window.innerWidth - 384);
  const top = Math.min(selection.anchor.y + 10, window.innerHeight - 420);

  return (
    <div ref={ref} className="popover tag-popover" role="dialog" aria-label="Tag this passage" style={{ left, top }}>
      <blockquote className="popover-quote">“{selection.text.length > 220 ? `${selection.text.slice(0, 220)}…` : selection.text}”</blockquote>
      <div className="muted small">Page {selection.page}</div>
      <TagPicker
        tags={tags}
        selected={chosen}
        onChange={setChosen}
        autoFocus
        onCreate={async (name) => {
          try {
            const tag = await invoke('tags.create', { name });
            onTagsChanged();
            return tag;
          } catch (e) {
            notices.error(e);
            return undefined;
          }
        }}
      />
      <div className="field">
        <label htmlFor="pop-note">Note</label>
        <textarea id="pop-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder="Why this passage matters" />
      </div>
      <div className="field-row">
        <div className={`field${dateInvalid ? ' has-error' : ''}`}>
          <label htmlFor="pop-date">Event date</label>
          <input id="pop-date" value={eventDate} onChange={(e) => setEventDate(e.target.value)} placeholder="YYYY-MM-DD" aria-invalid={dateInvalid} />
          <div className="field-msg">{dateInvalid ? 'Use YYYY, YYYY-MM or YYYY-MM-DD.' : ''}</div>
        </div>
        <div className="field">
          <label htmlFor="pop-places">Places</label>
          <input id="pop-places" value={places} onChange={(e) => setPlaces(e.target.value)} placeholder="Quetta, Karachi" />
        </div>
      </div>
      <div className="popover-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" disabled={chosen.length === 0 || saving || dateInvalid} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save excerpt'}
        </button>
      </div>
    </div>
  );
}
