import { afterAll, describe, expect, it } from 'vitest';
import { INTERNAL_LINK_PREFIX, renderPartHtml, type PartContext, type PartRequest } from '../../src/bundle/parts/index.ts';
import { ChromiumPrinter } from '../../src/print/chromium.ts';
import { DAWN, FULL_NAME, HRW, LETTER, TRANSLATION, URDU_NAME, partContext, pageIndexOf } from './fixture.ts';
import { flat, readPart, type PrintedPart } from './pdf-read.ts';

const printer = new ChromiumPrinter();
afterAll(() => printer.close());

async function print(request: PartRequest, ctx: PartContext): Promise<PrintedPart> {
  const paper = ctx.profile.paper;
  return readPart(await printer.printHtml(renderPartHtml(request, ctx, paper), { paper }));
}

const A4: [number, number] = [595.28, 841.89];

describe('generated parts printed to PDF', () => {
  it('schedule: groups by issue in order, every row with label, page label, internal link and source URL', async () => {
    const ctx = partContext();
    const out = await print({ part: 'schedule' }, ctx);
    const text = flat(out.text);
    expect(text).toContain('Country information evidence schedule');
    expect(text).toContain('PA/01234/2026');
    const headings = ['Issue 1: Threat patterns', 'Issue 2: Internal relocation risk', 'Issue 3: Karachi-traced threats', 'Issue 4: Medical evidence'];
    const positions = headings.map((h) => text.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const e of ctx.excerpts) {
      const at = text.indexOf(`${e.label} `);
      expect(at, e.label).toBeGreaterThan(0);
      const issueIndex = headings.findIndex((h) => h.endsWith(e.issue));
      expect(at).toBeGreaterThan(positions[issueIndex]!);
      expect(text).toContain(e.page.label);
    }
    // Issue 11: the first row of a source cites it in full with "p N"; later rows use the OSCOLA short form.
    expect(text).toContain("Human Rights Watch, 'We are the Walking Dead' (29 June 2014) p 2 <");
    expect(text).toContain("HRW, 'Walking Dead' (n E2) p 14");
    const links = out.links.flat();
    const internal = links.filter((l) => l.startsWith(INTERNAL_LINK_PREFIX));
    expect(new Set(internal)).toEqual(new Set(ctx.excerpts.map((e) => `${INTERNAL_LINK_PREFIX}${e.page.pageIndex}`)));
    expect(internal).toHaveLength(ctx.excerpts.length);
    expect(links).toContain(HRW.url);
    expect(links).toContain(DAWN.url);
    expect(out.size[0]).toBeCloseTo(A4[0], 0);
    expect(out.minFontSize).toBeGreaterThanOrEqual(11.5);
  });

  it('index: sections, page ranges (with volumes) and a link to each first page', async () => {
    const ctx = partContext({ volumes: true });
    const out = await print({ part: 'index' }, ctx);
    const text = flat(out.text);
    for (const s of ctx.sections) expect(text).toContain(`Section ${s.letter}: ${s.title}`);
    expect(text).toContain('Vol 1, C2–C13');
    expect(text).toContain('Vol 1, B7–B8');
    expect(text).toContain('Vol 1, C14 – Vol 2, C17');
    expect(text).toContain('pages 1–12 and 14–25 of 62');
    expect(text).toContain('Country information evidence schedule');
    const links = out.links.flat();
    expect(links).toContain(`${INTERNAL_LINK_PREFIX}${pageIndexOf('C2')}`);
    expect(links).toContain(`${INTERNAL_LINK_PREFIX}${pageIndexOf('C18')}`);
    expect(links).toContain(`${INTERNAL_LINK_PREFIX}${pageIndexOf('A1')}`);
    expect(out.minFontSize).toBeGreaterThanOrEqual(11.5);
  });

  it('cover: an anonymised appellant shows initials only; supplementary bundles are labelled', async () => {
    const out = await print({ part: 'cover' }, partContext({ anonymise: true, supplementary: true, volumes: true }));
    const text = flat(out.text);
    expect(text).toContain('IN THE FIRST-TIER TRIBUNAL (IMMIGRATION AND ASYLUM CHAMBER)');
    expect(text).toContain('A.H.C.');
    for (const part of FULL_NAME.split(' ')) expect(text).not.toContain(part);
    expect(text).toMatch(/SUPPLEMENTARY BUNDLE 1/);
    expect(text).toContain('Supplementary bundle No. 1, dated 2 December 2026');
    expect(text).toContain('pages from 246');
    expect(text).toContain('In 2 volumes');
    expect(text).toContain('Appeal Number: PA/01234/2026');
    expect(text).toContain('Secretary of State for the Home Department');
    expect(out.pages).toBe(1);
    expect(out.minFontSize).toBeGreaterThanOrEqual(11.5);
  });

  it('cover: an Urdu name renders as Arabic-script text', async () => {
    const out = await print({ part: 'cover' }, partContext({ anonymise: false, appellantName: URDU_NAME }));
    expect(out.text.normalize('NFKC')).toMatch(/[\u0600-\u06FF]{3,}/);
  });

  it('us-eoir: Letter paper, exhibit tabs and a certificate of service', async () => {
    const ctx = partContext({ tribunal: 'us-eoir', anonymise: false });
    const cover = await print({ part: 'cover' }, ctx);
    expect(cover.size[0]).toBeCloseTo(612, 0);
    expect(cover.size[1]).toBeCloseTo(792, 0);
    expect(flat(cover.text)).toContain('In the Matter of:');
    expect(flat(cover.text)).toContain(FULL_NAME);
    const tab = await print({ part: 'divider', letter: 'B', title: 'Country conditions' }, ctx);
    expect(flat(tab.text)).toContain('Exhibit B');
    expect(tab.size[0]).toBeCloseTo(612, 0);
    const cos = await print({ part: 'certificate-of-service' }, ctx);
    expect(flat(cos.text)).toMatch(/On 21 November 2026, I, Farah Qureshi of Northgate Immigration Law, served a copy of this Appellant's bundle/);
    expect(cos.minFontSize).toBeGreaterThanOrEqual(11.5);
  });

  it('chronology, integrity, divider and translation certificate', async () => {
    const ctx = partContext();
    const chron = flat((await print({ part: 'chronology' }, ctx)).text);
    const order = ['2004', 'September 2012', '10 January 2013', '2022', 'February 2023', '4 March 2023'].map((d) => chron.indexOf(`${d} `));
    expect(order.every((p) => p >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const integrity = await print({ part: 'integrity' }, ctx);
    const itext = flat(integrity.text);
    for (const s of ctx.sources) {
      expect(itext.replace(/\s/g, '')).toContain(s.meta.originalName);
      expect(itext.replace(/[\s]/g, '')).toContain(s.meta.sha256);
    }
    expect(integrity.minFontSize).toBeGreaterThanOrEqual(11.5);
    const divider = flat((await print({ part: 'divider', letter: 'C', title: 'Country information' }, ctx)).text);
    expect(divider).toContain('Section C');
    const cert = await print({ part: 'translation-certificate', translation: TRANSLATION, original: LETTER }, ctx);
    const ctext = flat(cert.text);
    expect(ctext).toContain('Sana Malik');
    expect(ctext).toContain('DPSI (Law)');
    expect(ctext).toContain('from Urdu into English');
    expect(ctext).toContain(LETTER.title);
    expect(ctext).toContain('complete and accurate translation');
  });
});
