/**
 * A small, lazy reader of PDF objects for verification. pdfjs interprets a
 * whole page (fonts, glyphs) to give its text; checking the stamp Sanad
 * appends needs only the page tree, a page's content streams and its
 * annotations. This reader follows the cross-reference table or stream
 * (with object streams and /Prev chains), parses an object only when asked,
 * and decodes Flate streams. Anything it cannot read throws RawPdfError, and
 * the caller falls back to pdfjs for that page or file.
 */
import { inflateSync } from 'node:zlib';

export class RawPdfError extends Error {}

export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
/** A literal or hex string, as its bytes (latin1 text). */
export class PdfString {
  constructor(readonly bytes: string) {}
}
export type PdfDict = Map<string, PdfValue>;
export interface PdfStream {
  dict: PdfDict;
  raw: Uint8Array;
}
export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfValue[] | PdfDict | PdfStream;

export function isDict(v: unknown): v is PdfDict {
  return v instanceof Map;
}
export function isStream(v: unknown): v is PdfStream {
  return typeof v === 'object' && v !== null && 'raw' in v && 'dict' in v;
}
export function nameOf(v: unknown): string | undefined {
  return v instanceof PdfName ? v.name : undefined;
}

const WS = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set([40, 41, 60, 62, 91, 93, 123, 125, 47, 37]);

/** Parses PDF object syntax from a byte array. */
class Lexer {
  constructor(
    readonly b: Uint8Array,
    public pos: number,
  ) {}

  skip(): void {
    const b = this.b;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (WS.has(c)) this.pos++;
      else if (c === 37) while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      else break;
    }
  }

  word(): string {
    this.skip();
    const start = this.pos;
    while (this.pos < this.b.length && !WS.has(this.b[this.pos]!) && !DELIM.has(this.b[this.pos]!)) this.pos++;
    return latin1(this.b.subarray(start, this.pos));
  }

  /** Reads one value; `n1 n2 R` becomes a PdfRef. */
  value(): PdfValue {
    this.skip();
    const b = this.b;
    const c = b[this.pos];
    if (c === undefined) throw new RawPdfError('unexpected end of data');
    if (c === 47) {
      this.pos++;
      const start = this.pos;
      while (this.pos < b.length && !WS.has(b[this.pos]!) && !DELIM.has(b[this.pos]!)) this.pos++;
      const name = latin1(b.subarray(start, this.pos));
      return new PdfName(name.includes('#') ? name.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : name);
    }
    if (c === 60 && b[this.pos + 1] === 60) {
      this.pos += 2;
      const dict: PdfDict = new Map();
      for (;;) {
        this.skip();
        if (b[this.pos] === 62 && b[this.pos + 1] === 62) {
          this.pos += 2;
          return dict;
        }
        const key = this.value();
        if (!(key instanceof PdfName)) throw new RawPdfError('dictionary key is not a name');
        dict.set(key.name, this.value());
      }
    }
    if (c === 60) {
      const end = b.indexOf(62, this.pos);
      if (end < 0) throw new RawPdfError('unterminated hex string');
      const hex = latin1(b.subarray(this.pos + 1, end)).replace(/[^0-9a-fA-F]/g, '');
      this.pos = end + 1;
      let s = '';
      for (let i = 0; i < hex.length; i += 2) s += String.fromCharCode(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
      return new PdfString(s);
    }
    if (c === 40) return new PdfString(this.literal());
    if (c === 91) {
      this.pos++;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skip();
        if (b[this.pos] === 93) {
          this.pos++;
          return arr;
        }
        arr.push(this.value());
      }
    }
    if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
      const start = this.pos;
      const int = this.integer();
      if (int === undefined || (b[this.pos] !== undefined && !WS.has(b[this.pos]!) && !DELIM.has(b[this.pos]!))) {
        this.pos = start;
        const w = this.word();
        const n = Number(w);
        if (!Number.isFinite(n)) throw new RawPdfError(`unexpected token "${w.slice(0, 20)}"`);
        return n;
      }
      // Look ahead for "gen R".
      const save = this.pos;
      this.skip();
      const gen = this.integer();
      if (gen !== undefined) {
        this.skip();
        const after = b[this.pos + 1];
        if (b[this.pos] === 82 && (after === undefined || WS.has(after) || DELIM.has(after))) {
          this.pos++;
          return new PdfRef(int, gen);
        }
      }
      this.pos = save;
      return int;
    }
    const w = this.word();
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    throw new RawPdfError(`unexpected token "${w.slice(0, 20)}"`);
  }

  /** An unsigned run of digits at pos (pos moves past it), or undefined (pos unchanged). */
  private integer(): number | undefined {
    const b = this.b;
    let p = this.pos;
    let n = 0;
    while (p < b.length && b[p]! >= 48 && b[p]! <= 57) n = n * 10 + (b[p++]! - 48);
    if (p === this.pos) return undefined;
    this.pos = p;
    return n;
  }

  literal(): string {
    const b = this.b;
    let depth = 0;
    let s = '';
    for (this.pos++; this.pos < b.length; this.pos++) {
      const c = b[this.pos]!;
      if (c === 92) {
        const d = b[++this.pos]!;
        const esc: Record<number, string> = { 110: '\n', 114: '\r', 116: '\t', 98: '\b', 102: '\f' };
        if (esc[d] !== undefined) s += esc[d];
        else if (d >= 48 && d <= 55) {
          let oct = String.fromCharCode(d);
          while (oct.length < 3 && b[this.pos + 1]! >= 48 && b[this.pos + 1]! <= 55) oct += String.fromCharCode(b[++this.pos]!);
          s += String.fromCharCode(parseInt(oct, 8) & 0xff);
        } else if (d === 13 || d === 10) {
          if (d === 13 && b[this.pos + 1] === 10) this.pos++;
        } else s += String.fromCharCode(d);
      } else if (c === 40) {
        depth++;
        s += '(';
      } else if (c === 41) {
        if (depth === 0) {
          this.pos++;
          return s;
        }
        depth--;
        s += ')';
      } else s += String.fromCharCode(c);
    }
    throw new RawPdfError('unterminated string');
  }
}

function latin1(bytes: Uint8Array): string {
  // Short tokens are most of what is read: building them directly beats a Buffer per token.
  if (bytes.length < 64) {
    let s = '';
    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
    return s;
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

type XrefEntry = { type: 1; offset: number } | { type: 2; stream: number; index: number };

/** Undoes PNG predictors (Predictor ≥ 10) row by row. */
function unpredict(data: Uint8Array, parms: PdfDict | undefined): Uint8Array {
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

export class RawPdf {
  private readonly xref = new Map<number, XrefEntry>();
  private readonly cache = new Map<number, PdfValue>();
  private readonly objStreams = new Map<number, { offsets: Map<number, number>; data: Uint8Array }>();
  readonly trailer: PdfDict;

  constructor(readonly bytes: Uint8Array) {
    const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 1024)));
    const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!m) throw new RawPdfError('no startxref at the end of the file');
    let trailer: PdfDict | undefined;
    const seen = new Set<number>();
    for (let at: number | undefined = Number(m[1]); at !== undefined && !seen.has(at); ) {
      seen.add(at);
      const t = this.readXref(at);
      trailer ??= t;
      const prev = t.get('Prev');
      at = typeof prev === 'number' ? prev : undefined;
    }
    if (!trailer) throw new RawPdfError('no trailer');
    this.trailer = trailer;
  }

  private readXref(at: number): PdfDict {
    const lex = new Lexer(this.bytes, at);
    lex.skip();
    if (latin1(this.bytes.subarray(lex.pos, lex.pos + 4)) === 'xref') {
      lex.pos += 4;
      for (;;) {
        const w = lex.word();
        if (w === 'trailer') break;
        const first = Number(w);
        const count = Number(lex.word());
        if (!Number.isInteger(first) || !Number.isInteger(count)) throw new RawPdfError('bad xref table');
        for (let k = 0; k < count; k++) {
          const offset = Number(lex.word());
          lex.word();
          const kind = lex.word();
          if (kind === 'n' && !this.xref.has(first + k)) this.xref.set(first + k, { type: 1, offset });
        }
      }
      const t = lex.value();
      if (!isDict(t)) throw new RawPdfError('bad trailer');
      return t;
    }
    const stream = this.objectAt(at);
    if (!isStream(stream) || nameOf(stream.dict.get('Type')) !== 'XRef') throw new RawPdfError('startxref points at neither a table nor a stream');
    const data = this.decode(stream);
    const w = (stream.dict.get('W') as number[] | undefined) ?? [];
    const size = stream.dict.get('Size') as number;
    const index = (stream.dict.get('Index') as number[] | undefined) ?? [0, size];
    const rowLen = w.reduce((a, b) => a + b, 0);
    const field = (row: number, i: number, dflt: number) => {
      if (!w[i]) return dflt;
      let start = row * rowLen;
      for (let k = 0; k < i; k++) start += w[k]!;
      let v = 0;
      for (let k = 0; k < w[i]!; k++) v = v * 256 + data[start + k]!;
      return v;
    };
    let row = 0;
    for (let s = 0; s < index.length; s += 2) {
      for (let k = 0; k < index[s + 1]!; k++, row++) {
        const num = index[s]! + k;
        if (this.xref.has(num)) continue;
        const type = field(row, 0, 1);
        if (type === 1) this.xref.set(num, { type: 1, offset: field(row, 1, 0) });
        else if (type === 2) this.xref.set(num, { type: 2, stream: field(row, 1, 0), index: field(row, 2, 0) });
      }
    }
    return stream.dict;
  }

  /** The indirect object at a byte offset: `n g obj … endobj`, a stream with its raw bytes. */
  private objectAt(offset: number): PdfValue {
    const lex = new Lexer(this.bytes, offset);
    lex.word();
    lex.word();
    if (lex.word() !== 'obj') throw new RawPdfError(`no object at offset ${offset}`);
    const value = lex.value();
    lex.skip();
    if (isDict(value) && latin1(this.bytes.subarray(lex.pos, lex.pos + 6)) === 'stream') {
      let start = lex.pos + 6;
      if (this.bytes[start] === 13) start++;
      if (this.bytes[start] === 10) start++;
      let length = this.resolve(value.get('Length') ?? null);
      if (typeof length !== 'number') {
        const end = latin1(this.bytes.subarray(start, Math.min(this.bytes.length, start + 50_000_000))).indexOf('endstream');
        if (end < 0) throw new RawPdfError('stream without length or end');
        length = end;
      }
      return { dict: value, raw: this.bytes.subarray(start, start + length) };
    }
    return value;
  }

  /** Looks an object up by number (cached). */
  get(num: number): PdfValue {
    if (this.cache.has(num)) return this.cache.get(num)!;
    const entry = this.xref.get(num);
    let value: PdfValue = null;
    if (entry?.type === 1) value = this.objectAt(entry.offset);
    else if (entry?.type === 2) value = this.fromObjectStream(entry.stream, num);
    this.cache.set(num, value);
    return value;
  }

  private fromObjectStream(streamNum: number, num: number): PdfValue {
    let os = this.objStreams.get(streamNum);
    if (!os) {
      const stream = this.get(streamNum);
      if (!isStream(stream)) throw new RawPdfError(`object stream ${streamNum} is missing`);
      const data = this.decode(stream);
      const n = stream.dict.get('N') as number;
      const first = stream.dict.get('First') as number;
      const lex = new Lexer(data, 0);
      const offsets = new Map<number, number>();
      for (let k = 0; k < n; k++) {
        const objNum = Number(lex.word());
        offsets.set(objNum, first + Number(lex.word()));
      }
      os = { offsets, data };
      this.objStreams.set(streamNum, os);
    }
    const at = os.offsets.get(num);
    if (at === undefined) return null;
    return new Lexer(os.data, at).value();
  }

  resolve(v: PdfValue | undefined): PdfValue {
    let x = v ?? null;
    for (let hops = 0; x instanceof PdfRef && hops < 32; hops++) x = this.get(x.num);
    return x;
  }

  dict(v: PdfValue | undefined): PdfDict | undefined {
    const r = this.resolve(v);
    return isDict(r) ? r : isStream(r) ? r.dict : undefined;
  }

  /** Decoded bytes of a stream (Flate only, with predictors). */
  decode(stream: PdfStream): Uint8Array {
    const filter = this.resolve(stream.dict.get('Filter'));
    const filters = (Array.isArray(filter) ? filter : filter === null ? [] : [filter]).map((f) => nameOf(this.resolve(f)));
    const parmsRaw = this.resolve(stream.dict.get('DecodeParms'));
    const parmsList = Array.isArray(parmsRaw) ? parmsRaw.map((p) => this.dict(p)) : [isDict(parmsRaw) ? parmsRaw : undefined];
    let data = stream.raw;
    filters.forEach((f, i) => {
      if (f !== 'FlateDecode' && f !== 'Fl') throw new RawPdfError(`filter ${f ?? '?'} is not supported here`);
      try {
        data = inflateSync(data, { finishFlush: 2 });
      } catch (cause) {
        throw new RawPdfError(`a Flate stream cannot be inflated (${String(cause)})`);
      }
      data = unpredict(data, parmsList[i]);
    });
    return data;
  }

  /** Page dictionaries in order, each with its inherited attributes resolved. */
  pages(): RawPage[] {
    const root = this.dict(this.trailer.get('Root'));
    const tree = this.dict(root?.get('Pages'));
    if (!tree) throw new RawPdfError('no page tree');
    const out: RawPage[] = [];
    const seen = new Set<PdfDict>();
    const walk = (node: PdfDict, inherited: Inherited, ref: PdfRef | undefined) => {
      if (seen.has(node)) throw new RawPdfError('the page tree has a cycle');
      seen.add(node);
      const here: Inherited = {
        resources: node.has('Resources') ? this.dict(node.get('Resources')) : inherited.resources,
        mediaBox: node.has('MediaBox') ? node.get('MediaBox') : inherited.mediaBox,
        cropBox: node.has('CropBox') ? node.get('CropBox') : inherited.cropBox,
        rotate: node.has('Rotate') ? node.get('Rotate') : inherited.rotate,
      };
      const kids = this.resolve(node.get('Kids'));
      if (nameOf(node.get('Type')) === 'Pages' || Array.isArray(kids)) {
        if (!Array.isArray(kids)) throw new RawPdfError('a page tree node has no kids');
        for (const kid of kids) {
          const d = this.dict(kid);
          if (!d) throw new RawPdfError('a page tree kid is missing');
          walk(d, here, kid instanceof PdfRef ? kid : undefined);
        }
      } else out.push({ dict: node, ref, ...here });
    };
    walk(tree, { resources: undefined, mediaBox: undefined, cropBox: undefined, rotate: undefined }, undefined);
    return out;
  }

  /** Decoded content streams of a page, in order. */
  contents(page: RawPage): Uint8Array[] {
    const c = this.resolve(page.dict.get('Contents'));
    const list = Array.isArray(c) ? c : c === null ? [] : [page.dict.get('Contents')!];
    return list.map((ref) => {
      const s = this.resolve(ref);
      if (!isStream(s)) throw new RawPdfError('a content stream is missing');
      return this.decode(s);
    });
  }
}

interface Inherited {
  resources: PdfDict | undefined;
  mediaBox: PdfValue | undefined;
  cropBox: PdfValue | undefined;
  rotate: PdfValue | undefined;
}

export interface RawPage extends Inherited {
  dict: PdfDict;
  ref: PdfRef | undefined;
}
