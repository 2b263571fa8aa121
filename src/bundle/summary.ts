/** Builds the BuildReport from the final layout, excerpts, volumes and warnings. */
import type { BundleInput } from './input.ts';
import type { Layout } from './plan.ts';
import type { PlannedExcerpt } from './excerpts.ts';
import type { BuildReport } from './report.ts';

export function buildReport(
  input: BundleInput,
  layout: Layout,
  excerpts: PlannedExcerpt[],
  volumes: Array<{ bytes: Uint8Array; firstPage: number; lastPage: number }>,
  warnings: string[],
): BuildReport {
  const letter = (s: number) => input.definition.sections[s]?.letter ?? '';
  const documents: BuildReport['documents'] = [];
  const parts: BuildReport['parts'] = [];
  for (const p of layout.items) {
    const common = { title: p.item.title, section: letter(p.item.section), firstPage: p.first, lastPage: p.last };
    if (p.item.kind === 'source') documents.push({ sourceId: p.item.meta.id, ...common });
    else parts.push({ kind: p.item.kind === 'generated' ? p.item.part : p.item.kind, ...common });
  }
  const offset = layout.offset;
  const pagination = input.definition.pagination;
  const numbering: NonNullable<BuildReport['numbering']> = { pagination, offset };
  if (pagination === 'continuous' && offset > 0) {
    numbering.note = `Printed page numbers continue the served bundle: PDF page N is stamped ${offset} + N (the first page is stamped ${offset + 1}).`;
  } else if (pagination === 'section-prefixed') {
    numbering.note = 'Pages are stamped with section-prefixed labels (A1, B1…); report page numbers are PDF positions.';
  }
  return {
    pages: layout.pages,
    volumes: volumes.map((v) => ({ file: '', firstPage: v.firstPage, lastPage: v.lastPage, bytes: v.bytes.length })),
    documents,
    excerpts: excerpts.map((e) => ({
      id: e.excerpt.id,
      label: e.label,
      sourceId: e.excerpt.sourceId,
      quote: e.excerpt.quote.exact,
      tags: e.excerpt.tags,
      sourcePage: e.excerpt.page,
      bundlePage: e.bundlePage,
      ...(e.paragraph ? { paragraph: e.paragraph } : {}),
    })),
    warnings,
    parts,
    pageLabels: layout.labels,
    numbering,
  };
}
