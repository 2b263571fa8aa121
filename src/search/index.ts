/** Library search (full text, per page) and excerpt filtering. */
export * from './library-index.ts';
export * from './excerpt-filter.ts';
