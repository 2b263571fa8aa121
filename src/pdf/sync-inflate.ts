/**
 * pdfjs inflates Flate streams through the web `DecompressionStream` when
 * there is one. In Node that is a web stream over zlib: for the many small
 * streams of a PDF (every page's content) its stream machinery costs more
 * than the inflating, about a tenth of text extraction's time. The threads
 * that only read PDFs (the parsing worker and its extraction workers) get a
 * stand-in with the same surface pdfjs uses (a writer, an async-iterable
 * readable) that inflates with `zlib.inflateSync`: the same zlib, the same
 * bytes out and the same errors (truncated, bad header, trailing bytes
 * ignored), so pdfjs falls back to its own inflater in the same cases. Only
 * "deflate" is offered; other formats throw as Node 20's does for "brotli",
 * which pdfjs also handles. Never installed on a thread that does other work:
 * besides those workers, only in the `sanad` command's own process
 * (bin/sanad.js), where nothing but pdfjs uses DecompressionStream.
 */
import { inflateSync } from 'node:zlib';

export class SyncInflateStream {
  readonly writable: { getWriter(): { ready: Promise<void>; write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
  readonly readable: AsyncIterable<Uint8Array>;

  constructor(format: string) {
    if (format !== 'deflate') throw new TypeError(`Unsupported compression format: ${format}`);
    const chunks: Uint8Array[] = [];
    let closed!: () => void;
    const whenClosed = new Promise<void>((resolve) => (closed = resolve));
    this.writable = {
      getWriter: () => ({
        ready: Promise.resolve(),
        write: (chunk) => {
          chunks.push(chunk);
          return Promise.resolve();
        },
        close: () => {
          closed();
          return Promise.resolve();
        },
      }),
    };
    this.readable = {
      async *[Symbol.asyncIterator]() {
        await whenClosed;
        const out = inflateSync(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
        yield new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
      },
    };
  }
}

/** Replaces this thread's DecompressionStream (call before pdfjs inflates anything). */
export function installSyncInflate(): void {
  Object.defineProperty(globalThis, 'DecompressionStream', { value: SyncInflateStream, writable: true, configurable: true });
}
