/**
 * A tiny in-memory PNG encoder for the benchmark corpus: every generated PDF
 * carries an image (as real bundles carry scans and photos) without reading
 * fixtures from disk or adding an image library.
 */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * An RGB PNG of `width` × `height` pixels with a gradient and a few diagonal
 * bands that depend on `seed`, so each file's image differs (no deduplication).
 */
export function makePng(width: number, height: number, seed = 0): Uint8Array {
  const row = width * 3 + 1;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const o = y * row + 1 + x * 3;
      const band = ((x + y + seed * 7) >> 4) % 3 === 0;
      raw[o] = band ? 200 : (x * 255) / width;
      raw[o + 1] = (y * 255) / height;
      raw[o + 2] = band ? 60 : (seed * 37) % 256;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 6 })), chunk('IEND', new Uint8Array(0))]),
  );
}
