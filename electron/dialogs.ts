/**
 * Native file dialogs: choose files to import (the formats the importer
 * reads) and choose where to save a built bundle. The filters are plain data
 * so a test can check them against what the importer accepts.
 */
import { dialog, type BrowserWindow, type FileFilter } from 'electron';
import { IMPORT_FAMILIES, importExtensions } from '../src/model/import-formats.ts';

export const IMPORT_FILTERS: readonly FileFilter[] = [
  { name: 'Everything Sanad imports (PDF, Word, e-mail, chats, photos, text, web pages)', extensions: importExtensions() },
  ...IMPORT_FAMILIES.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
];

export const PDF_FILTERS: readonly FileFilter[] = [{ name: 'PDF documents', extensions: ['pdf'] }];

/** Asks for files to import; resolves to absolute paths ([] when cancelled). */
export async function chooseImportFiles(parent: BrowserWindow | undefined): Promise<string[]> {
  const options: Electron.OpenDialogOptions = {
    title: 'Import sources',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: [...IMPORT_FILTERS],
  };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/** Asks where to save a file (a bundle PDF); resolves to the path, or undefined when cancelled. */
export async function chooseSavePath(parent: BrowserWindow | undefined, defaultPath: string, filters: readonly FileFilter[] = PDF_FILTERS): Promise<string | undefined> {
  const options: Electron.SaveDialogOptions = {
    title: 'Save bundle',
    defaultPath,
    filters: [...filters],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? undefined : result.filePath;
}
