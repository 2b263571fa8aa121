/**
 * Reader: a source in the viewer, its excerpts highlighted, tagging by
 * selecting text; in redaction mode, selecting words or drawing a box marks
 * them for redaction in the bundle, and the source's redactions are listed
 * with undo.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { invoke } from '../../lib/api.ts';
import { formatPartialDate, shortcut } from '../../lib/format.ts';
import type { Route } from '../../lib/nav.ts';
import { useLoad } from '../../lib/useLoad.ts';
import type { Highlight } from '../../pdf/highlights.ts';
import { PdfViewer, type PageBox, type TextSelection, type ViewerControls } from '../../pdf/PdfViewer.tsx';
import { useNotices } from '../../lib/notices.tsx';
import type { Redaction } from '../../../../src/model/redaction.ts';
import { redactionLabel } from '../../../../src/model/redaction-label.ts';
import { ExcerptSidebar } from './ExcerptSidebar.tsx';
import { RedactionList } from './RedactionList.tsx';
import { RedactPopover } from './RedactPopover.tsx';
import { TagPopover } from './TagPopover.tsx';
import { OcrBadge } from '../../components/OcrBadge.tsx';

interface Props {
  sourceId: string;
  excerptId: string | undefined;
  navigate: (route: Route) => void;
  onChanged: () => void;
}

export function ReaderView({ sourceId, excerptId, navigate, onChanged }: Props) {
  const source = useLoad(() => invoke('sources.get', { id: sourceId }), [sourceId]);
  const url = useLoad(() => invoke('sources.documentUrl', { id: sourceId }), [sourceId]);
  const excerpts = useLoad(() => invoke('excerpts.list', { sourceId }), [sourceId]);
  const tags = useLoad(() => invoke('tags.list', {}), []);
  const [selection, setSelection] = useState<TextSelection | undefined>(undefined);
  const [activeId, setActiveId] = useState<string | undefined>(excerptId);
  const controls = useRef<ViewerControls | null>(null);
  const redactions = useLoad(() => invoke('redactions.list', { sourceId }), [sourceId]);
  const [redactMode, setRedactMode] = useState<'off' | 'text' | 'box'>('off');
  const [box, setBox] = useState<PageBox | undefined>(undefined);
  const notices = useNotices();

  const highlights = useMemo<Highlight[]>(() => {
    const colours = new Map((tags.data ?? []).map((t) => [t.id, t.colour]));
    const marks = (excerpts.data ?? []).map((e) => ({ id: e.id, page: e.page, rects: e.rects, colour: colours.get(e.tags[0] ?? '') ?? '#ffd166', label: e.tagNames.join(', ') }));
    const hidden = (redactions.data ?? []).map((r) => ({ id: r.id, page: r.page, rects: r.rects, colour: '#111111', label: redactionLabel(r) }));
    return [...marks, ...hidden];
  }, [excerpts.data, tags.data, redactions.data]);

  const redact = async (reason: Redaction['reason'], reasonText: string | undefined) => {
    try {
      if (selection) await invoke('redactions.createText', { sourceId, text: selection.text, page: selection.page, reason, ...(reasonText ? { reasonText } : {}) });
      else if (box) await invoke('redactions.createArea', { sourceId, page: box.page, rect: box.rect, reason, ...(reasonText ? { reasonText } : {}) });
      setSelection(undefined);
      setBox(undefined);
      window.getSelection()?.removeAllRanges();
      void redactions.reload();
      onChanged();
    } catch (e) {
      notices.error(e);
    }
  };

  const unredact = async (r: Redaction) => {
    try {
      const removed = await invoke('redactions.delete', { id: r.id });
      void redactions.reload();
      onChanged();
      notices.undoable('Redaction removed.', async () => {
        await invoke('redactions.restore', { redaction: removed });
        void redactions.reload();
        onChanged();
      });
    } catch (e) {
      notices.error(e);
    }
  };

  const jump = useCallback(
    (id: string) => {
      const e = excerpts.data?.find((x) => x.id === id);
      if (!e) return;
      setActiveId(id);
      controls.current?.goTo(e.page, e.rects[0]);
    },
    [excerpts.data],
  );
  const closePopover = useCallback(() => (setSelection(undefined), setBox(undefined)), []);
  const s = source.data;

  return (
    <div className="view reader">
      <header className="view-header compact">
        <button type="button" className="btn btn-ghost" onClick={() => navigate({ view: 'library' })}>
          <Icon name="back" /> Library
        </button>
        <div className="reader-title">
          <h1>{s?.title ?? 'Loading…'}</h1>
          {s && (
            <p className="subtitle">
              {[s.publisher ?? s.author, s.published && formatPartialDate(s.published), `${s.pages} pages`].filter(Boolean).join(' · ')}
              {s.stale && (
                <span className="badge badge-warning" title="Published long before the hearing: look for a newer edition or explain why it is still current.">
                  Stale
                </span>
              )}
              <OcrBadge source={s} />
            </p>
          )}
        </div>
        <div className="redact-tools" role="group" aria-label="Redaction">
          <button type="button" className={`btn btn-small${redactMode !== 'off' ? ' btn-danger' : ''}`} aria-pressed={redactMode !== 'off'} onClick={() => setRedactMode(redactMode === 'off' ? 'text' : 'off')}>
            {redactMode === 'off' ? 'Redact' : 'Done redacting'}
          </button>
          {redactMode !== 'off' && (
            <div className="segmented" role="radiogroup" aria-label="Redaction tool">
              <button type="button" role="radio" aria-checked={redactMode === 'text'} className={redactMode === 'text' ? 'is-active' : ''} onClick={() => setRedactMode('text')}>
                Select words
              </button>
              <button type="button" role="radio" aria-checked={redactMode === 'box'} className={redactMode === 'box' ? 'is-active' : ''} onClick={() => setRedactMode('box')}>
                Draw a box
              </button>
            </div>
          )}
        </div>
        <p className="hint">{redactMode === 'off' ? <>Select text to tag it · {shortcut('F')} to find</> : redactMode === 'text' ? 'Select the words to redact' : 'Drag a box over a photo, signature or handwriting'}</p>
      </header>
      <div className="reader-body">
        {url.data ? (
          <PdfViewer
            url={url.data}
            label={`Document: ${s?.title ?? ''}`}
            highlights={highlights}
            activeId={activeId}
            controlsRef={controls}
            onSelection={setSelection}
            {...(redactMode === 'box' ? { onBox: setBox } : {})}
            onPages={() => excerptId && window.setTimeout(() => jump(excerptId), 300)}
          />
        ) : (
          <div className="pdf-viewer" />
        )}
        <div className="reader-side">
          <ExcerptSidebar
            excerpts={excerpts.data ?? []}
            tags={tags.data ?? []}
            activeId={activeId}
            onJump={jump}
          />
          <RedactionList redactions={redactions.data ?? []} onJump={(r) => controls.current?.goTo(r.page, r.rects[0])} onRemove={(r) => void unredact(r)} />
        </div>
      </div>
      {redactMode !== 'off' && (selection || box) && (
        <RedactPopover
          what={selection ? `“${selection.text.length > 60 ? `${selection.text.slice(0, 60)}…` : selection.text}” on page ${selection.page}` : `a box on page ${box!.page}`}
          anchor={(selection ?? box)!.anchor}
          onRedact={redact}
          onClose={closePopover}
        />
      )}
      {redactMode === 'off' && selection && (
        <TagPopover
          sourceId={sourceId}
          selection={selection}
          tags={tags.data ?? []}
          onTagsChanged={() => void tags.reload()}
          onClose={closePopover}
          onCreated={() => {
            setSelection(undefined);
            void excerpts.reload();
            onChanged();
          }}
        />
      )}
    </div>
  );
}
