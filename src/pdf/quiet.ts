/**
 * pdf-lib reports what it tolerates while parsing ("Parsed number that is too
 * large for some PDF readers…", "Trying to parse invalid object…") straight
 * to console.warn, which lands in the middle of the CLI's output and the
 * app's log as noise a caseworker cannot act on; its form flattening prints
 * the errors it recovers from, stack and all. Importing this module (the
 * modules that load PDFs with pdf-lib do) drops exactly those messages;
 * every other warning and error still reaches the console.
 */
const PDF_LIB_NOISE = [
  /^Parsed number that is too large for some PDF readers/,
  /^Trying to parse invalid object/,
  /^Invalid object ref:/,
  /^Removing parsed object: /,
  /^Removing XFA form data as pdf-lib does not support/,
];

/** Errors pdf-lib's form flattening catches and prints with their stack (Sanad reports the outcome itself). */
const PDF_LIB_CAUGHT = [/^Could not find page for PDFRef/, /^Tried to remove inexistent field/];

/** True for a console message pdf-lib prints about a file it read. */
export function isPdfLibNoise(args: unknown[]): boolean {
  const first = args[0];
  if (first instanceof Error) return PDF_LIB_CAUGHT.some((re) => re.test(first.message));
  return typeof first === 'string' && PDF_LIB_NOISE.some((re) => re.test(first));
}

const installed = Symbol.for('sanad.quietPdfLib');

/** Installs the filter on console.warn and console.error once per thread. */
export function silencePdfLibWarnings(): void {
  const holder = console as unknown as Record<symbol, boolean>;
  if (holder[installed]) return;
  holder[installed] = true;
  const warn = console.warn.bind(console);
  const error = console.error.bind(console);
  console.warn = (...args: unknown[]) => {
    if (!isPdfLibNoise(args)) warn(...args);
  };
  console.error = (...args: unknown[]) => {
    if (!isPdfLibNoise(args)) error(...args);
  };
}

silencePdfLibWarnings();

