/**
 * Word's paragraph numbering, computed the way Word shows it. mammoth turns
 * numbered paragraphs into HTML lists and loses the numbers themselves
 * ("(a)", "2.1", a list that starts at 5), yet witness statements are cited
 * by paragraph number. So before mammoth reads the file, every numbered
 * paragraph of word/document.xml gets its label ("1.", "(a)", "2.3") as a
 * leading text run and its numbering switched off (numId 0); bulleted
 * paragraphs are left alone and stay HTML lists.
 *
 * Sources: numbering.xml (w:abstractNum levels: start, numFmt, lvlText,
 * isLgl, pStyle; w:num with lvlOverride/startOverride; numStyleLink),
 * styles.xml (numPr of paragraph styles, through basedOn), and each
 * paragraph's w:pPr/w:numPr. Counters are kept per list (numId); a level
 * restarts when a lower level advances.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

/** xmldom's element (typed with the DOM lib's Element, which its types reuse). */
type XmlElement = Element;

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  isLgl: boolean;
}

interface ListDef {
  levels: Map<number, Level>;
}

function kids(el: XmlElement | null | undefined, local: string): XmlElement[] {
  if (!el) return [];
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as XmlElement).namespaceURI === W && (n as XmlElement).localName === local) out.push(n as XmlElement);
  }
  return out;
}
const kid = (el: XmlElement | null | undefined, local: string) => kids(el, local)[0];
const val = (el: XmlElement | undefined) => el?.getAttributeNS(W, 'val') ?? el?.getAttribute('w:val') ?? undefined;
const attr = (el: XmlElement | undefined, name: string) => (el ? (el.getAttributeNS(W, name) || el.getAttribute(`w:${name}`) || undefined) : undefined);

function parse(xml: string): XmlElement | undefined {
  const doc = new DOMParser({ errorHandler: () => undefined }).parseFromString(xml, 'text/xml');
  return (doc.documentElement as unknown as XmlElement | null) ?? undefined;
}

function readLevels(abstractNum: XmlElement): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of kids(abstractNum, 'lvl')) {
    levels.set(Number(attr(lvl, 'ilvl') ?? 0), readLevel(lvl, undefined));
  }
  return levels;
}

function readLevel(lvl: XmlElement, base: Level | undefined): Level {
  const start = val(kid(lvl, 'start'));
  const isLgl = kid(lvl, 'isLgl');
  return {
    start: start !== undefined ? Number(start) : (base?.start ?? 1),
    numFmt: val(kid(lvl, 'numFmt')) ?? base?.numFmt ?? 'decimal',
    lvlText: val(kid(lvl, 'lvlText')) ?? base?.lvlText ?? '',
    isLgl: isLgl ? val(isLgl) !== '0' && val(isLgl) !== 'false' : (base?.isLgl ?? false),
  };
}

/** numId of a paragraph style (following basedOn), and its level. */
interface StyleNum {
  numId?: string;
  ilvl?: number;
}

function readStyles(xml: string | undefined): { paragraph: Map<string, StyleNum>; numbering: Map<string, string> } {
  const paragraph = new Map<string, StyleNum>();
  const numbering = new Map<string, string>();
  const root = xml ? parse(xml) : undefined;
  if (!root) return { paragraph, numbering };
  const raw = new Map<string, { basedOn?: string; num: StyleNum }>();
  for (const style of kids(root, 'style')) {
    const id = attr(style, 'styleId');
    if (!id) continue;
    const numPr = kid(kid(style, 'pPr'), 'numPr');
    const num: StyleNum = {};
    const numId = val(kid(numPr, 'numId'));
    const ilvl = val(kid(numPr, 'ilvl'));
    if (numId !== undefined) num.numId = numId;
    if (ilvl !== undefined) num.ilvl = Number(ilvl);
    const type = attr(style, 'type');
    if (type === 'numbering' && numId !== undefined) numbering.set(id, numId);
    if (type === 'paragraph' || type === undefined) {
      const basedOn = val(kid(style, 'basedOn'));
      raw.set(id, { ...(basedOn ? { basedOn } : {}), num });
    }
  }
  const resolve = (id: string, seen: Set<string>): StyleNum => {
    const s = raw.get(id);
    if (!s || seen.has(id)) return {};
    seen.add(id);
    const parent = s.basedOn ? resolve(s.basedOn, seen) : {};
    return { ...parent, ...s.num };
  };
  for (const id of raw.keys()) paragraph.set(id, resolve(id, new Set()));
  return { paragraph, numbering };
}

interface Numbering {
  /** numId → its levels (after overrides) and the abstractNum it counts with. */
  lists: Map<string, ListDef>;
}

function readNumbering(xml: string | undefined, numberingStyles: Map<string, string>): Numbering {
  const lists = new Map<string, ListDef>();
  const root = xml ? parse(xml) : undefined;
  if (!root) return { lists };
  const abstracts = new Map<string, XmlElement>();
  for (const a of kids(root, 'abstractNum')) abstracts.set(attr(a, 'abstractNumId') ?? '', a);
  const nums = new Map<string, XmlElement>();
  for (const n of kids(root, 'num')) nums.set(attr(n, 'numId') ?? '', n);

  const abstractOf = (numId: string, seen: Set<string>): XmlElement | undefined => {
    if (seen.has(numId)) return undefined;
    seen.add(numId);
    const abs = abstracts.get(val(kid(nums.get(numId), 'abstractNumId')) ?? '');
    const link = val(kid(abs, 'numStyleLink'));
    if (abs && link && kids(abs, 'lvl').length === 0) {
      const target = numberingStyles.get(link);
      return target ? abstractOf(target, seen) : abs;
    }
    return abs;
  };
  for (const [numId, num] of nums) {
    const abs = abstractOf(numId, new Set());
    if (!abs) continue;
    const levels = readLevels(abs);
    for (const override of kids(num, 'lvlOverride')) {
      const ilvl = Number(attr(override, 'ilvl') ?? 0);
      const base = levels.get(ilvl);
      const lvl = kid(override, 'lvl');
      const level = lvl ? readLevel(lvl, base) : base;
      const startOverride = val(kid(override, 'startOverride'));
      if (level) levels.set(ilvl, startOverride !== undefined ? { ...level, start: Number(startOverride) } : level);
    }
    lists.set(numId, { levels });
  }
  return { lists };
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** Word's letter numbering: a…z, then aa…zz, aaa… */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'lowerLetter': return letters(n);
    case 'upperLetter': return letters(n).toUpperCase();
    case 'lowerRoman': return roman(n);
    case 'upperRoman': return roman(n).toUpperCase();
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'ordinal': return `${n}${['th', 'st', 'nd', 'rd'][n % 100 >= 11 && n % 100 <= 13 ? 0 : Math.min(n % 10, 4) % 4] ?? 'th'}`;
    case 'none': return '';
    default: return String(n);
  }
}

/** Counts paragraphs of every list and formats each label. */
export class NumberingCounter {
  private readonly counters = new Map<string, Map<number, number>>();
  constructor(private readonly numbering: Numbering) {}

  /** The label of the next paragraph of list `numId` at level `ilvl`; undefined for bullets or unknown lists. */
  next(numId: string, ilvl: number): string | undefined {
    const list = this.numbering.lists.get(numId);
    const level = list?.levels.get(ilvl);
    if (!list || !level || level.numFmt === 'bullet') return undefined;
    const counts = this.counters.get(numId) ?? new Map<number, number>();
    this.counters.set(numId, counts);
    counts.set(ilvl, counts.has(ilvl) ? counts.get(ilvl)! + 1 : level.start);
    for (const deeper of [...counts.keys()]) if (deeper > ilvl) counts.delete(deeper);
    return level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = list.levels.get(i);
      const n = counts.get(i) ?? l?.start ?? 1;
      return formatNumber(n, level.isLgl ? 'decimal' : (l?.numFmt ?? 'decimal'));
    });
  }
}

/**
 * Returns word/document.xml with the number of every numbered paragraph
 * written into its text, and the count of labelled paragraphs.
 */
export function labelNumberedParagraphs(documentXml: string, numberingXml: string | undefined, stylesXml: string | undefined): { xml: string; labelled: number } {
  const styles = readStyles(stylesXml);
  const numbering = readNumbering(numberingXml, styles.numbering);
  if (numbering.lists.size === 0) return { xml: documentXml, labelled: 0 };
  const root = parse(documentXml);
  if (!root) return { xml: documentXml, labelled: 0 };
  const doc = root.ownerDocument!;
  const counter = new NumberingCounter(numbering);
  let labelled = 0;
  const paragraphs = Array.from(root.getElementsByTagNameNS(W, 'p') as unknown as ArrayLike<XmlElement>);
  for (const p of paragraphs) {
    const pPr = kid(p, 'pPr');
    const numPr = kid(pPr, 'numPr');
    const styleId = val(kid(pPr, 'pStyle'));
    const fromStyle = styleId ? styles.paragraph.get(styleId) : undefined;
    const numId = val(kid(numPr, 'numId')) ?? fromStyle?.numId;
    const ilvlText = val(kid(numPr, 'ilvl'));
    const ilvl = ilvlText !== undefined ? Number(ilvlText) : (fromStyle?.ilvl ?? 0);
    if (numId === undefined || numId === '0') continue;
    const label = counter.next(numId, ilvl);
    if (label === undefined) continue;
    // Switch the paragraph's numbering off (numId 0 overrides a style's numbering too).
    const off = doc.createElementNS(W, 'w:numPr');
    const offLvl = doc.createElementNS(W, 'w:ilvl');
    offLvl.setAttributeNS(W, 'w:val', '0');
    const offId = doc.createElementNS(W, 'w:numId');
    offId.setAttributeNS(W, 'w:val', '0');
    off.appendChild(offLvl);
    off.appendChild(offId);
    let props = pPr;
    if (!props) {
      props = doc.createElementNS(W, 'w:pPr');
      p.insertBefore(props, p.firstChild);
    }
    if (numPr) props.replaceChild(off, numPr);
    else props.appendChild(off);
    if (label === '') continue;
    const run = doc.createElementNS(W, 'w:r');
    const t = doc.createElementNS(W, 'w:t');
    t.setAttribute('xml:space', 'preserve');
    t.appendChild(doc.createTextNode(`${label}\u00a0\u00a0`));
    run.appendChild(t);
    props.parentNode!.insertBefore(run, props.nextSibling);
    labelled++;
  }
  return { xml: new XMLSerializer().serializeToString(doc), labelled };
}
