/**
 * The ordered list of input formats. Detection asks each module in turn, so
 * formats with a signature (PDF, ZIP-based, OLE-based) come before formats
 * recognised by name (text). A module registered with `before` takes
 * precedence over an existing one (an image module that also reads JPEG can
 * go before the built-in one, or `replaceFormat` swaps it out).
 */
import type { SourceFormat } from '../../model/index.ts';
import type { Detected, SourceFormatModule } from './types.ts';

const modules: SourceFormatModule[] = [];

/** Adds `module` at the end, or just before the module with id `before`. A module with the same id is replaced in place. */
export function registerFormat(module: SourceFormatModule, options: { before?: string } = {}): void {
  const same = modules.findIndex((m) => m.id === module.id);
  if (same >= 0) {
    modules[same] = module;
    return;
  }
  const at = options.before === undefined ? -1 : modules.findIndex((m) => m.id === options.before);
  if (at < 0) modules.push(module);
  else modules.splice(at, 0, module);
}

/** Removes the module with `id` (returns whether there was one). */
export function unregisterFormat(id: string): boolean {
  const at = modules.findIndex((m) => m.id === id);
  if (at >= 0) modules.splice(at, 1);
  return at >= 0;
}

export function formatModules(): readonly SourceFormatModule[] {
  return modules;
}

export function formatModule(id: string): SourceFormatModule | undefined {
  return modules.find((m) => m.id === id);
}

/** The first module that recognises `bytes` named `name`. */
export function detectModule(name: string, bytes: Uint8Array): { module: SourceFormatModule; detected: Detected } | undefined {
  for (const module of modules) {
    let detected: Detected | undefined;
    try {
      detected = module.detect(bytes, name);
    } catch {
      detected = undefined;
    }
    if (detected) return { module, detected };
  }
  return undefined;
}

/** Every extension some module accepts, sorted (the import dialog's filter). */
export function acceptedExtensions(): string[] {
  return [...new Set(modules.flatMap((m) => m.extensions))].sort();
}

export type { SourceFormat };
