/** Reader: a source in the viewer, its excerpts highlighted, tagging by selecting text. */
import { useCallback, useMemo, useRef, useState } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { invoke } from '../../lib/api.ts';
import { formatPartialDate, shortcut } from '../../lib/format.ts';
import type { Route } from '../../lib/nav.ts';
import { useLoad } from '../../lib/useLoad.ts';
import type { Highlight } from '../../pdf/highlights.ts';
import { PdfViewer, type TextSelection, type ViewerControls } from '../../pdf/PdfViewer.tsx';
import { ExcerptSidebar } from './ExcerptSidebar.tsx';
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

  const highlights = useMemo<Highlight[]>(() => {
    const colours = new Map((tags.data ?? []).map((t) => [t.id, t.colour]));
    return (excerpts.data ?? []).map((e) => ({ id: e.id, page: e.page, rects: e.rects, colour: colours.get(e.tags[0] ?? '') ?? '#ffd166', label: e.tagNames.join(', ') }));
  }, [excerpts.data, tags.data]);

  const jump = useCallback(
    (id: string) => {
      const e = excerpts.data?.find((x) => x.id === id);
      if (!e) return;
      setActiveId(id);
      controls.current?.goTo(e.page, e.rects[0]);
    },
    [excerpts.data],
  );
  const closePopover = useCallback(() => setSelection(undefined), []);
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
        <p className="hint">Select text to tag it · {shortcut('F')} to find</p>
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
            onPages={() => excerptId && window.setTimeout(() => jump(excerptId), 300)}
          />
        ) : (
          <div className="pdf-viewer" />
        )}
        <ExcerptSidebar
          excerpts={excerpts.data ?? []}
          tags={tags.data ?? []}
          activeId={activeId}
          onJump={jump}
        />
      </div>
      {selection && (
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
