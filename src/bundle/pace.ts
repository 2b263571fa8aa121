/**
 * How often pdf-lib pauses while it reads or writes a PDF. By default it
 * waits for a timer (at least 1 ms) every 100 objects read and every 50
 * written, which kept a 1,000-page save waiting more than it worked. A pause
 * every few thousand objects still lets the app's event loop answer between
 * chunks of a large bundle.
 */
export const OBJECTS_PER_TICK = 5000;

/** Options for PDFDocument.load of a donor or a printed part. */
export const LOAD_PACE = { parseSpeed: OBJECTS_PER_TICK } as const;

/** Options for PDFDocument.save of a volume. */
export const SAVE_PACE = { objectsPerTick: OBJECTS_PER_TICK } as const;
