/** Test fixtures for redaction: PDFs with names, addresses, hyphenation, images, rotation and crop boxes. */
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts, degrees } from '@cantoo/pdf-lib';
import { addInvisibleWords } from '../../src/pdf/invisible-text.ts';

/** A PNG "photograph": coloured stripes, no white. */
export function photoPng(width = 200, height = 150): Uint8Array {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  for (let i = 0; i < 10; i++) {
    ctx.fillStyle = `hsl(${i * 36}, 70%, 45%)`;
    ctx.fillRect(0, (i * height) / 10, width, height / 10 + 1);
  }
  return new Uint8Array(canvas.toBuffer('image/png'));
}

/** A picture of text (a "scan"): black words on white. */
export function scanPng(lines: string[], width: number, height: number, scale: number): Uint8Array {
  const canvas = createCanvas(Math.round(width * scale), Math.round(height * scale));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000000';
  ctx.font = `${12 * scale}px sans-serif`;
  lines.forEach((line, i) => ctx.fillRect(72 * scale, (100 + i * 20) * scale - 9 * scale, ctx.measureText(line).width || line.length * 6 * scale, 10 * scale));
  return new Uint8Array(canvas.toBuffer('image/png'));
}

export const A4: [number, number] = [595.28, 841.89];

/**
 * Page 1: a name, an address and a photograph at (72, 400)–(272, 550) in
 * user space. Page 2: the name hyphenated across a line break, a phone number.
 */
export async function statementPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const p1 = doc.addPage(A4);
  const lines1 = [
    'Statement of the appellant',
    'My name is Liaquat Ali and I was born in Quetta.',
    'My family lives at 14 Alamdar Road, Hazara Town.',
    'The threats began in 2019 after the protest.',
  ];
  lines1.forEach((l, i) => p1.drawText(l, { x: 72, y: 770 - i * 18, size: 12, font }));
  const photo = await doc.embedPng(photoPng());
  p1.drawImage(photo, { x: 72, y: 400, width: 200, height: 150 });
  p1.drawText('Photograph of the house above.', { x: 72, y: 380, size: 12, font });
  const p2 = doc.addPage(A4);
  const lines2 = ['He was followed by men who named Lia-', 'quat Ali in the letter they left.', 'Call 0300 1234567 to reach the brother.'];
  lines2.forEach((l, i) => p2.drawText(l, { x: 72, y: 770 - i * 18, size: 12, font }));
  return doc.save({ useObjectStreams: false });
}

/** One page per variant: /Rotate 90, a crop box, both, and an image-only page with an invisible text layer. */
export async function awkwardPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const write = (page: ReturnType<typeof doc.addPage>, lines: string[], x = 72, top = 770) =>
    lines.forEach((l, i) => page.drawText(l, { x, y: top - i * 18, size: 12, font }));
  const rotated = doc.addPage(A4);
  write(rotated, ['Rotated page: Liaquat Ali was seen in Karachi.', 'Other words stay searchable here.']);
  rotated.setRotation(degrees(90));
  const cropped = doc.addPage(A4);
  write(cropped, ['Cropped page: the brother Liaquat Ali left Quetta.', 'Cropped words remain quotable.'], 150, 600);
  cropped.setCropBox(100, 300, 400, 400);
  const both = doc.addPage(A4);
  write(both, ['Rotated and cropped: Liaquat Ali again.', 'Still readable afterwards.'], 150, 600);
  both.setCropBox(100, 300, 400, 400);
  both.setRotation(degrees(270));
  const scan = doc.addPage(A4);
  const lines = ['Scanned letter naming Liaquat Ali in Quetta.', 'Threat received by the family.'];
  const png = await doc.embedPng(scanPng(lines, A4[0], A4[1], 1));
  scan.drawImage(png, { x: 0, y: 0, width: A4[0], height: A4[1] });
  const words = lines.flatMap((line, i) => {
    let x = 72;
    return line.split(' ').map((w) => {
      const width = font.widthOfTextAtSize(w, 12);
      const word = { text: w, x, y: A4[1] - (100 + i * 20) - 3, width, height: 14.4 };
      x += width + font.widthOfTextAtSize(' ', 12);
      return word;
    });
  });
  await addInvisibleWords(doc, scan, words);
  return doc.save({ useObjectStreams: false });
}
