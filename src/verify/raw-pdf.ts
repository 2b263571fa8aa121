/**
 * A small, lazy reader of PDF files for verification. pdfjs interprets a
 * whole page (fonts, glyphs) to give its text; checking the stamp Sanad
 * appends, the annotations and that the file is inert needs only objects.
 * This reader follows the cross-reference table or stream (with object
 * streams and /Prev chains), parses an object only when asked, and decodes
 * Flate streams. The syntax is in raw-syntax.ts, the filters in
 * raw-filters.ts, the page tree in raw-pages.ts. Anything it cannot read
 * throws RawPdfError, and the caller falls back to pdfjs (or pdf-lib) for
 * that page or file.
 */
import { flate } from './raw-filters.ts';
import { pageTree, type PageTree, type RawPage } from './raw-pages.ts';
import { isDict, isStream, latin1, Lexer, nameOf, PdfRef, RawPdfError, type PdfDict, type PdfStream, type PdfValue } from './raw-syntax.ts';

export * from './raw-syntax.ts';
export type { RawPage } from './raw-pages.ts';

/** Raw size up to which a decoded stream is kept: for those, setting up the inflater is the cost, not the bytes. */
const SMALL_STREAM = 256;

type XrefEntry = { type: 1; offset: number } | { type: 2; stream: number; index: number };

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
      // A hybrid file's table leaves its compressed objects to the stream /XRefStm names (read before /Prev).
      const stm = t.get('XRefStm');
      if (typeof stm === 'number' && !seen.has(stm)) {
        seen.add(stm);
        this.readXref(stm);
      }
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

  /** Every object number the cross-reference gives, ascending. */
  objectNumbers(): number[] {
    return [...this.xref.keys()].sort((a, b) => a - b);
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

  /** Small streams decoded so far (a writer's shared "q" and "Q" streams are on every page). */
  private readonly decodedSmall = new WeakMap<PdfStream, Uint8Array>();

  /** Decoded bytes of a stream (Flate only, with predictors). */
  decode(stream: PdfStream): Uint8Array {
    const known = this.decodedSmall.get(stream);
    if (known) return known;
    const data = this.decodeNow(stream);
    if (stream.raw.length <= SMALL_STREAM) this.decodedSmall.set(stream, data);
    return data;
  }

  private decodeNow(stream: PdfStream): Uint8Array {
    const filter = this.resolve(stream.dict.get('Filter'));
    const filters = (Array.isArray(filter) ? filter : filter === null ? [] : [filter]).map((f) => nameOf(this.resolve(f)));
    const parmsRaw = this.resolve(stream.dict.get('DecodeParms'));
    const parmsList = Array.isArray(parmsRaw) ? parmsRaw.map((p) => this.dict(p)) : [isDict(parmsRaw) ? parmsRaw : undefined];
    let data = stream.raw;
    filters.forEach((f, i) => {
      if (f !== 'FlateDecode' && f !== 'Fl') throw new RawPdfError(`filter ${f ?? '?'} is not supported here`);
      data = flate(data, parmsList[i]);
    });
    return data;
  }

  private treeCache: PageTree | undefined;

  /** The page tree (walked once): see raw-pages.ts. */
  tree(): PageTree {
    this.treeCache ??= pageTree(this);
    return this.treeCache;
  }

  /** Page dictionaries in order, each with its inherited attributes resolved. */
  pages(): RawPage[] {
    return this.tree().pages;
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
