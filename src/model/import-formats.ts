/**
 * What the import dialog and the drop zone offer, grouped the way a
 * caseworker thinks of files. Plain data, zod-free, shared by the Electron
 * dialog and the app; a test checks it covers every extension the format
 * registry (src/ingest/formats/) accepts.
 */

export interface ImportFamily {
  name: string;
  extensions: readonly string[];
}

export const IMPORT_FAMILIES: readonly ImportFamily[] = [
  { name: 'PDF documents', extensions: ['pdf'] },
  { name: 'Word and office documents', extensions: ['docx', 'docm', 'dotx', 'doc', 'rtf', 'odt', 'ods', 'odp', 'pptx', 'ppt', 'xlsx', 'xls'] },
  { name: 'E-mail (.eml, Outlook .msg)', extensions: ['eml', 'msg'] },
  { name: 'WhatsApp chat exports (.zip, _chat.txt)', extensions: ['zip', 'txt'] },
  { name: 'Photos and scans', extensions: ['jpg', 'jpeg', 'png', 'heic', 'heif', 'avif', 'webp', 'gif', 'tif', 'tiff'] },
  { name: 'Text and Markdown', extensions: ['txt', 'text', 'md', 'markdown'] },
  { name: 'Saved web pages', extensions: ['html', 'htm', 'xhtml'] },
];

/** Every extension offered, without duplicates, in family order. */
export function importExtensions(): string[] {
  return [...new Set(IMPORT_FAMILIES.flatMap((f) => f.extensions))];
}

/** Whether a dropped file's name has an extension Sanad imports. */
export function isImportableName(name: string): boolean {
  const m = /\.([^./\\]+)$/.exec(name);
  return m !== null && importExtensions().includes(m[1]!.toLowerCase());
}
