/**
 * Word files for the .docx tests, written by the `docx` package (an
 * independent OOXML producer, so the tests do not check Sanad against its own
 * idea of the format): a witness statement with decimal paragraph numbers,
 * "(a)" sub-paragraphs, a list that restarts at 7, a bulleted list, a table,
 * a footnote, an embedded PNG, bold and italic runs and a heading.
 */
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { tinyPng } from '../fixtures.ts';

export async function witnessStatementDocx(): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'Solicitor for the appellant',
    title: 'Witness statement of AB',
    footnotes: { 1: { children: [new Paragraph('The letter was delivered on 3 March 2024 by hand.')] } },
    numbering: {
      config: [
        {
          reference: 'statement',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)', alignment: AlignmentType.START },
          ],
        },
        {
          reference: 'annex',
          levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: 'Annex %1', start: 7, alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Witness statement of AB', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'Background', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ numbering: { reference: 'statement', level: 0 }, children: [new TextRun('I am a Shia Hazara from Quetta.')] }),
          new Paragraph({
            numbering: { reference: 'statement', level: 0 },
            children: [new TextRun('I received threats by e-mail '), new TextRun({ text: 'traced to Karachi', bold: true }), new TextRun({ text: ' in 2024', italics: true }), new FootnoteReferenceRun(1), new TextRun('.')],
          }),
          new Paragraph({ numbering: { reference: 'statement', level: 1 }, children: [new TextRun('the first threat named my brother;')] }),
          new Paragraph({ numbering: { reference: 'statement', level: 1 }, children: [new TextRun('the second threat named my school.')] }),
          new Paragraph({ numbering: { reference: 'statement', level: 0 }, children: [new TextRun('I cannot relocate to Lahore.')] }),
          new Paragraph({ numbering: { reference: 'annex', level: 0 }, children: [new TextRun('Photographs of the threat letter')] }),
          new Paragraph({ text: 'Places I lived', bullet: { level: 0 } }),
          new Paragraph({ text: 'Hazara Town, Quetta', bullet: { level: 0 } }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Date')] }), new TableCell({ children: [new Paragraph('Incident')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('12 March 2024')] }), new TableCell({ children: [new Paragraph('Letter at the family house')] })] }),
            ],
          }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: Buffer.from(tinyPng(60, 30)), transformation: { width: 60, height: 30 } })] }),
          new Paragraph('I believe that the facts stated in this witness statement are true.'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
