/**
 * Source import: files in (PDF, text, Markdown, HTML, JPEG/PNG, e-mail),
 * sources out. `prepareSource` does the work without touching a workspace;
 * `importFiles` saves prepared sources through the store.
 */
export { prepareSource, type ImportProgress, type PrepareOptions } from './prepare.ts';
export { importFiles, importedBeforeFailure, type ImportOptions, type ImportResult } from './import.ts';
export { ImportMetadataSchema, type ImportMetadata } from './metadata.ts';
export { detectFormat } from './detect.ts';
