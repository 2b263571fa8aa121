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
   * A tagged PDF (structure tree for screen readers; default true). The
   * bundle's generated parts print untagged: the assembly copies pages, not
   * the structure tree, and the tree makes the print several times larger and
   * slower to make and to read back.
   */
  tagged?: boolean;
}

export interface Printer {
  /** Prints a self-contained HTML document (fonts and images inlined) to PDF bytes. */
  printHtml(html: string, options: PrintOptions): Promise<Uint8Array>;
  /** Releases the browser; the printer may not be used afterwards. */
  close(): Promise<void>;
}
