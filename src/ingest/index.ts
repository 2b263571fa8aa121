/**
 * Source import: files in (every format registered in `formats/`), sources
 * out. `prepareSource` does the work without touching a workspace;
 * `importFiles` saves prepared sources (and their attachments) through the store.
 */
export { prepareSource, prepareBytes, type ImportProgress, type PrepareOptions, type PreparedSource } from './prepare.ts';
export { importFiles, importedBeforeFailure, MAX_ATTACHMENT_DEPTH, type ImportOptions, type ImportResult } from './import.ts';
export { ImportMetadataSchema, type ImportMetadata } from './metadata.ts';
export { detectFormat } from './detect.ts';
export { setOcrStep, type OcrMode, type OcrOutcome, type OcrRequest, type OcrStep } from './ocr-step.ts';
export { acceptedExtensions, formatModules, registerFormat, type SourceFormatModule } from './formats/index.ts';
