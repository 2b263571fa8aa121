/**
 * Stream filters for the raw reader: Flate with PNG predictors, the only
 * encoding pdf-lib (and so Sanad) writes. Any other filter throws
 * RawPdfError, and the caller falls back to pdfjs or pdf-lib.
 */
import { inflatePdfStream } from '../pdf/inflate.ts';
import { RawPdfError, type PdfDict } from './raw-syntax.ts';

/** Undoes PNG predictors (Predictor ≥ 10) row by row. */
export function unpredict(data: Uint8Array, parms: PdfDict | undefined): Uint8Array {
  const predictor = (parms?.get('Predictor') as number | undefined) ?? 1;
  if (predictor < 10) {
    if (predictor === 1) return data;
    throw new RawPdfError(`predictor ${predictor} is not supported`);
  }
  const colors = (parms?.get('Colors') as number | undefined) ?? 1;
  const bpc = (parms?.get('BitsPerComponent') as number | undefined) ?? 8;
  const columns = (parms?.get('Columns') as number | undefined) ?? 1;
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((colors * bpc * columns) / 8);
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = new Uint8Array(rows * rowLen);
  for (let r = 0; r < rows; r++) {
    const filter = data[r * (rowLen + 1)]!;
    for (let i = 0; i < rowLen; i++) {
      const x = data[r * (rowLen + 1) + 1 + i]!;
      const left = i >= bpp ? out[r * rowLen + i - bpp]! : 0;
      const up = r > 0 ? out[(r - 1) * rowLen + i]! : 0;
      const ul = r > 0 && i >= bpp ? out[(r - 1) * rowLen + i - bpp]! : 0;
      let v: number;
      if (filter === 0) v = x;
      else if (filter === 1) v = x + left;
      else if (filter === 2) v = x + up;
      else if (filter === 3) v = x + ((left + up) >> 1);
      else if (filter === 4) {
        const p = left + up - ul;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - ul);
        v = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : ul);
      } else throw new RawPdfError(`PNG filter ${filter} is not valid`);
      out[r * rowLen + i] = v & 0xff;
    }
  }
  return out;
}

/** Inflates one Flate-encoded stream and undoes its predictor. */
export function flate(data: Uint8Array, parms: PdfDict | undefined): Uint8Array {
  let out: Uint8Array;
  try {
    out = inflatePdfStream(data);
  } catch (cause) {
    throw new RawPdfError(`a Flate stream cannot be inflated (${String(cause)})`);
  }
  return unpredict(out, parms);
}
