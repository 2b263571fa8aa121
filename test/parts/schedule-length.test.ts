/**
 * The practice direction's 12-page limit: 60 extracts from 6 sources, each
 * cited in full once and in OSCOLA short form after, fit in 12 A4 pages at
 * 12 pt with 1.5 line spacing (printed through Chromium, counted with pdfjs).
 * The old form, the full citation on every row, did not.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPartHtml, type PartContext } from '../../src/bundle/parts/index.ts';
import type { ExcerptEntry } from '../../src/bundle/parts/context.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { tagIdFor } from '../../src/model/index.ts';
import { DAWN, HRCP, HRW, partContext, ref, source } from './fixture.ts';
import { flat, readPart } from './pdf-read.ts';

const printer = new ChromiumPrinter();
afterAll(() => printer.close());

const CPIN = source({ title: 'Country Policy and Information Note: Pakistan: Hazaras', publisher: 'UK Home Office', published: '2024-01', url: 'https://www.gov.uk/government/publications/pakistan-country-policy-and-information-notes', pages: 60 });
const AK = source({ title: 'AK and SK (Asylum - Shia - Hazara) Pakistan', neutralCitation: '[2014] UKUT 569 (IAC)', shortName: 'AK and SK (Pakistan)', cg: true, type: 'decision', pages: 40 });
const USDOS = source({ title: '2023 Country Reports on Human Rights Practices: Pakistan', publisher: 'US Department of State', published: '2024-04', url: 'https://www.state.gov/reports/2023-country-reports-on-human-rights-practices/pakistan/', pages: 70 });
const SOURCES = [HRW, DAWN, HRCP, CPIN, AK, USDOS];
const ISSUES = ['Threat patterns', 'Internal relocation risk', 'Karachi-traced threats', 'Sufficiency of protection', 'Perpetrators'];
const QUOTES = [
  'Sectarian militants have repeatedly attacked Hazara travelling outside the two enclaves of Quetta, including on the roads to the city centre.',
  'E-mailed threats against community activists were traced to internet cafés in Karachi, hundreds of miles from Quetta.',
  'Lashkar-e-Jhangvi operates in every major city, including Karachi and Lahore, and has tracked targets who moved.',
  'Police rarely investigate threats against Hazara and prosecutions seldom succeed.',
];

function sixtyExtracts(): PartContext {
  const ctx = partContext();
  const excerpts: ExcerptEntry[] = Array.from({ length: 60 }, (_, i) => {
    const src = SOURCES[i % 6]!;
    const issue = ISSUES[i % 5]!;
    const page = 3 + i;
    const paragraph = src === AK ? `[${20 + i}]` : src === CPIN ? `2.${1 + (i % 9)}.${1 + (i % 7)}` : undefined;
    return {
      label: `E${i + 1}`,
      id: `e-${(100000000000 + i).toString(16).padStart(12, '0').slice(-12)}`,
      issue,
      tags: [{ id: tagIdFor(issue), name: issue, colour: '#ffd166' }],
      quote: QUOTES[i % QUOTES.length]!,
      places: [],
      source: src,
      sourcePage: 2 + (i % 30),
      ...(paragraph ? { paragraph } : {}),
      page: ref(`C${page}`, 14 + page),
    };
  });
  return { ...ctx, excerpts };
}

describe('schedule length', () => {
  it('fits 60 extracts from 6 sources in 12 pages, each source cited in full once', async () => {
    const ctx = sixtyExtracts();
    const pdf = await printer.printHtml(renderPartHtml({ part: 'schedule' }, ctx, 'A4'), { paper: 'A4' });
    writeFileSync(join(tmpdir(), 'sanad-schedule-60.pdf'), pdf);
    const out = await readPart(pdf);
    expect(out.minFontSize).toBeGreaterThanOrEqual(11.99);
    expect(out.pages).toBeLessThanOrEqual(12);
    const text = flat(out.text);
    expect(text.split("Human Rights Watch, 'We are the Walking Dead'").length - 1).toBe(1);
    expect(text.split('AK and SK (Pakistan) CG [2014] UKUT 569 (IAC)').length - 1).toBeGreaterThanOrEqual(1);
    expect(text).toContain("HRW, 'Walking Dead' (n E");
    expect(text).toMatch(/AK and SK \(Pakistan\) \(n E\d+\) \[\d+\]/);
    expect(text).toMatch(/p \d+, para 2\.\d\.\d/);
  }, 120_000);
});
