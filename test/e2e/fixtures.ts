/** Small country-information PDFs generated for the end-to-end tests. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, StandardFonts, rgb } from '@cantoo/pdf-lib';

export async function writeReport(dir: string, name: string, title: string, pages: string[][]): Promise<string> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  pages.forEach((lines, i) => {
    const page = doc.addPage([595.28, 841.89]);
    if (i === 0) page.drawText(title, { x: 60, y: 770, size: 18, font: bold, color: rgb(0.1, 0.1, 0.1) });
    lines.forEach((line, j) => page.drawText(line, { x: 60, y: 720 - j * 22, size: 12, font }));
  });
  const path = join(dir, name);
  await writeFile(path, await doc.save());
  return path;
}

export async function writeFixtures(dir: string): Promise<{ hazara: string; karachi: string }> {
  const hazara = await writeReport(dir, 'hazara-report.pdf', 'Pakistan: Hazara community under threat', [
    [
      'Human Rights Watch counted more than 500 Hazara killed in Balochistan since 2008.',
      'About 500,000 Hazara live in Quetta, mostly in two guarded enclaves.',
      'Some of the e-mailed threats were traced to Karachi, hundreds of miles away.',
      'The militant groups responsible operate in every major city of Pakistan.',
    ],
    ['Community organisations report around 700 killed since 2004.', 'Police protection in the enclaves is limited to checkpoints.'],
  ]);
  const karachi = await writeReport(dir, 'karachi-update.pdf', 'Karachi: sectarian violence update', [
    ['Targeted killings of Shia professionals continued in Karachi during 2025.', 'Relocation within Pakistan does not remove the risk.'],
  ]);
  return { hazara, karachi };
}
