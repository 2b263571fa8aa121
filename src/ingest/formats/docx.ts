/**
 * Word documents (.docx, and .docm/.dotx which share its structure):
 * a ZIP holding word/document.xml. Witness statements arrive in this form;
 * the rendition keeps Word's paragraph numbers so they can be cited.
 */
import { zipEntryNames } from './sniff.ts';
import type { SourceFormatModule } from './types.ts';

export const docxFormat: SourceFormatModule = {
  id: 'docx',
  format: 'docx',
  label: 'Word document',
  extensions: ['docx', 'docm', 'dotx'],
  detect(bytes) {
    const names = zipEntryNames(bytes);
    return names?.includes('word/document.xml') ? { ext: 'docx' } : undefined;
  },
  async render(input) {
    return { rendition: await (await import('./docx-render.ts')).renderDocx(input.name, input.bytes) };
  },
};
