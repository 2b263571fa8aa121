/**
 * The files the renderer may ask the core to read. `sources.import` takes
 * absolute paths from the page; without this registry a compromised page
 * could import any file the user can read (~/.ssh/id_rsa, other clients'
 * folders) and read it back as a source. A path is granted only when the
 * main process handed it out: the Import dialog's result, or a file dropped
 * on the window, registered by the preload (which alone can turn a dropped
 * File into its path, through webUtils). Kept free of Electron imports.
 */
import path from 'node:path';

/** Grants kept at most (oldest dropped first), so a long session cannot grow it without bound. */
const MAX_GRANTS = 10_000;
/** Paths one drop may register. */
export const MAX_PATHS_PER_GRANT = 1_000;

export class PathGrants {
  readonly #granted = new Set<string>();

  /** Grants the paths the main process handed out; ignores anything that is not an absolute path. */
  grant(paths: readonly unknown[]): string[] {
    const added: string[] = [];
    for (const p of paths.slice(0, MAX_PATHS_PER_GRANT)) {
      if (typeof p !== 'string' || p.length === 0 || p.length > 4096 || p.includes('\0') || !path.isAbsolute(p)) continue;
      const key = path.resolve(p);
      this.#granted.delete(key);
      this.#granted.add(key);
      added.push(key);
    }
    while (this.#granted.size > MAX_GRANTS) this.#granted.delete(this.#granted.values().next().value!);
    return added;
  }

  isGranted(p: string): boolean {
    return typeof p === 'string' && path.isAbsolute(p) && this.#granted.has(path.resolve(p));
  }
}
