/**
 * The parsing threads' DecompressionStream stand-in must give pdfjs exactly
 * what Node's own gives: the same bytes, and an error in the same cases (so
 * pdfjs falls back to its own inflater for the same streams), read the way
 * pdfjs reads it.
 */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { installSyncInflate, SyncInflateStream } from '../../src/pdf/sync-inflate.ts';
import { extractText } from '../../src/pdf/text.ts';
import { textPdf } from '../ingest/fixtures.ts';

type Ctor = new (format: string) => { readable: AsyncIterable<Uint8Array>; writable: { getWriter(): { ready: Promise<void>; write(b: Uint8Array): Promise<void>; close(): Promise<void> } } };

/** As pdfjs's asyncGetBytesFromDecompressionStream does it: the inflated bytes, or the error's message. */
async function inflateWith(Stream: Ctor, bytes: Uint8Array): Promise<string> {
  try {
    const { readable, writable } = new Stream('deflate');
    const writer = writable.getWriter();
    await writer.ready;
    writer
      .write(bytes)
      .then(async () => {
        await writer.ready;
        await writer.close();
      })
      .catch(() => {});
    const chunks: Uint8Array[] = [];
    for await (const chunk of readable) chunks.push(chunk);
    return `ok ${Buffer.concat(chunks).toString('latin1')}`;
  } catch (e) {
    return `error ${(e as Error).message}`;
  }
}

describe('SyncInflateStream', () => {
  it('inflates and fails exactly as Node’s DecompressionStream does', async () => {
    const good = deflateSync(Buffer.from('BT /F1 11 Tf 72 760 Td (Hazara were attacked in Quetta.) Tj ET\n'.repeat(50)));
    const cases = [good, good.subarray(0, good.length - 20), good.subarray(0, good.length - 4), Buffer.concat([good, Buffer.from('trailing\n')]), Buffer.from('not zlib'), Buffer.alloc(0)];
    for (const bytes of cases) {
      const node = await inflateWith(DecompressionStream as unknown as Ctor, bytes);
      expect(await inflateWith(SyncInflateStream, bytes)).toBe(node);
    }
    expect(await inflateWith(SyncInflateStream, good)).toMatch(/^ok BT \/F1/);
    expect(() => new SyncInflateStream('brotli')).toThrow(TypeError);
  });

  it('leaves pdfjs’s page text unchanged when installed', async () => {
    const bytes = await (await textPdf(['First page: Hazara were attacked in Quetta.', 'Second page: traced to Karachi.'])).save();
    const before = await extractText(bytes);
    const original = globalThis.DecompressionStream;
    try {
      installSyncInflate();
      expect(globalThis.DecompressionStream).toBe(SyncInflateStream);
      expect(await extractText(bytes)).toEqual(before);
    } finally {
      Object.defineProperty(globalThis, 'DecompressionStream', { value: original, writable: true, configurable: true });
    }
    expect(before[1]!.text).toContain('traced to Karachi');
  });
});
