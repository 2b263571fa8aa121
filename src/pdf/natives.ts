/**
 * pdfjs's legacy build bundles core-js polyfills that replace some built-ins
 * Node already has, for the whole process: Array.prototype.push (~6× slower;
 * pdfjs's own text extraction pushes millions of times), JSON.parse and
 * JSON.stringify (~10× slower on large objects). keepNatives() must run before
 * pdfjs is evaluated (pdfjs.ts imports pdfjs dynamically after calling it);
 * its restore() puts the natives back once pdfjs and its worker are loaded.
 */
type Kept = [target: object, key: string, value: unknown];

function put([target, key, value]: Kept): void {
  const d = Object.getOwnPropertyDescriptor(target, key);
  if (d && d.value !== value) Object.defineProperty(target, key, { ...d, value });
}

/** Keeps the built-ins pdfjs's polyfills replace; restore() puts them back (a no-op when none were replaced). */
export function keepNatives(): { restore(): void } {
  const kept: Kept[] = [
    [Array.prototype, 'push', Array.prototype.push],
    [JSON, 'parse', JSON.parse],
    [JSON, 'stringify', JSON.stringify],
  ];
  return { restore: () => kept.forEach(put) };
}

