import { describe, expect, it } from 'vitest';
import { oscolaCitation, oscolaParts, oscolaPinpoint } from '../../src/cite/index.ts';
import { citation, pinpoint } from '../../src/bundle/parts/index.ts';
import { InvalidInputError } from '../../src/errors.ts';
import { DAWN, HRCP, HRW, TRANSLATION, source } from '../parts/fixture.ts';

const URL = HRW.url!;

describe('OSCOLA citations of secondary sources', () => {
  it('matches the product brief example: publisher first, quoted title, day date, URL, accessed', () => {
    expect(oscolaCitation(HRW)).toBe(`Human Rights Watch, 'We are the Walking Dead' (29 June 2014) <${URL}> accessed 21 November 2026`);
  });

  it('puts the pinpoint after the date bracket and before the URL, with no "p"', () => {
    expect(oscolaPinpoint(HRW, 14)).toBe(`Human Rights Watch, 'We are the Walking Dead' (29 June 2014) 14 <${URL}> accessed 21 November 2026`);
  });

  it('leads with the author and moves the publisher into the bracket; month precision', () => {
    expect(oscolaPinpoint(DAWN, 2, { accessedFallback: '2026-11-20' })).toBe(
      "Staff Reporter, 'Hazara community fears spread of attacks to Karachi' (Dawn, March 2023) 2 <https://www.dawn.com/news/sample-hazara-karachi> accessed 20 November 2026",
    );
  });

  it('gives a year-only date and no URL part when the source has no URL', () => {
    expect(oscolaCitation(HRCP)).toBe("Human Rights Commission of Pakistan, 'State of Human Rights in 2023' (2024)");
    expect(oscolaPinpoint(HRCP, 12, { accessedFallback: '2026-11-20' })).toBe("Human Rights Commission of Pakistan, 'State of Human Rights in 2023' (2024) 12");
  });

  it('writes (nd) without a date and starts with the title without author or publisher', () => {
    const undated = source({ title: 'Hazara Town checkpoint notice', url: 'https://example.org/notice' });
    expect(oscolaCitation(undated)).toBe("'Hazara Town checkpoint notice' (nd) <https://example.org/notice>");
    expect(oscolaCitation(undated, { accessedFallback: '2026-11-21' })).toBe(
      "'Hazara Town checkpoint notice' (nd) <https://example.org/notice> accessed 21 November 2026",
    );
  });

  it('names the translator as "tr" inside the bracket', () => {
    expect(oscolaPinpoint(TRANSLATION, 1)).toBe("'Translation of the threat letter' (Sana Malik tr, nd) 1");
    const translatedReport = source({ title: 'Report on Quetta', author: 'Amina Baloch', publisher: 'HRCP', published: '2019-05', translation: { ...TRANSLATION.translation! } });
    expect(oscolaCitation(translatedReport)).toBe("Amina Baloch, 'Report on Quetta' (Sana Malik tr, HRCP, May 2019)");
  });

  it('splits around the URL for hyperlinking and the engine-facing wrappers agree', () => {
    const parts = oscolaParts(HRW, 14);
    expect(parts).toEqual({ head: "Human Rights Watch, 'We are the Walking Dead' (29 June 2014) 14", url: URL, tail: ' accessed 21 November 2026' });
    expect(pinpoint(HRW, 14)).toBe(oscolaPinpoint(HRW, 14));
    const noAccess = { ...DAWN };
    expect(citation(noAccess, '2026-01-02')).toContain('accessed 2 January 2026');
    expect(citation(noAccess)).not.toContain('accessed');
  });

  it('rejects a malformed options object at the boundary', () => {
    expect(() => oscolaCitation(HRW, { accessedFallback: 42 } as unknown as { accessedFallback: string })).toThrow(InvalidInputError);
  });
});

describe('quotations inside titles', () => {
  it('turn into double quotes inside the single-quoted title, leaving apostrophes alone', async () => {
    const { nestQuotes } = await import('../../src/cite/oscola.ts');
    expect(nestQuotes("'We are the Walking Dead': Killings of Shia Hazara")).toBe('"We are the Walking Dead": Killings of Shia Hazara');
    expect(nestQuotes('‘We are the Walking Dead’: Killings')).toBe('"We are the Walking Dead": Killings');
    expect(nestQuotes("The Hazara's plight and the 'safe' city")).toBe('The Hazara\'s plight and the "safe" city');
    expect(nestQuotes("Militants' reach")).toBe("Militants' reach");
  });
});
