/**
 * A realistic PartContext for the generated-parts tests: an anonymised Hazara
 * appellant from Quetta, three sections with section-prefixed page labels, a
 * translated threat letter, twelve excerpts across three default issues plus
 * one custom issue, listed in an order that is not the schedule's.
 */
import type { ExcerptEntry, PageRef, PartContext } from '../../src/bundle/parts/context.ts';
import { CaseFile, PROFILES, SourceMeta, type Tag, type TribunalId, tagIdFor } from '../../src/model/index.ts';

export const FULL_NAME = 'Ali Hussain Changezi';
export const URDU_NAME = 'علی حسین چنگیزی';

let n = 0;
function hex(len: number, seed: number): string {
  let out = '';
  for (let i = 0; out.length < len; i++) out += ((seed * 2654435761 + i * 40503) >>> 0).toString(16).padStart(8, '0');
  return out.slice(0, len);
}

export function source(fields: Partial<SourceMeta> & { title: string }): SourceMeta {
  const seed = ++n;
  const sha = hex(64, seed);
  return SourceMeta.parse({
    schemaVersion: 1,
    id: `s-${sha.slice(0, 16)}`,
    sha256: sha,
    scope: { kind: 'library' },
    originalName: `${fields.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40)}.pdf`,
    originalFile: 'original.pdf',
    format: 'pdf',
    pages: 12,
    importedAt: '2026-11-21T10:00:00.000Z',
    ...fields,
  });
}

export const HRW = source({
  title: 'We are the Walking Dead',
  publisher: 'Human Rights Watch',
  published: '2014-06-29',
  url: 'https://www.hrw.org/report/2014/06/29/we-are-walking-dead/killings-shia-hazara-balochistan-pakistan',
  accessed: '2026-11-21',
  pages: 62,
});
export const DAWN = source({
  title: 'Hazara community fears spread of attacks to Karachi',
  author: 'Staff Reporter',
  publisher: 'Dawn',
  published: '2023-03',
  url: 'https://www.dawn.com/news/sample-hazara-karachi',
  type: 'news',
  pages: 3,
});
export const HRCP = source({ title: 'State of Human Rights in 2023', publisher: 'Human Rights Commission of Pakistan', published: '2024', pages: 40 });
export const LETTER = source({ title: 'Threat letter delivered to the family home', pages: 2, language: 'ur', scope: { kind: 'case', slug: 'ahc-2026' }, type: 'letter' });
export const TRANSLATION = source({
  title: 'Translation of the threat letter',
  pages: 2,
  language: 'en',
  type: 'translation',
  scope: { kind: 'case', slug: 'ahc-2026' },
  translation: {
    of: LETTER.id,
    fromLanguage: 'Urdu',
    toLanguage: 'English',
    translator: { name: 'Sana Malik', qualifications: 'DPSI (Law), Member of the Chartered Institute of Linguists', address: '12 Court Lane, Leeds LS1 2AB', phone: '0113 496 0000' },
    date: '2026-10-30',
  },
});

export function ref(label: string, pageIndex: number, volume?: number): PageRef {
  return volume === undefined ? { label, pageIndex } : { label, pageIndex, volume };
}

function tag(name: string): Tag {
  return { id: tagIdFor(name), name, colour: '#ffd166' };
}

const EXCERPTS: Array<[string, SourceMeta, number, string, string, Partial<ExcerptEntry>]> = [
  ['Karachi-traced threats', DAWN, 1, 'E-mails threatening Hazara activists were sent from internet cafés in Karachi.', 'C15', { eventDate: '2023-02', places: ['Karachi'] }],
  ['Threat patterns/Targeted killings', HRW, 2, 'Since 2008 more than 500 Hazara have been killed in Balochistan.', 'C3', { note: 'Scale of the targeted killings.', places: ['Balochistan'] }],
  ['Internal relocation risk/Karachi', HRW, 14, 'Lashkar-e-Jhangvi operates in every major city, including Karachi and Lahore.', 'C4', {}],
  ['Threat patterns/Bombings', HRW, 20, 'On 10 January 2013 twin bombings at a snooker hall in Quetta killed more than 90 people, most of them Hazara.', 'C5', { eventDate: '2013-01-10', places: ['Quetta', 'Alamdar Road'] }],
  ['Threat patterns/Threat letters', TRANSLATION, 1, 'Leave Quetta or your family will pay the price.', 'B6', { note: 'Translated from Urdu; original at B4.' }],
  ['Medical evidence', HRCP, 7, 'Survivors of sectarian attacks report lasting trauma and have little access to care.', 'C24', {}],
  ['Karachi-traced threats', DAWN, 2, 'Police in Karachi traced the threatening messages to a group active in the city.', 'C16', { eventDate: '2023-03-04', places: ['Karachi'] }],
  ['Internal relocation risk/Reach of perpetrators', HRCP, 12, 'Militant groups have shown the capacity to track targets who move between provinces.', 'C29', {}],
  ['Threat patterns/Targeted killings', HRCP, 9, 'Hazara community leaders report around 700 killed since 2004.', 'C26', { eventDate: '2004', places: ['Quetta'] }],
  ['Internal relocation risk/State protection', HRCP, 15, 'Witnesses are rarely protected and prosecutions seldom succeed.', 'C32', {}],
  ['Karachi-traced threats', DAWN, 3, 'An e-mail account used to threaten a Quetta activist was registered in Karachi in 2022.', 'C17', { eventDate: '2022', places: ['Karachi', 'Quetta'] }],
  ['Threat patterns/Kidnapping', HRW, 31, 'Abductions of Hazara travellers on the Quetta–Karachi highway were reported in 2012.', 'C6', { eventDate: '2012-09', places: ['Quetta–Karachi highway'] }],
];

/** Page indexes: A1–A6 are 1–6, B1–B8 are 7–14, C1–C40 are 15–54. */
export function pageIndexOf(label: string): number {
  const letter = label[0]!;
  const num = Number(label.slice(1));
  return (letter === 'A' ? 0 : letter === 'B' ? 6 : 14) + num;
}

function labelRef(label: string, volumes: boolean): PageRef {
  const pageIndex = pageIndexOf(label);
  return ref(label, pageIndex, volumes ? (pageIndex > 30 ? 2 : 1) : undefined);
}

export interface FixtureOptions {
  tribunal?: TribunalId;
  anonymise?: boolean;
  appellantName?: string;
  supplementary?: boolean;
  volumes?: boolean;
}

export function partContext(options: FixtureOptions = {}): PartContext {
  const tribunal = options.tribunal ?? 'uk-ftt-iac';
  const anonymise = options.anonymise ?? true;
  const name = options.appellantName ?? FULL_NAME;
  const caseFile = CaseFile.parse({
    schemaVersion: 1,
    slug: 'ahc-2026',
    title: 'AHC asylum appeal',
    appellant: { name, anonymise },
    respondent: tribunal === 'us-eoir' ? 'Department of Homeland Security' : 'Secretary of State for the Home Department',
    references: tribunal === 'us-eoir' ? [{ label: 'A-Number', value: 'A 123-456-789' }] : [{ label: 'Appeal Number', value: 'PA/01234/2026' }, { label: 'Home Office Ref', value: 'C1234567' }],
    tribunal,
    bundleDate: '2026-11-21',
    representative: { name: 'Farah Qureshi', firm: 'Northgate Immigration Law', address: '4 Park Row, Leeds LS1 5HD', phone: '0113 496 0123', email: 'fq@example.org' },
    createdAt: '2026-11-01T09:00:00.000Z',
  });
  const v = options.volumes ?? false;
  const r = (label: string) => labelRef(label, v);
  const excerpts: ExcerptEntry[] = EXCERPTS.map(([tagName, meta, sourcePage, quote, label, extra], i) => ({
    label: `E${i + 1}`,
    id: `e-${hex(12, i + 100)}`,
    issue: tagName.split('/')[0]!,
    tags: [tag(tagName)],
    quote,
    places: [],
    source: meta,
    sourcePage,
    page: r(label),
    ...extra,
  }));
  const appellant = anonymise ? 'A.H.C.' : name;
  return {
    case: caseFile,
    profile: PROFILES[tribunal],
    appellant,
    bundleDate: '2026-11-21',
    bundleTitle: options.supplementary ? 'Supplementary bundle 1' : "Appellant's bundle",
    supplementary: options.supplementary ? { number: 1, date: '2026-12-02', afterPage: 245 } : undefined,
    volumes: v ? 2 : 1,
    sections: [
      { letter: 'A', title: 'Index, schedule and chronology', first: r('A1'), documents: [
        { title: 'Index', kind: 'generated', first: r('A1'), last: r('A2') },
        { title: 'Country information evidence schedule', kind: 'generated', first: r('A3'), last: r('A5') },
        { title: 'Chronology of incidents', kind: 'generated', first: r('A6'), last: r('A6') },
      ] },
      { letter: 'B', title: "Appellant's evidence", first: r('B1'), documents: [
        { title: 'Witness statement of the Appellant', kind: 'source', first: r('B1'), last: r('B3') },
        { title: LETTER.title, kind: 'source', source: LETTER, first: r('B4'), last: r('B5') },
        { title: 'Certificate of translation', kind: 'translation-certificate', first: r('B6'), last: r('B6') },
        { title: TRANSLATION.title, kind: 'source', source: TRANSLATION, first: r('B7'), last: r('B8') },
      ] },
      { letter: 'C', title: 'Country information', first: r('C1'), documents: [
        { title: 'Section C', kind: 'divider', first: r('C1'), last: r('C1') },
        { title: HRW.title, kind: 'source', source: HRW, selection: 'pages 1–12 and 14–25 of 62', first: r('C2'), last: r('C13') },
        { title: DAWN.title, kind: 'source', source: DAWN, first: r('C14'), last: r('C17') },
        { title: HRCP.title, kind: 'source', source: HRCP, first: r('C18'), last: r('C40') },
      ] },
    ],
    excerpts,
    sources: [
      { meta: LETTER, first: r('B4') },
      { meta: TRANSLATION, first: r('B7') },
      { meta: HRW, first: r('C2') },
      { meta: DAWN, first: r('C14') },
      { meta: HRCP, first: r('C18') },
    ],
  };
}
