/** OSCOLA subsequent citations, case-law citations and their use in the schedule. */
import { describe, expect, it } from 'vitest';
import { caseCitation, shortLead, shortNames, shortTitle, SubsequentCiter } from '../../src/cite/index.ts';
import { scheduleView } from '../../src/bundle/parts/schedule.ts';
import { HRW, partContext, source } from '../parts/fixture.ts';

const AK = source({ title: 'AK and SK (Asylum - Shia - Hazara) Pakistan CG', neutralCitation: '[2014] UKUT 569 (IAC)', shortName: 'AK and SK (Pakistan)', cg: true, type: 'decision' });

describe('OSCOLA short forms', () => {
  it('abbreviates corporate authors and shortens titles to their distinctive words', () => {
    expect(shortLead('Human Rights Watch')).toBe('HRW');
    expect(shortLead('Human Rights Commission of Pakistan')).toBe('HRCP');
    expect(shortLead('Home Office')).toBe('Home Office');
    expect(shortLead('UK Home Office')).toBe('UK Home Office');
    expect(shortTitle('We are the Walking Dead')).toBe('Walking Dead');
    expect(shortTitle('2023 Country Reports on Human Rights Practices: Pakistan')).toBe('Country Reports on Human Rights Practices');
    expect(shortTitle('Country Policy and Information Note: Pakistan: Hazaras')).toBe('Country Policy and Information Note');
  });

  it('cites in full once, then "HRW, \'Walking Dead\' (n E3) p 20, para 4"', () => {
    const citer = new SubsequentCiter([HRW]);
    const first = citer.cite({ source: HRW, sourcePage: 14, paragraph: '3', label: 'E3' });
    expect(first.full).toBe(true);
    expect(first.head).toBe("Human Rights Watch, 'We are the Walking Dead' (29 June 2014) p 14, para 3");
    expect(first.url).toBe(HRW.url);
    const later = citer.cite({ source: HRW, sourcePage: 20, paragraph: '4', label: 'E8' });
    expect(later).toEqual({ head: "HRW, 'Walking Dead' (n E3) p 20, para 4", url: undefined, tail: '', full: false });
  });

  it('keeps two sources by the same author apart', () => {
    const a = source({ title: 'Pakistan: Security and human rights situation', publisher: 'UK Home Office', published: '2024-01' });
    const b = source({ title: 'Pakistan: Security situation in Karachi', publisher: 'UK Home Office', published: '2024-06' });
    const names = shortNames([a, b]);
    expect(names.get(a.id)).not.toBe(names.get(b.id));
    const same = source({ title: 'Pakistan: Security situation in Karachi', publisher: 'UK Home Office', published: '2022' });
    const three = shortNames([a, b, same]);
    expect(new Set(three.values()).size).toBe(3);
    expect(three.get(same.id)).toMatch(/\(2022\)$/);
  });

  it('cites a country guidance decision by name and neutral citation with "[34]"', () => {
    expect(caseCitation(AK, '[34]')).toBe('AK and SK (Pakistan) CG [2014] UKUT 569 (IAC) [34]');
    const citer = new SubsequentCiter([AK]);
    expect(citer.cite({ source: AK, sourcePage: 9, paragraph: '[34]', label: 'E5' }).head).toBe('AK and SK (Pakistan) CG [2014] UKUT 569 (IAC) [34]');
    expect(citer.cite({ source: AK, sourcePage: 10, paragraph: '[36]', label: 'E6' }).head).toBe('AK and SK (Pakistan) (n E5) [36]');
  });

  it('gives each source exactly one full citation in the schedule, and lists CG paragraphs by issue', () => {
    const ctx = partContext();
    ctx.excerpts[0] = { ...ctx.excerpts[0]!, source: AK, sourcePage: 9, paragraph: '[34]' };
    const view = scheduleView(ctx);
    const rows = view.issues.flatMap((i) => i.rows);
    const fulls = rows.filter((r) => r.citation.full);
    const sources = new Set(ctx.excerpts.map((e) => e.source.id));
    expect(fulls).toHaveLength(sources.size);
    expect(rows.filter((r) => r.citation.head.startsWith('Human Rights Watch')).length).toBe(1);
    expect(rows.some((r) => r.citation.head.startsWith("HRW, 'Walking Dead' (n E"))).toBe(true);
    expect(rows.filter((r) => r.citation.url !== undefined).length).toBeLessThanOrEqual(sources.size);
    const issue = view.issues.find((i) => i.rows.some((r) => r.label === ctx.excerpts[0]!.label))!;
    expect(issue.guidance).toEqual([`AK and SK (Pakistan) CG [2014] UKUT 569 (IAC) [34] (${ctx.excerpts[0]!.label})`]);
  });
});
