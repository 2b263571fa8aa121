/** OSCOLA citations of secondary sources, shared by the schedule, the CLI and the app. */
export { CitationOptions, oscolaCitation, oscolaParts, oscolaPinpoint } from './oscola.ts';
export type { CitationParts } from './oscola.ts';
export { detectParagraphs, paragraphAt, paragraphMapOf, paragraphOf, paragraphPinpoint } from './paragraphs.ts';
export type { ParagraphMap, ParagraphMark } from './paragraphs.ts';
export { caseCitation, caseName, casePinpoint, isCaseLaw } from './case-law.ts';
export { schedulePinpoint, shortLead, shortNames, shortTitle, SubsequentCiter } from './short.ts';
export type { CitedRow, RowCitation } from './short.ts';
