/**
 * pdfjs's legacy build bundles core-js polyfills that replace some built-ins
 * Node already has, for the whole process: Array.prototype.push (~6× slower;
 * pdfjs's own text extraction pushes millions of times), JSON.parse and
 * JSON.stringify (~10× slower on large objects). This module must be
 * evaluated before pdfjs (import it first): it keeps the natives, and
 * restoreNatives puts them back once pdfjs and its worker are loaded.
 */
const nativePush = Array.prototype.push;
const nativeParse = JSON.parse;
const nativeStringify = JSON.stringify;

function put(target: object, key: string, value: unknown): void {
  const d = Object.getOwnPropertyDescriptor(target, key);
  if (d && d.value !== value) Object.defineProperty(target, key, { ...d, value });
}

/** Puts back the built-ins pdfjs's polyfills replaced (no-op when none were). */
export function restoreNatives(): void {
  put(Array.prototype, 'push', nativePush);
  put(JSON, 'parse', nativeParse);
  put(JSON, 'stringify', nativeStringify);
}
