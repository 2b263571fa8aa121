/**
 * The stamp check, read from the content stream Sanad appends to each page
 * (the last one that uses the stamp font) instead of from pdfjs's text of the whole page: the label
 * must be shown in the stamp font, and its origin — through every q/Q/cm of
 * the page's own content before it — must lie in the bottom-right part of the
 * page as displayed (crop box, /Rotate), exactly what the pdfjs check asked.
 * Pages this cannot read (filters other than Flate, broken objects) are
 * returned for the pdfjs check instead, so no page goes unchecked.
 */
import { STAMP_FONT } from '../bundle/draw.ts';
import { isDict, nameOf, PdfName, PdfString, RawPdf, RawPdfError, type PdfValue, type RawPage } from './raw-pdf.ts';

type Matrix = [number, number, number, number, number, number];
const STAMP_FONT_TOKEN = Buffer.from(`/${STAMP_FONT}`, 'latin1');
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 then m2 (PDF order: the new matrix is m1 × m2). */
function mul(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[1] * m2[2],
    m1[0] * m2[1] + m1[1] * m2[3],
    m1[2] * m2[0] + m1[3] * m2[2],
    m1[2] * m2[1] + m1[3] * m2[3],
    m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
    m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
  ];
}

/** Text shown by Tj/TJ in the appended stream, with its font and origin in user space. */
export interface ShownText {
  font: string;
  size: number;
  text: string;
  x: number;
  y: number;
}

// Byte classes: PDF white space, and the delimiters that end a token.
const SPACE = 1;
const DELIM = 2;
const CLASS = new Uint8Array(256);
for (const c of [32, 10, 13, 9, 12, 0]) CLASS[c] = SPACE;
for (const c of [40, 41, 60, 62, 91, 93, 123, 125, 47, 37]) CLASS[c] = DELIM;
const isSpace = (c: number) => CLASS[c] === SPACE;
const isDelim = (c: number) => CLASS[c] === DELIM;

/**
 * Runs the graphics-state operators of a content stream (q, Q, cm) over
 * `stack`, and when `texts` is given also the text operators, collecting
 * what is shown (its origin only: enough for where a label sits). Strings, arrays, dictionaries and inline images are skipped.
 */
export function interpret(data: Uint8Array, stack: Matrix[], texts?: ShownText[]): void {
  const operands: Array<number | string | PdfValue> = [];
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let font = '';
  let size = 0;
  const n = data.length;
  let i = 0;
  const str = (s: string) => s;
  while (i < n) {
    const c = data[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 37) {
      while (i < n && data[i] !== 10 && data[i] !== 13) i++;
      continue;
    }
    if (c === 40) {
      // Literal string (kept only when text is wanted).
      let depth = 0;
      let s = '';
      for (i++; i < n; i++) {
        const d = data[i]!;
        if (d === 92) {
          const e = data[++i]!;
          if (e >= 48 && e <= 55) {
            let oct = String.fromCharCode(e);
            while (oct.length < 3 && data[i + 1]! >= 48 && data[i + 1]! <= 55) oct += String.fromCharCode(data[++i]!);
            s += String.fromCharCode(parseInt(oct, 8) & 0xff);
          } else s += ({ 110: '\n', 114: '\r', 116: '\t', 98: '\b', 102: '\f' } as Record<number, string>)[e] ?? String.fromCharCode(e);
        } else if (d === 40) {
          depth++;
          s += '(';
        } else if (d === 41) {
          if (depth-- === 0) break;
          s += ')';
        } else s += String.fromCharCode(d);
      }
      i++;
      operands.push(new PdfString(str(s)));
      continue;
    }
    if (c === 60 && data[i + 1] !== 60) {
      let hex = '';
      for (i++; i < n && data[i] !== 62; i++) hex += String.fromCharCode(data[i]!);
      i++;
      hex = hex.replace(/[^0-9a-fA-F]/g, '');
      let s = '';
      for (let k = 0; k < hex.length; k += 2) s += String.fromCharCode(parseInt(hex.slice(k, k + 2).padEnd(2, '0'), 16));
      operands.push(new PdfString(s));
      continue;
    }
    if (c === 60 || c === 62 || c === 91 || c === 93 || c === 123 || c === 125) {
      // Dictionaries and arrays: their parts are pushed as operands and ignored.
      if (c === 91) operands.push('[');
      i += c === 60 || c === 62 ? (data[i + 1] === c ? 2 : 1) : 1;
      continue;
    }
    if (c === 47) {
      let j = i + 1;
      while (j < n && !isSpace(data[j]!) && !isDelim(data[j]!)) j++;
      operands.push(new PdfName(Buffer.from(data.subarray(i + 1, j)).toString('latin1')));
      i = j;
      continue;
    }
    let j = i;
    while (j < n && !isSpace(data[j]!) && !isDelim(data[j]!)) j++;
    if (j === i) j++;
    const token = Buffer.from(data.subarray(i, j)).toString('latin1');
    i = j;
    const num = Number(token);
    if (token !== '' && Number.isFinite(num) && /^[+-]?(\d|\.\d)/.test(token)) {
      operands.push(num);
      continue;
    }
    const nums = () => operands.filter((o): o is number => typeof o === 'number');
    switch (token) {
      case 'q':
        stack.push(stack[stack.length - 1]!);
        break;
      case 'Q':
        // An extra Q is ignored by readers; the bottom of the stack stays.
        if (stack.length > 1) stack.pop();
        break;
      case 'cm': {
        const m = nums().slice(-6);
        if (m.length === 6) stack[stack.length - 1] = mul(m as Matrix, stack[stack.length - 1]!);
        break;
      }
      case 'BI': {
        // Inline image: skip to the EI after its data.
        const id = findToken(data, i, 'ID');
        const ei = id < 0 ? -1 : findToken(data, id + 3, 'EI');
        i = ei < 0 ? n : ei + 2;
        break;
      }
      default:
        if (texts) textOperator(token);
    }
    operands.length = 0;
  }

  function textOperator(op: string): void {
    const nums = operands.filter((o): o is number => typeof o === 'number');
    switch (op) {
      case 'BT':
        tm = IDENTITY;
        tlm = IDENTITY;
        break;
      case 'Tf': {
        const name = operands.find((o) => o instanceof PdfName);
        font = name instanceof PdfName ? name.name : '';
        size = nums.at(-1) ?? 0;
        break;
      }
      case 'Td':
      case 'TD':
        if (nums.length >= 2) tm = tlm = mul([1, 0, 0, 1, nums.at(-2)!, nums.at(-1)!], tlm);
        break;
      case 'Tm':
        if (nums.length >= 6) tm = tlm = nums.slice(-6) as Matrix;
        break;
      case 'Tj':
      case "'":
      case '"':
      case 'TJ': {
        const text = operands.filter((o): o is PdfString => o instanceof PdfString).map((s) => s.bytes).join('');
        const m = mul(tm, stack[stack.length - 1]!);
        texts!.push({ font, size, text, x: m[4], y: m[5] });
        break;
      }
    }
  }
}

/** The number in data[start, end), or NaN. */
function numberAt(data: Uint8Array, start: number, end: number): number {
  let s = '';
  for (let k = start; k < end; k++) s += String.fromCharCode(data[k]!);
  return Number(s);
}

/**
 * The fast path of `interpret` for content that shows nothing Sanad checks
 * (the page's own content): only q, Q and cm change `stack`; strings, inline
 * images and comments are skipped without building anything.
 */
export function trackGraphicsState(data: Uint8Array, stack: Matrix[]): void {
  const n = data.length;
  // Start and end of the last six tokens that could be numbers (a ring).
  const starts = new Int32Array(6);
  const ends = new Int32Array(6);
  let count = 0;
  let i = 0;
  while (i < n) {
    const c = data[i]!;
    if (isSpace(c)) {
      i++;
    } else if (c === 37) {
      while (i < n && data[i] !== 10 && data[i] !== 13) i++;
    } else if (c === 40) {
      let depth = 0;
      for (i++; i < n; i++) {
        const d = data[i]!;
        if (d === 92) i++;
        else if (d === 40) depth++;
        else if (d === 41 && depth-- === 0) break;
      }
      i++;
      count = 0;
    } else if (c === 60 && data[i + 1] !== 60) {
      while (i < n && data[i] !== 62) i++;
      i++;
      count = 0;
    } else if (isDelim(c)) {
      i += (c === 60 || c === 62) && data[i + 1] === c ? 2 : 1;
      if (c === 47) {
        while (i < n && CLASS[data[i]!] === 0) i++;
      }
      count = 0;
    } else {
      const start = i;
      while (i < n && CLASS[data[i]!] === 0) i++;
      const len = i - start;
      if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
        starts[count % 6] = start;
        ends[count % 6] = i;
        count++;
        continue;
      }
      if (len === 1 && c === 113) stack.push(stack[stack.length - 1]!);
      else if (len === 1 && c === 81) {
        if (stack.length > 1) stack.pop();
      } else if (len === 2 && c === 99 && data[start + 1] === 109 && count >= 6) {
        const m = [0, 1, 2, 3, 4, 5].map((k) => numberAt(data, starts[(count - 6 + k) % 6]!, ends[(count - 6 + k) % 6]!)) as Matrix;
        if (m.every(Number.isFinite)) stack[stack.length - 1] = mul(m, stack[stack.length - 1]!);
      } else if (len === 2 && c === 66 && data[start + 1] === 73) {
        const id = findToken(data, i, 'ID');
        const ei = id < 0 ? -1 : findToken(data, id + 3, 'EI');
        i = ei < 0 ? n : ei + 2;
      }
      count = 0;
    }
  }
}

/** Position of the operator `op` (a whole token) at or after `from`, or -1. */
function findToken(data: Uint8Array, from: number, op: string): number {
  const a = op.charCodeAt(0);
  const b = op.charCodeAt(1);
  for (let k = from; k < data.length - 1; k++) {
    if (data[k] === a && data[k + 1] === b && (k === 0 || isSpace(data[k - 1]!)) && (k + 2 >= data.length || isSpace(data[k + 2]!))) return k;
  }
  return -1;
}

function box(raw: RawPdf, v: PdfValue | undefined): number[] | undefined {
  const a = raw.resolve(v);
  if (!Array.isArray(a) || a.length !== 4) return undefined;
  const n = a.map((x) => raw.resolve(x));
  if (!n.every((x): x is number => typeof x === 'number')) return undefined;
  const r = [Math.min(n[0]!, n[2]!), Math.min(n[1]!, n[3]!), Math.max(n[0]!, n[2]!), Math.max(n[1]!, n[3]!)];
  return r[2]! - r[0]! > 0 && r[3]! - r[1]! > 0 ? r : undefined;
}

/** pdfjs's page.view: the crop box within the media box (Letter when there is none). */
export function viewOf(raw: RawPdf, page: RawPage): number[] {
  const media = box(raw, page.mediaBox) ?? [0, 0, 612, 792];
  const crop = box(raw, page.cropBox);
  if (!crop) return media;
  const v = [Math.max(crop[0]!, media[0]!), Math.max(crop[1]!, media[1]!), Math.min(crop[2]!, media[2]!), Math.min(crop[3]!, media[3]!)];
  return v[2]! - v[0]! > 0 && v[3]! - v[1]! > 0 ? v : media;
}

function rotationOf(raw: RawPdf, page: RawPage): number {
  const r = raw.resolve(page.rotate);
  if (typeof r !== 'number' || r % 90 !== 0) return 0;
  return ((r % 360) + 360) % 360;
}

/** pdfjs's PageViewport at scale 1 (display/display_utils.js): user space → top-left-origin page as displayed. */
export function viewportOf(view: number[], rotation: number): { width: number; height: number; toViewport(x: number, y: number): [number, number] } {
  const [x0, y0, x1, y1] = view as [number, number, number, number];
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const [a, b, c, d] = rotation === 90 ? [0, 1, 1, 0] : rotation === 180 ? [-1, 0, 0, 1] : rotation === 270 ? [0, -1, -1, 0] : [1, 0, 0, -1];
  const sideways = a === 0;
  const ox = sideways ? Math.abs(cy - y0) : Math.abs(cx - x0);
  const oy = sideways ? Math.abs(cx - x0) : Math.abs(cy - y0);
  const e = ox - a * cx - c * cy;
  const f = oy - b * cx - d * cy;
  return {
    width: sideways ? y1 - y0 : x1 - x0,
    height: sideways ? x1 - x0 : y1 - y0,
    toViewport: (x, y) => [a * x + c * y + e, b * x + d * y + f],
  };
}

/** What the stamp check found on one page. */
export type StampResult = { ok: true } | { ok: false; unreadable: false } | { ok: false; unreadable: true; why: string };

/** True when the label is shown in the stamp font in the appended stream, at the visual bottom right. */
export function checkStamp(raw: RawPdf, page: RawPage, label: string): StampResult {
  let streams: Uint8Array[];
  try {
    streams = raw.contents(page);
  } catch (cause) {
    return { ok: false, unreadable: true, why: String(cause) };
  }
  const last = streams.at(-1);
  if (!last) return { ok: false, unreadable: false };
  // Sanad's stream is the last that names the stamp font (a writer that edits the page
  // afterwards, as pdf-lib does, may add a closing "Q" stream after it).
  const ours = streams.findLastIndex((s) => Buffer.from(s.buffer, s.byteOffset, s.byteLength).includes(STAMP_FONT_TOKEN));
  if (ours < 0) return { ok: false, unreadable: false };
  const stack: Matrix[] = [IDENTITY];
  const shown: ShownText[] = [];
  try {
    for (const s of streams.slice(0, ours)) trackGraphicsState(s, stack);
    interpret(streams[ours]!, stack, shown);
  } catch (cause) {
    return { ok: false, unreadable: true, why: String(cause) };
  }
  const fonts = raw.dict(page.resources?.get('Font'));
  const stampFont = raw.dict(fonts?.get(STAMP_FONT));
  if (!stampFont || nameOf(stampFont.get('BaseFont')) !== 'Helvetica-Bold') return { ok: false, unreadable: false };
  const viewport = viewportOf(viewOf(raw, page), rotationOf(raw, page));
  const found = shown.some((t) => {
    if (t.font !== STAMP_FONT || t.size <= 0 || t.text.trim() !== label) return false;
    const [x, y] = viewport.toViewport(t.x, t.y);
    return x > viewport.width * 0.5 && y > viewport.height * 0.85;
  });
  return found ? { ok: true } : { ok: false, unreadable: false };
}

/** The annotations of a page by subtype (Link, Highlight…), read without pdfjs. */
export function annotationSubtypes(raw: RawPdf, page: RawPage): string[] {
  const annots = raw.resolve(page.annots);
  if (!Array.isArray(annots)) return [];
  return annots.map((a) => {
    const d = raw.dict(a);
    return (d && isDict(d) ? nameOf(raw.resolve(d.get('Subtype'))) : undefined) ?? '';
  });
}

export { RawPdf, RawPdfError };
