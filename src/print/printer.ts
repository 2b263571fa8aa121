/**
 * The printer interface: the core turns HTML into PDF through this and never
 * knows whether Chromium is driven by Playwright (CLI, tests) or is Electron's
 * own (the desktop app's printToPDF adapter).
 */
export type Paper = 'A4' | 'Letter';

export interface PrintOptions {
  paper: Paper;
  landscape?: boolean;
  /**
   * A tagged PDF (structure tree for screen readers; default true). Only a
   * print whose pages are counted and thrown away asks for an untagged one
   * (smaller, faster). The bundle's parts stay tagged although their tree is
   * not copied: the marked content splits a link's words from the words
   * around it in the text layer, which verification reads.
   */
  tagged?: boolean;
}

export interface Printer {
  /** Prints a self-contained HTML document (fonts and images inlined) to PDF bytes. */
  printHtml(html: string, options: PrintOptions): Promise<Uint8Array>;
  /** Optional: starts the browser ahead of the first print (errors surface at that print). */
  warmUp?(): void;
  /** Releases the browser; the printer may not be used afterwards. */
  close(): Promise<void>;
}
