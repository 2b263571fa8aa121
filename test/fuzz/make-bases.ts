// The files the fuzz run damages, written into the folder given: the hostile test PDF (every kind of
// active content) as pdf-lib writes it, and a three-page report with a form.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { hostilePdf } from '../bundle/hostile-fixtures.ts';

const dir = process.argv[2]!;
writeFileSync(join(dir, 'hostile.pdf'), await hostilePdf());
const doc = await PDFDocument.create();
const font = await doc.embedFont(StandardFonts.Helvetica);
const form = doc.getForm();
for (let i = 1; i <= 3; i++) {
  const page = doc.addPage([595, 842]);
  page.drawText(`Application page ${i}: reasons for fearing return to Quetta`, { x: 50, y: 780, size: 12, font });
  const field = form.createTextField(`answer${i}`);
  field.setText(`Threats traced to Karachi (${i})`);
  field.addToPage(page, { x: 50, y: 700, width: 400, height: 30 });
}
writeFileSync(join(dir, 'form.pdf'), await doc.save());
