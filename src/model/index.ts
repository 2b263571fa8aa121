/** The data model: zod schemas (runtime validation) and their inferred types. */
export * from './dates.ts';
export * from './tag.ts';
export * from './source.ts';
export * from './excerpt.ts';
export * from './case.ts';
export * from './bundle.ts';
export * from './workspace.ts';
export * from './profiles.ts';
export * from './redaction.ts';
