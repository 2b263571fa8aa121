/**
 * The pre-build warnings about redaction: protected names still printed in
 * the bundle's documents (per document and source page, for the "Before you
 * build" panel and `sanad case show`), and redactions that lost their anchor.
 */
import type { CaseFile } from '../model/index.ts';
import { anonymityMessage, findProtectedTerms, pageList } from '../redact/anonymity.ts';
import type { Workspace } from '../store/index.ts';
import type { CaseWarning } from '../api/views.ts';

export async function redactionWarnings(ws: Workspace, c: CaseFile, sourceIds: string[]): Promise<CaseWarning[]> {
  const warnings: CaseWarning[] = [];
  const documents = [];
  for (const id of sourceIds) {
    let meta;
    try {
      meta = await ws.getSource(id);
    } catch {
      continue;
    }
    const redactions = await ws.listRedactions({ sourceId: id });
    for (const r of redactions) {
      if (r.anchor.status === 'orphaned') {
        warnings.push({ code: 'orphaned-redaction', sourceId: id, message: `Redaction ${r.id} of "${meta.title}" could not be found in the current edition: redact the passage again and remove the old redaction, or the bundle will not build.` });
      }
    }
    documents.push({ id, title: meta.title, text: await ws.readText(id), redactions });
  }
  const findings = findProtectedTerms(c, documents);
  for (const term of [...new Set(findings.map((f) => f.term))]) {
    const where = findings.filter((f) => f.term === term).map((f) => `"${f.title}" ${pageList(f.pages.map(String))}`).join('; ');
    warnings.push({ code: 'protected-name', term, message: anonymityMessage(term, where) });
  }
  return warnings;
}
