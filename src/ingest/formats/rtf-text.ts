/**
 * The text inside an RTF body, as Outlook stores it (PR_RTF_COMPRESSED,
 * decompressed by @kenjiuno/decompressrtf). Outlook wraps HTML mail in RTF
 * ("\fromhtml1"): then the original HTML is recovered from the \*\htmltag
 * groups, skipping what is marked \htmlrtf ([MS-OXRTFEX]). Otherwise the
 * plain text is read out: paragraphs, tabs, hex and Unicode escapes, with
 * font tables, pictures and other destinations skipped.
 */

/** Destinations whose content is never text. */
const SKIP = new Set(['fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'header', 'footer', 'headerl', 'headerr', 'footerl', 'footerr', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'themedata', 'colorschememapping', 'latentstyles', 'datastore', 'fldinst', 'mmathPr']);

const CODEPAGES: Record<number, string> = { 1250: 'windows-1250', 1251: 'windows-1251', 1252: 'windows-1252', 1253: 'windows-1253', 1254: 'windows-1254', 1255: 'windows-1255', 1256: 'windows-1256', 1257: 'windows-1257', 1258: 'windows-1258', 874: 'windows-874', 932: 'shift_jis', 936: 'gbk', 949: 'euc-kr', 950: 'big5', 65001: 'utf-8' };

/** Windows-1252's characters at 0x80–0x9F (some Node builds decode them as C1 controls). */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fixCp1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}

interface State {
  skip: boolean;
  htmltag: boolean;
  htmlrtf: boolean;
  uc: number;
}

export interface RtfBody {
  kind: 'html' | 'text';
  content: string;
}

/** Converts decompressed RTF bytes into HTML (when it encapsulates HTML) or plain text. */
export function rtfBody(bytes: Uint8Array): RtfBody {
  const rtf = new TextDecoder('latin1').decode(bytes);
  const fromHtml = /\\fromhtml1/.test(rtf.slice(0, 2000));
  const cpg = Number(/\\ansicpg(\d+)/.exec(rtf.slice(0, 2000))?.[1] ?? 1252);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(CODEPAGES[cpg] ?? 'windows-1252');
  } catch {
    decoder = new TextDecoder('windows-1252');
  }
  let out = '';
  let pending: number[] = [];
  const flushBytes = () => {
    if (pending.length) {
      const text = decoder.decode(new Uint8Array(pending));
      out += decoder.encoding === 'windows-1252' ? fixCp1252(text) : text;
    }
    pending = [];
  };
  const emit = (s: string) => {
    flushBytes();
    out += s;
  };
  const stack: State[] = [];
  let st: State = { skip: false, htmltag: false, htmlrtf: false, uc: 1 };
  let skipChars = 0;
  const visible = () => !st.skip && (fromHtml ? st.htmltag || !st.htmlrtf : true);
  let i = 0;
  while (i < rtf.length) {
    const c = rtf[i]!;
    if (c === '{') {
      stack.push(st);
      st = { ...st };
      i++;
      // "{\*\dest" or a known destination: skip unless it is an HTML tag group.
      const m = /^\\(\*\\)?([a-zA-Z]+)(-?\d+)? ?/.exec(rtf.slice(i, i + 40));
      if (m) {
        const word = m[2]!;
        if (fromHtml && (word === 'htmltag' || word === 'mhtmltag')) {
          st.htmltag = true;
          st.skip = false;
          i += m[0].length;
          continue;
        }
        if (m[1] || SKIP.has(word)) st.skip = true;
      }
      continue;
    }
    if (c === '}') {
      st = stack.pop() ?? st;
      i++;
      continue;
    }
    if (c === '\\') {
      const next = rtf[i + 1] ?? '';
      if (next === '\\' || next === '{' || next === '}') {
        if (skipChars > 0) skipChars--;
        else if (visible()) emit(next);
        i += 2;
        continue;
      }
      if (next === "'") {
        const byte = parseInt(rtf.slice(i + 2, i + 4), 16);
        i += 4;
        if (skipChars > 0) {
          skipChars--;
          continue;
        }
        if (visible() && !Number.isNaN(byte)) pending.push(byte);
        continue;
      }
      if (next === '~' || next === '_' || next === '-') {
        if (visible()) emit(next === '~' ? '\u00a0' : next === '_' ? '-' : '');
        i += 2;
        continue;
      }
      if (next === '\r' || next === '\n') {
        if (visible() && !fromHtml) emit('\n');
        i += 2;
        continue;
      }
      const m = /^\\([a-zA-Z]+)(-?\d+)? ?/.exec(rtf.slice(i, i + 64));
      if (!m) {
        i += 2;
        continue;
      }
      i += m[0].length;
      const word = m[1]!;
      const param = m[2] === undefined ? undefined : Number(m[2]);
      switch (word) {
        case 'htmlrtf':
          st.htmlrtf = param !== 0;
          break;
        case 'uc':
          st.uc = param ?? 1;
          break;
        case 'u':
          if (visible() && param !== undefined) emit(String.fromCharCode(param < 0 ? param + 65536 : param));
          skipChars = st.uc;
          break;
        case 'par':
        case 'line':
          if (visible()) emit(fromHtml ? '\r\n' : '\n');
          break;
        case 'tab':
          if (visible()) emit('\t');
          break;
        case 'emdash':
          if (visible()) emit('—');
          break;
        case 'endash':
          if (visible()) emit('–');
          break;
        case 'lquote':
          if (visible()) emit('‘');
          break;
        case 'rquote':
          if (visible()) emit('’');
          break;
        case 'ldblquote':
          if (visible()) emit('“');
          break;
        case 'rdblquote':
          if (visible()) emit('”');
          break;
        case 'bin':
          i += param ?? 0;
          break;
        default:
          break;
      }
      continue;
    }
    if (c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (skipChars > 0) {
      skipChars--;
      i++;
      continue;
    }
    if (visible()) pending.push(c.charCodeAt(0));
    i++;
  }
  flushBytes();
  return fromHtml ? { kind: 'html', content: out } : { kind: 'text', content: out.replace(/[ \t]+\n/g, '\n').trim() };
}
