/**
 * The files the UI may load (a source's PDF for the reader, a built bundle for
 * the preview), addressed by URL path and resolved strictly inside the
 * workspace. Electron's app:// protocol and the test harness's loopback
 * server both serve through this, so neither can be tricked into serving
 * anything else on the disk.
 */
import { basename, join, relative, resolve, sep } from 'node:path';
import { CaseSlug } from '../model/index.ts';
import type { Workspace } from '../store/index.ts';

const SOURCE_PATH = /^source\/(s-[0-9a-f]{16})\.pdf$/;
const BUNDLE_PATH = /^bundle\/([a-z0-9][a-z0-9-]{0,63})\/([A-Za-z0-9][A-Za-z0-9._-]{0,200}\.pdf)$/;

export function sourceFilePath(id: string): string {
  return `source/${id}.pdf`;
}

export function bundleFilePath(slug: string, file: string): string {
  return `bundle/${slug}/${basename(file)}`;
}

/** Absolute path of the file a URL path names, or undefined when it names nothing servable. */
export async function resolveAppFile(ws: Workspace, urlPath: string): Promise<string | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.replace(/^\/+/, ''));
  } catch {
    return undefined;
  }
  const source = SOURCE_PATH.exec(path);
  if (source) {
    try {
      return await ws.documentPdfPath(source[1]!);
    } catch {
      return undefined;
    }
  }
  const bundle = BUNDLE_PATH.exec(path);
  if (bundle && CaseSlug.safeParse(bundle[1]).success && !bundle[2]!.includes('..')) {
    const dir = resolve(ws.dir, 'cases', bundle[1]!, 'bundles');
    const file = resolve(dir, bundle[2]!);
    return isInside(dir, file) ? file : undefined;
  }
  return undefined;
}

export function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel.length > 0 && !rel.startsWith('..') && !rel.includes(`..${sep}`) && !resolve(join(dir, rel)).startsWith('..');
}
