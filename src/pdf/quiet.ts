/**
 * pdf-lib reports what it tolerates while parsing ("Parsed number that is too
 * large for some PDF readers…", "Trying to parse invalid object…") straight
 * to console.warn, which lands in the middle of the CLI's output and the
 * app's log as noise a caseworker cannot act on. Importing this module (the
 * modules that load PDFs with pdf-lib do) drops exactly those messages;
 * every other warning still reaches the console.
 */
const PDF_LIB_NOISE = [
  /^Parsed number that is too large for some PDF readers/,
  /^Trying to parse invalid object/,
  /^Invalid object ref:/,
  /^Removing parsed object: /,
  /^Removing XFA form data as pdf-lib does not support/,
];

/** True for a console message pdf-lib prints about a file it read. */
export function isPdfLibNoise(args: unknown[]): boolean {
  const first = args[0];
  return typeof first === 'string' && PDF_LIB_NOISE.some((re) => re.test(first));
}

const installed = Symbol.for('sanad.quietPdfLib');

/** Installs the filter on console.warn once per thread. */
export function silencePdfLibWarnings(): void {
  const holder = console as unknown as Record<symbol, boolean>;
  if (holder[installed]) return;
  holder[installed] = true;
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    if (!isPdfLibNoise(args)) warn(...args);
  };
}

silencePdfLibWarnings();

