/**
 * Operations: the verbs of Sanad over a workspace, shared by the command line
 * and the app's API handlers so both behave identically.
 */
export * from './tags.ts';
export * from './excerpts.ts';
export * from './cases.ts';
export * from './sources.ts';
export * from './staleness.ts';
export * from './build.ts';
export * from './search.ts';
export * from './redactions.ts';
export * from './cite.ts';
export * from './skeleton.ts';
