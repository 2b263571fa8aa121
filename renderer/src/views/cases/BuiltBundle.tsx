/** The built bundle in the viewer (read-only), with page count, documents and the build's warnings. */
import { useRef } from 'react';
import type { BuildReportView } from '../../../../src/api/views.ts';
import { Icon } from '../../components/Icon.tsx';
import { plural } from '../../lib/format.ts';
import { PdfViewer, type ViewerControls } from '../../pdf/PdfViewer.tsx';

export function BuiltBundle({ report, title, onBack }: { report: BuildReportView; title: string; onBack: () => void }) {
  const controls = useRef<ViewerControls | null>(null);
  return (
    <div className="view reader built-bundle">
      <header className="view-header compact">
        <button type="button" className="btn btn-ghost" onClick={onBack}>
          <Icon name="back" /> Back to the bundle editor
        </button>
        <div className="reader-title">
          <h1>Bundle: {title}</h1>
          <p className="subtitle" data-testid="bundle-summary">
            {plural(report.pages, 'page')} · {plural(report.documents.length, 'document')} · {plural(report.excerpts.length, 'highlighted excerpt')}
            {report.files.length > 1 ? ` · ${report.files.length} volumes` : ''}
          </p>
        </div>
        <p className="hint mono" title={report.file}>
          {report.file.split(/[\\/]/).pop()}
        </p>
      </header>
      <div className="reader-body">
        <PdfViewer url={report.url} label={`Built bundle: ${title}`} controlsRef={controls} />
        <aside className="excerpt-sidebar" aria-label="Build report">
          {report.warnings.length > 0 && (
            <>
              <h2 className="panel-title">
                Warnings <span className="count-pill warn">{report.warnings.length}</span>
              </h2>
              <ul className="warning-list compact">
                {report.warnings.map((w, i) => (
                  <li key={i} className="warning">
                    <Icon name="warning" />
                    <p>{w}</p>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2 className="panel-title">Documents</h2>
          <ol className="doc-list">
            {report.documents.map((d) => (
              <li key={`${d.sourceId}-${d.firstPage}`}>
                <button type="button" className="doc-link" onClick={() => controls.current?.goTo(d.firstPage)}>
                  <span className="doc-section">{d.section}</span>
                  <span className="doc-title">{d.title}</span>
                  <span className="doc-pages">
                    {d.firstPage === d.lastPage ? `p. ${d.firstPage}` : `pp. ${d.firstPage}–${d.lastPage}`}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </div>
  );
}
