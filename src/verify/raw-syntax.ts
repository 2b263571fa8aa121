/**
 * PDF object syntax for the raw reader (raw-pdf.ts): the value types
 * (names, references, strings, dictionaries, streams) and a lexer that parses
 * one value from bytes. Kept apart from the file structure (xref, object
 * streams) so each part stays small; anything malformed throws RawPdfError.
 */
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

/** Byte classes: 1 white space, 2 delimiter (a table: the lexer asks for every byte it reads). */
const CLASS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) CLASS[c] = 1;
for (const c of [40, 41, 60, 62, 91, 93, 123, 125, 47, 37]) CLASS[c] = 2;
const WS = { has: (c: number) => CLASS[c] === 1 };
/** True for a byte that ends a token (white space or a delimiter). */
const ends = (c: number) => CLASS[c]! !== 0;

/** Parses PDF object syntax from a byte array. */
export class Lexer {
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
    while (this.pos < this.b.length && !ends(this.b[this.pos]!)) this.pos++;
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
      while (this.pos < b.length && !ends(b[this.pos]!)) this.pos++;
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
      if (int === undefined || (b[this.pos] !== undefined && !ends(b[this.pos]!))) {
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
        if (b[this.pos] === 82 && (after === undefined || ends(after))) {
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

export function latin1(bytes: Uint8Array): string {
  // Short tokens are most of what is read: building them directly beats a Buffer per token.
  if (bytes.length < 64) {
    let s = '';
    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
    return s;
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

