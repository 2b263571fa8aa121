/**
 * The document viewer shared by the reader and the built-bundle preview:
 * pdf.js's PDFViewer (virtualised pages, text layer, find), excerpt highlights,
 * zoom and page position. Reports text selections so the reader can tag them.
 */
import { useEffect, useRef, useState, type MouseEvent as ReactMouseEvent, type RefObject } from 'react';
import { onCommand } from '../lib/commands.ts';
import { Icon } from '../components/Icon.tsx';
import { drawHighlights, type Highlight } from './highlights.ts';
import { FindBar } from './FindBar.tsx';
import { loadPdfjs, pdfWorker } from './loadPdfjs.ts';
// pdf.js's viewer styles (~260 kB) come with this chunk, not with the first screen's.
import 'pdfjs-dist/web/pdf_viewer.css';

export interface TextSelection {
  page: number;
  text: string;
  /** Where the selection ends, in viewport pixels (to place the popover). */
  anchor: { x: number; y: number };
}

/** A box dragged on a page: points from the top-left corner of the page as shown. */
export interface PageBox {
  page: number;
  rect: { x: number; y: number; w: number; h: number };
  /** Where the drag ended, in viewport pixels (to place the popover). */
  anchor: { x: number; y: number };
}

export interface ViewerControls {
  goTo: (page: number, rect?: { x: number; y: number; w: number; h: number }) => void;
}

/**
 * Font data bundled with the app (dist-renderer/pdfjs/, copied by vite.config.ts):
 * documents that do not embed their fonts render with pdf.js' own standard
 * fonts, the same on every computer, instead of whatever the system has.
 */
const PDFJS_DATA = {
  standardFontDataUrl: new URL('pdfjs/standard_fonts/', document.baseURI).href,
  cMapUrl: new URL('pdfjs/cmaps/', document.baseURI).href,
  cMapPacked: true,
  useSystemFonts: false,
};

type Components = Awaited<ReturnType<typeof loadPdfjs>>['components'];
type ViewerInstance = InstanceType<Components['PDFViewer']>;
type EventBusInstance = InstanceType<Components['EventBus']>;

interface Props {
  url: string;
  highlights?: Highlight[];
  activeId?: string;
  onSelection?: (selection: TextSelection) => void;
  onPages?: (count: number) => void;
  controlsRef?: RefObject<ViewerControls | null>;
  label: string;
  /** Redaction mode's "draw a box": drags on a page report a box instead of selecting text. */
  onBox?: (box: PageBox) => void;
}

export function PdfViewer({ url, highlights = [], activeId, onSelection, onPages, controlsRef, label, onBox }: Props) {
  const drag = useRef<{ pageEl: HTMLElement; page: number; x: number; y: number; el: HTMLDivElement } | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const innerRef = useRef<HTMLDivElement>(null);
  const viewerRef = useRef<ViewerInstance | null>(null);
  const [bus, setBus] = useState<EventBusInstance | null>(null);
  const [page, setPage] = useState(1);
  const [pages, setPages] = useState(0);
  const [error, setError] = useState<string | undefined>(undefined);
  const [findOpen, setFindOpen] = useState(false);
  const hl = useRef({ highlights, activeId });
  hl.current = { highlights, activeId };
  const onPagesRef = useRef(onPages);
  onPagesRef.current = onPages;

  const redrawAll = () => {
    const viewer = viewerRef.current;
    if (!viewer) return;
    for (let i = 0; i < viewer.pagesCount; i++) {
      const pv = viewer.getPageView(i);
      if (pv?.viewport) drawHighlights(pv, i + 1, hl.current.highlights, hl.current.activeId);
    }
  };

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | undefined;
    void (async () => {
      try {
        const { pdfjs, components } = await loadPdfjs();
        const container = containerRef.current;
        const inner = innerRef.current;
        if (cancelled || !container || !inner) return;
        const eventBus = new components.EventBus();
        const linkService = new components.PDFLinkService({ eventBus });
        // Links to the web inside a document must never navigate the app window.
        linkService.externalLinkEnabled = false;
        const findController = new components.PDFFindController({ eventBus, linkService });
        const viewer = new components.PDFViewer({ container, viewer: inner, eventBus, linkService, findController, textLayerMode: 1, annotationMode: pdfjs.AnnotationMode.ENABLE });
        linkService.setViewer(viewer);
        viewerRef.current = viewer;
        eventBus.on('pagesinit', () => {
          viewer.currentScaleValue = 'page-width';
        });
        eventBus.on('pagechanging', (e: { pageNumber: number }) => setPage(e.pageNumber));
        const redrawPage = (e: { pageNumber: number }) => {
          const pv = viewer.getPageView(e.pageNumber - 1);
          if (pv) drawHighlights(pv, e.pageNumber, hl.current.highlights, hl.current.activeId);
        };
        eventBus.on('pagerendered', redrawPage);
        eventBus.on('textlayerrendered', redrawPage);
        setBus(eventBus);
        const task = pdfjs.getDocument({ url, worker: pdfWorker(), isEvalSupported: false, enableXfa: false, ...PDFJS_DATA });
        const doc = await task.promise;
        if (cancelled) {
          void doc.destroy();
          return;
        }
        viewer.setDocument(doc);
        linkService.setDocument(doc, null);
        setPages(doc.numPages);
        onPagesRef.current?.(doc.numPages);
        destroy = () => {
          viewer.setDocument(null as never);
          void doc.destroy();
        };
      } catch (e) {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      cancelled = true;
      viewerRef.current = null;
      destroy?.();
    };
  }, [url]);

  useEffect(redrawAll, [highlights, activeId]);
  useEffect(() => onCommand('find', () => setFindOpen(true)), []);

  useEffect(() => {
    if (!controlsRef) return;
    controlsRef.current = {
      goTo: (pageNumber, rect) => {
        const viewer = viewerRef.current;
        if (!viewer) return;
        if (rect) viewer.scrollPageIntoView({ pageNumber, destArray: [null, { name: 'XYZ' }, rect.x - 40, rect.y + rect.h + 60, null] });
        else viewer.scrollPageIntoView({ pageNumber });
      },
    };
  }, [controlsRef]);

  const zoom = (factor: number) => {
    const viewer = viewerRef.current;
    if (viewer) viewer.currentScale = Math.min(4, Math.max(0.4, viewer.currentScale * factor));
  };

  const onMouseDown = (e: ReactMouseEvent) => {
    if (!onBox) return;
    const pageEl = (e.target as Element).closest<HTMLElement>('.page');
    if (!pageEl) return;
    e.preventDefault();
    const r = pageEl.getBoundingClientRect();
    const el = document.createElement('div');
    el.className = 'sanad-box-draft';
    pageEl.append(el);
    drag.current = { pageEl, page: Number(pageEl.dataset.pageNumber), x: e.clientX - r.left, y: e.clientY - r.top, el };
  };

  const onMouseMove = (e: ReactMouseEvent) => {
    const d = drag.current;
    if (!d) return;
    const r = d.pageEl.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    Object.assign(d.el.style, { left: `${Math.min(x, d.x)}px`, top: `${Math.min(y, d.y)}px`, width: `${Math.abs(x - d.x)}px`, height: `${Math.abs(y - d.y)}px` });
  };

  const finishBox = (e: ReactMouseEvent) => {
    const d = drag.current;
    drag.current = null;
    if (!d) return false;
    d.el.remove();
    const r = d.pageEl.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    const scale = viewerRef.current?.getPageView(d.page - 1)?.viewport.scale ?? 1;
    const rect = { x: Math.min(x, d.x) / scale, y: Math.min(y, d.y) / scale, w: Math.abs(x - d.x) / scale, h: Math.abs(y - d.y) / scale };
    const round = (n: number) => Math.round(n * 10) / 10;
    if (rect.w >= 3 && rect.h >= 3) onBox?.({ page: d.page, rect: { x: round(rect.x), y: round(rect.y), w: round(rect.w), h: round(rect.h) }, anchor: { x: e.clientX, y: e.clientY } });
    return true;
  };

  const onMouseUp = (e?: ReactMouseEvent) => {
    if (e && finishBox(e)) return;
    if (!onSelection) return;
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return;
    const range = sel.getRangeAt(0);
    const startEl = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
    const pageEl = startEl?.closest<HTMLElement>('.page');
    if (!pageEl || !containerRef.current?.contains(pageEl) || !startEl?.closest('.textLayer')) return;
    const text = sel.toString().replace(/\s+/g, ' ').trim();
    if (!text) return;
    const box = range.getBoundingClientRect();
    onSelection({ page: Number(pageEl.dataset.pageNumber), text, anchor: { x: box.left + box.width / 2, y: box.bottom } });
  };

  return (
    <div className="pdf-viewer" aria-label={label} role="region">
      <div className="pdf-toolbar">
        <span className="muted" aria-live="polite">
          {pages ? `Page ${page} of ${pages}` : 'Loading…'}
        </span>
        <div className="toolbar-spacer" />
        <button type="button" className="icon-btn" aria-label="Zoom out" onClick={() => zoom(1 / 1.15)}>
          −
        </button>
        <button type="button" className="btn btn-small" onClick={() => viewerRef.current && (viewerRef.current.currentScaleValue = 'page-width')}>
          Fit width
        </button>
        <button type="button" className="icon-btn" aria-label="Zoom in" onClick={() => zoom(1.15)}>
          +
        </button>
        <button type="button" className="icon-btn" aria-label="Find in document" onClick={() => setFindOpen(true)}>
          <Icon name="search" />
        </button>
      </div>
      {findOpen && bus && <FindBar eventBus={bus} onClose={() => setFindOpen(false)} />}
      {error && (
        <div className="notice notice-error inline" role="alert">
          This document could not be shown ({error}). Re-import the file; if it still fails, open it in another PDF reader to check it is not damaged.
        </div>
      )}
      <div className="pdf-stage">
        <div
          ref={containerRef}
          className={`pdf-container${onBox ? ' is-drawing' : ''}`}
          onMouseDown={onMouseDown}
          onMouseMove={onMouseMove}
          onMouseUp={onMouseUp}
          onKeyUp={(e) => e.shiftKey && onMouseUp()}
        >
          <div ref={innerRef} className="pdfViewer" />
        </div>
      </div>
    </div>
  );
}
