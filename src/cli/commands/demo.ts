/**
 * `sanad demo`: builds the fictional demo case in examples/ from scratch in a
 * fresh workspace under out/, headless, and prints the bundle's path. It runs
 * the same operations a caseworker would: import, tag, arrange, build, verify.
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DemoManifest } from '../../../examples/manifest.ts';
import { InvalidInputError } from '../../errors.ts';
import { BundleDefinition, type BundleSection, type SourceMeta } from '../../model/index.ts';
import * as ops from '../../ops/index.ts';
import { PACKAGE_ROOT } from '../../paths.ts';
import { initWorkspace, openWorkspace } from '../../store/index.ts';
import type { CliContext } from '../context.ts';

export async function buildDemo(c: CliContext, outDir: string): Promise<{ bundle: string; report: string; workspace: string; pages: number }> {
  const examples = join(PACKAGE_ROOT, 'examples');
  const manifestFile = join(examples, 'demo.json');
  const parsed = DemoManifest.safeParse(JSON.parse(await readFile(manifestFile, 'utf8')));
  if (!parsed.success) throw new InvalidInputError(`${manifestFile} is not a valid demo manifest (${parsed.error.issues[0]?.message}): restore it from git.`, manifestFile);
  const m = parsed.data;

  // A fresh workspace each run, so the demo is reproducible; only ever remove our own folder.
  const wsDir = join(outDir, 'demo-workspace');
  if (existsSync(join(wsDir, 'workspace.json'))) await rm(wsDir, { recursive: true, force: true });
  const now = new Date(`${m.case.bundleDate}T12:00:00Z`);
  await initWorkspace(wsDir, now);
  const ws = await openWorkspace(wsDir);
  try {
    c.info(`Demo workspace: ${wsDir}`);
    await ops.createCase(ws, { slug: m.case.slug, title: m.case.title, appellant: m.case.appellant, anonymise: m.case.anonymise, tribunal: m.case.tribunal, hearing: m.case.hearingDate }, now);
    const details = await ws.getCase(m.case.slug);
    await ws.saveCase({ ...details, references: m.case.references, bundleDate: m.case.bundleDate });

    const ids = new Map<string, SourceMeta>();
    for (const s of m.sources) {
      const [outcome] = await ops.importSources(ws, {
        files: [join(examples, s.file)],
        printer: c.printer,
        ...(s.scope === 'case' ? { caseSlug: m.case.slug } : {}),
        ...(s.metadata ? { metadata: s.metadata } : {}),
        now,
        onProgress: (p) => c.progress(`import ${s.file}`, p.done, p.total),
      });
      ids.set(s.file, await ws.getSource(outcome!.id));
    }
    for (const s of m.sources) {
      if (!s.translationOf || !s.translator) continue;
      const original = ids.get(s.translationOf);
      if (!original) throw new InvalidInputError(`${manifestFile}: ${s.file} translates ${s.translationOf}, which the manifest does not list.`, manifestFile);
      await ws.updateSourceMeta(ids.get(s.file)!.id, {
        translation: { of: original.id, fromLanguage: s.translator.fromLanguage, toLanguage: s.translator.toLanguage, translator: s.translator.translator },
      });
    }
    for (const e of m.excerpts) {
      const source = ids.get(e.source);
      if (!source) throw new InvalidInputError(`${manifestFile}: an excerpt quotes ${e.source}, which the manifest does not list.`, manifestFile);
      await ops.tagQuote(ws, { sourceId: source.id, quote: e.quote, tags: e.tags, ...(e.note ? { note: e.note } : {}), ...(e.eventDate ? { eventDate: e.eventDate } : {}), places: e.places ?? [], createTags: false }, now);
    }
    const sections: BundleSection[] = m.sections.map((sec) => ({
      id: `sec-${sec.letter.toLowerCase()}`,
      letter: sec.letter,
      title: sec.title,
      divider: false,
      items: [
        ...(sec.generated ?? []).map((part) => ({ kind: 'generated' as const, part })),
        ...m.sources.filter((s) => s.section === sec.letter).map((s) => ({ kind: 'source' as const, sourceId: ids.get(s.file)!.id })),
      ],
    }));
    await ws.saveBundle(m.case.slug, BundleDefinition.parse({ schemaVersion: 1, pagination: 'continuous', sections }));

    const { files, report } = await ops.buildCase(ws, m.case.slug, {
      printer: c.printer,
      out: join(outDir, `${m.case.slug}-bundle.pdf`),
      onProgress: (p) => c.progress(p.stage, p.done, p.total),
    });
    for (const w of report.warnings) c.info(`warning: ${w}`);
    return { bundle: files[0]!, report: files[0]!.replace(/\.pdf$/i, '.report.json'), workspace: wsDir, pages: report.pages };
  } finally {
    await ws.close();
  }
}
