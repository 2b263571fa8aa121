/** OSCOLA citations of secondary sources, shared by the schedule, the CLI and the app. */
export { CitationOptions, oscolaCitation, oscolaParts, oscolaPinpoint } from './oscola.ts';
export type { CitationParts } from './oscola.ts';
